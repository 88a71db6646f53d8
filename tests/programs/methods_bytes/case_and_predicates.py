# bytes upper, lower, center and the is* predicates
data = b'Hello World 42'
print(data.upper(), data.lower())
print(b'abc'.isalpha(), b'123'.isdigit(), b' \n'.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(b'a1'.isalpha(), b''.isdigit(), b'Ab'.isupper())
print(b'mid'.center(7), b'mid'.center(2))
