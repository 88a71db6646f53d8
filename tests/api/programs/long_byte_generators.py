# bytes() and bytearray() of long generators, in a heap too small to hold their items as a
# list: the items must go straight into the byte buffer.
count = 200_000
print(len(bytes(i & 255 for i in range(count))))
print(len(bytearray(i & 255 for i in range(count))))
print(bytes(i & 255 for i in range(count))[-3:])
