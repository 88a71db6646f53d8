# f and t prefixes together.
x = 1
ft"{x}"
