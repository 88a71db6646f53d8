# Benchmark: n-body gravity simulation; stresses float arithmetic, list indexing and nested loops.
PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    # Each body: [x, y, z, vx, vy, vz, mass] (sun, jupiter, saturn, uranus, neptune).
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS],
        [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS],
        [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS],
        [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS],
    ]
    momentum = [0.0, 0.0, 0.0]
    for body in bodies:
        for axis in range(3):
            momentum[axis] += body[3 + axis] * body[6]
    for axis in range(3):
        bodies[0][3 + axis] = -momentum[axis] / SOLAR_MASS
    return bodies


def energy(bodies):
    total = 0.0
    for index, body in enumerate(bodies):
        total += 0.5 * body[6] * (body[3] * body[3] + body[4] * body[4] + body[5] * body[5])
        for other in bodies[index + 1:]:
            dx = body[0] - other[0]
            dy = body[1] - other[1]
            dz = body[2] - other[2]
            total -= body[6] * other[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return total


def advance(bodies, step, count):
    pairs = [(bodies[first], bodies[second]) for first in range(len(bodies))
             for second in range(first + 1, len(bodies))]
    for repeat in range(count):
        for body, other in pairs:
            dx = body[0] - other[0]
            dy = body[1] - other[1]
            dz = body[2] - other[2]
            distance_squared = dx * dx + dy * dy + dz * dz
            magnitude = step / (distance_squared * distance_squared ** 0.5)
            body_mass = body[6] * magnitude
            other_mass = other[6] * magnitude
            body[3] -= dx * other_mass
            body[4] -= dy * other_mass
            body[5] -= dz * other_mass
            other[3] += dx * body_mass
            other[4] += dy * body_mass
            other[5] += dz * body_mass
        for body in bodies:
            body[0] += step * body[3]
            body[1] += step * body[4]
            body[2] += step * body[5]


bodies = make_bodies()
before = energy(bodies)
advance(bodies, 0.01, 70000)
after = energy(bodies)
# Printed as scaled integers so that float formatting differences cannot change the output.
print('energy before', int(before * 1e9), 'after', int(after * 1e9))
