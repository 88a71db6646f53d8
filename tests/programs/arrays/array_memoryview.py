# A memoryview over an array reads and writes whole items of the array's typecode.
from array import array

numbers = array('h', [1, -2, 3, 400])
view = memoryview(numbers)
print(len(view), view[0], view[1], view[-1], list(view[1:3]), len(view[2:]))
view[0] = -7
view[1:3] = array('h', [20, 30])
print(numbers, bytes(view[3:]))
part = view[2:]
part[1] = 9
print(numbers, part[0], list(part))
doubles = array('d', [0.5, 1.5])
print(memoryview(doubles)[1], list(memoryview(doubles)), bytes(array('f', [1.0])))
try:
    view[0:2] = array('h', [1])
except ValueError as error:
    print('ValueError', error)
