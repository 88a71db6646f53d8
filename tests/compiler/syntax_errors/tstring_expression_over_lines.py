# t-string expression over two lines.
x = 1
t"""{x
+ 1}"""
