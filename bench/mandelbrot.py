# Benchmark: Mandelbrot set escape counts on a grid; stresses float arithmetic and tight while loops.
def escape_count(real, imaginary, limit):
    z_real = 0.0
    z_imaginary = 0.0
    count = 0
    while count < limit:
        real_squared = z_real * z_real
        imaginary_squared = z_imaginary * z_imaginary
        if real_squared + imaginary_squared > 4.0:
            break
        z_imaginary = 2.0 * z_real * z_imaginary + imaginary
        z_real = real_squared - imaginary_squared + real
        count += 1
    return count


def render(width, height, limit):
    total = 0
    inside = 0
    checksum = 0
    for row in range(height):
        imaginary = -1.2 + 2.4 * row / height
        for column in range(width):
            real = -2.1 + 3.0 * column / width
            count = escape_count(real, imaginary, limit)
            total += count
            if count == limit:
                inside += 1
            checksum = (checksum * 31 + count) % 1000003
    return total, inside, checksum


total, inside, checksum = render(400, 300, 80)
print('iterations', total, 'inside', inside, 'checksum', checksum)
