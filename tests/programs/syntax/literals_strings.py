# expect: micropython 1.29
# String and bytes literal forms: quotes, escapes, raw, implicit concatenation, triple quotes.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'tab\there', 'back\\slash')
print('a\nb')
print(repr('\x41\101\u00e9'), len('\u00e9'))
print(r'raw\n\t', r"raw\\")
print('con' 'cat' "en" 'ation')
print(b'bytes', b"\x00\xff", rb'\n', br'\t', len(b'\x00\xff'))
print(repr(b'a\tb'), repr('a\tb'))
text = """line one
line two
    indented"""
print(text)
print(len("""a
b"""))
print('' == "", '' is not None, bool(''), bool(' '))
print('\a\b\f\v\r'.encode() == b'\x07\x08\x0c\x0b\x0d')
print(type('s').__name__, type(b's').__name__)
