# A backslash at the end of the file.
value = 1 + \
