# Small-int arithmetic at the edges of the small-int range (48 bits here, 63 on MicroPython):
# results that grow into big ints, shifts by large counts, floor division and modulo of
# negative numbers, and ints mixed with floats and bools.
top = (1 << 47) - 1
bottom = -(1 << 47)
print(top + 1, bottom - 1, top * 2, bottom * bottom, -bottom)
print(top << 1, 1 << 47, 1 << 48, 1 << 62, 1 << 63, 1 << 64, 3 << 100, -1 << 70)
print(5 << 0, -5 << 3, 0 << 200)
print(top >> 1, bottom >> 47, bottom >> 100, -1 >> 1, 12345 >> 70)
print(12345 * 6789, -12345 * 6789, (1 << 30) * (1 << 30), (1 << 24) * -(1 << 24))
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(bottom // -1, bottom % -1, divmod(-7, 2), divmod(bottom, 3))
print(2 ** 10, 2 ** 47, 3 ** 40, (-2) ** 63, 2 ** -1, 0 ** 0)
print(top & -1, top | bottom, top ^ bottom, ~top, ~bottom)
for operation in ('/', '//', '%'):
    try:
        print(eval('1' + operation + '0'))
    except ZeroDivisionError as error:
        print('ZeroDivisionError', error)
try:
    print(1 << -1)
except ValueError as error:
    print('ValueError', error)
try:
    print(1 >> -1)
except ValueError as error:
    print('ValueError', error)

# Mixed with floats: the int becomes a float.
print(1 + 0.5, 0.5 + 1, 3 * 1.5, 7 / 2, 7 // 2.0, -7 % 2.5, 2 ** 0.5, 2.0 ** 3)
print(1 < 1.5, 2 == 2.0, 2 != 2.0, 3 >= 3.0, 1e20 > top, bottom < -1e14)
print(top + 0.0, float(bottom) == bottom, 0.1 + 0.2 == 0.3)
try:
    print(1.0 / 0)
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
try:
    print(5 % 0.0)
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, 1 < nan)

# bools count as ints.
print(True + 1, True * 7, True << 4, 1 < True, False - 1, True ^ 1, True & 3)

# Operators ints do not have.
for text in ('1 @ 2', '1.0 @ 2', '1 + None', "2 * 'ab'", '[1] * 2'):
    try:
        print(text, eval(text))
    except TypeError as error:
        print(text, 'TypeError', error)


# A subclass of int keeps its own operators.
class Counting(int):
    def __add__(self, other):
        return 'added ' + str(int(self)) + ' and ' + str(other)

    def __lt__(self, other):
        return 'compared'


print(Counting(3) + 4, Counting(3) < 5, Counting(3) * 2, Counting(3) - 1)
