# Ends with an uncaught IndexError writing past the end of a bytearray.
def fill(buffer, count):
    for index in range(count):
        buffer[index] = 65 + index
    return buffer

print(fill(bytearray(3), 3))
print(fill(bytearray(3), 4))
