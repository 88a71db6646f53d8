# array append, extend, indexing, slicing, iteration, item assignment and repr
from array import array
numbers = array('i', [1, 2, 3])
numbers.append(4)
numbers.extend([5, 6])
numbers.extend(array('i', [7]))
print(numbers, len(numbers), numbers[0], numbers[-1])
numbers[1] = 20
print(numbers[1:3], list(numbers[:2]), sum(numbers))
print(array('B'), array('f', [1.0]), array('b', b'\x01\x02'))
overflow = array('B', [0])
overflow[0] = 300
print(overflow[0])
print(bytes(array('h', [1, 256])))
