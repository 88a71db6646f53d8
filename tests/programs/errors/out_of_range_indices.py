# out-of-range indices on every sequence type give IndexError with the type-specific message
sequences = [[1, 2], (1, 2), 'ab', b'ab', bytearray(b'ab'), range(2)]
for sequence in sequences:
    try:
        sequence[5]
    except IndexError as error:
        print(type(sequence).__name__, 'IndexError', error)
for sequence in [[1], bytearray(b'a')]:
    try:
        sequence[3] = 0
    except IndexError as error:
        print('store', type(sequence).__name__, error)
try:
    [].pop(0)
except IndexError as error:
    print('IndexError', error)
