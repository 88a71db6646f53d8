# Mutating a bytearray: item assignment, slice assignment of other lengths, append and extend.
array = bytearray(b'abcdef')
array[0] = 65
array[-1] = 0x46
print(array)
array[1:3] = b'XYZ'
print(array, len(array))
array[2:5] = b''
print(array)
array[0:0] = b'>>'
print(array)
array[len(array):] = bytearray(b'<<')
print(array)
array[:] = b'fresh'
print(array, len(array))
array.append(33)
array.extend([34, 35])
array.extend(b'$')
print(array, array[-1])
alias = array
alias[0] = 122
print(array, alias is array, array == b'zresh!"#$')
array[0] = 255
array[1] = 0
print(array[:2], list(array[:2]))
def store_far():
    array[100] = 1

for bad in (lambda: array.append('a'), store_far):
    try:
        bad()
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
