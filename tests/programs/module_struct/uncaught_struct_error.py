# an uncaught struct error from unpacking a short buffer ends the program with a traceback
import struct
def read_header(data):
    magic, length = struct.unpack('<HI', data)
    return magic, length
print(read_header(b'\x4d\x00\x10\x00\x00\x00'))
print(read_header(b'\x4d\x00'))
