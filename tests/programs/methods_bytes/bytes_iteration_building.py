# building bytes from computed values, checksums and XOR-ing two byte strings
message = b'xipy test'
key = b'KEY'
scrambled = bytes(byte ^ key[index % len(key)] for index, byte in enumerate(message))
print(scrambled)
restored = bytes(byte ^ key[index % len(key)] for index, byte in enumerate(scrambled))
print(restored, restored == message)
print(sum(message) % 256, bytes([sum(message) % 256]))
print([hex(byte) for byte in message[:3]])
