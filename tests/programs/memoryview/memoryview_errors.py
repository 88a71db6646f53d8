# Errors from memoryviews: out-of-range indexes, read-only bytes, and mismatched slice lengths.
readonly = memoryview(b'abc')
writable = memoryview(bytearray(b'abc'))
for action in (lambda: readonly[3], lambda: writable[-4], lambda: memoryview(5)):
    try:
        print(action())
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)

def write_readonly():
    readonly[0] = 1

def write_wrong_length():
    writable[0:2] = b'xyz'

def write_far():
    writable[3] = 1

for action in (write_readonly, write_wrong_length, write_far):
    try:
        action()
    except (TypeError, ValueError, IndexError) as error:
        print(type(error).__name__, error)
print(bytes(writable))
