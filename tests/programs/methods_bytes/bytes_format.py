# bytes.format and bytearray.format: fields, specs, conversions and the result's type
def show(template, *args, **kwargs):
    try:
        result = template.format(*args, **kwargs)
        print(type(result).__name__, result)
    except Exception as error:
        print(type(error).__name__, error)


show(b'{}', 1)
show(b'{} and {}', b'x', 'y')
show(b'{1}{0}{1}', b'a', b'b')
show(b'{name}={value:>4}', name='k', value=7)
show(b'{:x}|{:08.3f}|{:+d}|{:e}', 255, 3.14159, 5, 1234.5)
show(b'{:*^9}|{:<5}|{:>5}', b'ab', 'cd', 2.5)
show(b'{!r}|{!s}', 'q', b'z')
show(b'{!r:>8}', 'a')
show(b'{{}} {}', 0)
show(b'\xff{}\x00', 1)
show(b'{}', '\u00e9')
show(b'{:>4}|', '\u00e9')
show(b'{}{}{}', None, True, [1, (2,)])
show(b'{:5}|{:<5}', True, False)
show(bytearray(b'{}-{}'), bytearray(b'q'), 1.5)
show(bytearray(b'[{}]'), b'x')
show(b'{}', bytearray(b'y'))
show(b'')
show(bytearray())
# errors
show(b'{')
show(b'}')
show(b'{}')
show(b'{0}{}', 1, 2)
show(b'{y}', x=1)
show(b'{:d}', 'x')
show(b'{:d}', None)
show(b'{:>6}', None)
show(b'{:=6}', None)
show(b'{!x}', 1)

print(bytes.format(b'{}{}', 1, 2), bytearray.format(bytearray(b'{}'), 2))
