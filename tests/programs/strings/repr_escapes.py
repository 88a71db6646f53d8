# expect: micropython 1.29
# repr of strings: quote choice, escapes for control characters, backslashes and non-ASCII text.
samples = ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'new\nline', 'cr\rx', 'back\\slash',
           '\x00\x01\x1f\x7f', 'bell\a', '\x0b\x0c', 'é', 'ñandú', '日本', '😀', '\u200b', '']
for sample in samples:
    print(repr(sample), len(sample))
print(str('new\nline'), 'a\tb')
print([repr('x')], ['x', "y'"], ('q"',))
print(repr('\\n'), '\x41\u0042\U00000043', '\101', 'a\
b')
