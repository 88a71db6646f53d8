# Errors arrays raise: bad indexes, step slices in assignment, deletion and unsupported operators.
from array import array

values = array('i', [1, 2, 3])

def store_far():
    values[3] = 0

def store_step():
    values[::2] = array('i', [0, 0])

def store_int_slice():
    values[0:1] = 5

def delete_item():
    del values[0]

for action in (store_far, store_step, store_int_slice, delete_item,
               lambda: values[::2], lambda: bytearray(b'abc')[::-1], lambda: values * 2, lambda: hash(values), lambda: 1 in values):
    try:
        print(action())
    except Exception as error:
        print(type(error).__name__, error)
print(values, bytes(values[1:]))
