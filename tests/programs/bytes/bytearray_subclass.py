# Subclasses of bytearray keep its storage, methods, buffer and printing.
class Packet(bytearray):
    def checksum(self):
        return sum(self) & 0xFF

packet = Packet(b'abc')
packet.append(100)
packet.extend(b'!')
packet[0] = 65
print(packet, len(packet), packet.checksum(), packet[0], packet[1:3], isinstance(packet, bytearray))
print(bytes(packet), list(memoryview(packet)[:2]), packet == b'Abcd!', packet.upper())
packet += b'?'
print(packet, type(packet).__name__)
view = memoryview(packet)
view[1] = 66
print(packet, bytes(view[-2:]))
try:
    hash(packet)
except TypeError as error:
    print('TypeError', error)
