# Boolean operators and/or/not with short-circuiting and non-bool operand values.
print(True and False, True or False, not True, not 0, not [])
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default', '' or [] or 0)
print([] and 'x', [1] and 'x', 0 or None)
def side(tag, value):
    print('side', tag)
    return value
print(side('a', 0) and side('b', 1))
print(side('c', 1) or side('d', 1))
print(side('e', 1) and side('f', 0) or side('g', 'last'))
print(not side('h', '') and side('i', 'done'))
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not (x == 5))
result = x and x * 2 or -1
print(result)
if x and not None:
    print('truthy chain')
while x and x > 3:
    x -= 1
print(x)
