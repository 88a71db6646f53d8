# t-strings without fields: one string in the tuple, escapes, raw, triple quotes, braces.
plain = t"Hello"
empty = t''
escapes = t"tab\there \x41\u00e9\101"
raw = rt"C:\new\{name}" if 0 else rt"C:\new\test"
braces = t"{{literal}} and }}"
triple = t"""first
second"""
joined_with_empty = t"text" ''
