# Appending to, extending, indexing and slicing arrays, and assigning through slices.
from array import array

values = array('h', [1, 2, 3])
values.append(-4)
values.extend([5, 6])
values.extend(array('h', [7]))
print(values, len(values), values[0], values[-1], values[2:5], list(values[-2:]))
values[0] = 100
values[-1] = -100
print(values, sum(values), max(values), [item * 2 for item in values[:3]])
values[1:3] = array('h', [9])
print(values, len(values))
values[0:0] = array('h', [11, 12])
print(values)
grown = array('i', [1]) + array('i', [2, 3])
grown += array('i', [4])
print(grown, grown == array('i', [1, 2, 3, 4]), grown != array('i', [1]), 2 in list(grown))
floats = array('d', [1.5])
floats.append(2)
floats[0] = 0.25
print(floats, floats[1] + floats[0])
for bad in (lambda: values.append('a'), lambda: values[20], lambda: floats.append('x')):
    try:
        print(bad())
    except (TypeError, IndexError) as error:
        print(type(error).__name__, error)
