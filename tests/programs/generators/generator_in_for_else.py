# Generators in for loops with else and break; a broken-off generator can be resumed.
def numbers():
    for n in range(6):
        yield n
gen = numbers()
for value in gen:
    if value == 2:
        break
else:
    print('not reached')
print('broke at', value, 'remaining', list(gen))
for value in numbers():
    pass
else:
    print('else after generator exhausted, last', value)
def primes(limit):
    candidate = 2
    while candidate < limit:
        for divisor in range(2, candidate):
            if candidate % divisor == 0:
                break
        else:
            yield candidate
        candidate += 1
print(list(primes(30)))
