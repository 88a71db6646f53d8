# bytes as arguments of str.format and bytes.format: under a spec their raw bytes are the text
print('{}|{!r}|{!s}'.format(b'ab', b'ab', b'ab'))
print('{:s}|{:>4}|{:<4}|{:^6}|'.format(b'x', b'y', b'z', b'mid'))
print('{:.2}|'.format(b'abcdef'))
print(b'{:s}|{:>4}|{:.1}'.format(b'x', b'y', b'zz'))
print(b'{:>6}'.format(b'\x00\xff'))
print('{}'.format(bytearray(b'q')))
for template, value in (('{:s}', bytearray(b'x')), ('{:d}', b'1'), ('{:=4}', b'x'),
                        (b'{:s}', bytearray(b'x')), (b'{:x}', b'x')):
    try:
        print(template.format(value))
    except Exception as error:
        print(type(error).__name__, error)
print('{:5s}|{:<3}|'.format(b'\xc3\xa9', b'\xc3\xa9'))
