# struct.pack and unpack for every integer format character in each byte order
import struct
for code, value in [('b', -2), ('B', 200), ('h', -300), ('H', 60000), ('i', -70000), ('I', 4000000000), ('l', -5), ('L', 7), ('q', -2**40), ('Q', 2**63 + 5)]:
    for order in '<>!':
        packed = struct.pack(order + code, value)
        print(order + code, packed, struct.unpack(order + code, packed)[0] == value)
