# Indexing bytes and bytearray gives ints; negative indexes; iteration and membership.
data = b'AZaz09\x00\xff'
print([data[index] for index in range(len(data))], data[-1], data[-len(data)], len(data))
print(list(data), [byte for byte in b'hi'], 65 in data, 300 in data if False else 1 in data, b'az' in data)
array = bytearray(b'hello')
print(array[0], array[-1], type(array[0]).__name__, list(array), b'ell' in array)
print(len(b''), len(bytearray(10)), bytearray(3)[2])
for bad in (lambda: data[8], lambda: data[-9], lambda: array[5], lambda: data['a']):
    try:
        print(bad())
    except (IndexError, TypeError) as error:
        print(type(error).__name__, error)
