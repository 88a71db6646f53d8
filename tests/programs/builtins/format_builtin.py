# expect: cpython
# the format() built-in with and without specs on ints, floats and strings
print(format(42), format(42, 'd'), format(42, '08b'), format(255, 'x'), format(255, '#X'))
print(format(3.14159, '.2f'), format(1234567.891, '.1f'), format(0.5, '%'))
print(format('hi', '>5') + '|', format('hi', '^6') + '|', format('hi', '*<4') + '|')
print(format(-7, '+d'), format(7, '+d'), format(7, ' d'))
print(format(1e10, 'e'), format(12.5, 'g'), format(1e-7, 'g'))
print(format(True), format(None), format([1, 2]))
