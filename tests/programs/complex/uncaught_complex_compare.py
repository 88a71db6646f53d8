# Ends with an uncaught TypeError from sorting complex numbers.
values = [3 + 1j, 1 - 1j, 2j]
print(sorted(values, key=abs))
print(sorted(values))
