# t-strings over several lines: MicroPython counts some line breaks twice (a backslash-newline
# in a literal part or format spec, a line break in `{expression=}` text), which moves the
# lines of everything after them.
a = [1]
b = 2
first = t"""{a[0]}
{b}"""
continued = t"one \
two {b}"
continued_alone = t"one \
two"
continued_raw = rt"""one \
two {b}"""
debug_over_lines = t"""{a[0]
=}{b}"""
spec_continued = t"""{b:\
}{a[0]}"""
trailing_break = t"""{b
}"""
after = b
