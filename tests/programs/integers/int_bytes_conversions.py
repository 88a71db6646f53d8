# expect: micropython 1.29
# int.to_bytes and int.from_bytes: byte orders, lengths, negative values and overflow.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

attempt('big', lambda: (258).to_bytes(2, 'big'))
attempt('little', lambda: (258).to_bytes(4, 'little'))
attempt('huge', lambda: (2 ** 70).to_bytes(10, 'big'))
attempt('fit', lambda: (2 ** 72 - 1).to_bytes(9, 'little'))
attempt('over', lambda: (258).to_bytes(1, 'big'))
attempt('neg', lambda: (-1).to_bytes(2, 'big'))
attempt('neg2', lambda: (-256).to_bytes(2, 'little'))
attempt('neg3', lambda: (-128).to_bytes(1, 'big'))
attempt('negover', lambda: (-129).to_bytes(1, 'big'))
attempt('negbig', lambda: (-2 ** 63).to_bytes(8, 'big'))
attempt('negbigover', lambda: (-2 ** 63 - 1).to_bytes(8, 'big'))
attempt('signed', lambda: (-1).to_bytes(2, 'big', signed=True))
attempt('signed2', lambda: (-256).to_bytes(2, 'little', signed=True))
attempt('signed3', lambda: (-128).to_bytes(1, 'big', signed=True))
attempt('signedover', lambda: (-129).to_bytes(1, 'big', signed=True))
attempt('signedbig', lambda: (-2 ** 63).to_bytes(8, 'big', signed=True))
attempt('signedbigover', lambda: (-2 ** 63 - 1).to_bytes(8, 'big', signed=True))
attempt('signedpositive', lambda: (128).to_bytes(1, 'big', signed=True))
attempt('empty', lambda: (0).to_bytes(0, 'big'))
attempt('from', lambda: (int.from_bytes(b'\x01\x02', 'big'), int.from_bytes(b'\x01\x02', 'little')))
attempt('fromhuge', lambda: int.from_bytes(b'\xff' * 10, 'big'))
attempt('fromempty', lambda: int.from_bytes(b'', 'little'))
for value in (0, 1, 255, 256, 65535, 2 ** 40 + 7):
    data = value.to_bytes(8, 'little')
    print(value, data, int.from_bytes(data, 'little') == value)
