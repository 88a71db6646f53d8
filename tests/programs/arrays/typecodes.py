# array typecodes: item values, lengths and byte sizes through bytes()
from array import array
for code, values in [('b', [-1, 2]), ('B', [255, 0]), ('h', [-300, 7]), ('H', [65535]), ('i', [-70000]), ('I', [70000]), ('l', [-1]), ('L', [1]), ('q', [-2**40]), ('Q', [2**40]), ('f', [1.5, -0.25]), ('d', [2.5])]:
    items = array(code, values)
    print(code, list(items), len(items), len(bytes(items)) // len(items))
