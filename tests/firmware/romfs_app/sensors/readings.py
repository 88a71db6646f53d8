# Made-up temperature readings in hundredths of a degree: a linear congruential generator, so every run prints the same.
def fake_samples(count, seed=7):
    samples = []
    state = seed
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        samples.append(2000 + state % 1000)
    return samples
