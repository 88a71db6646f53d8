# struct errors: wrong buffer sizes and wrong argument counts
import struct
attempts = [
    lambda: struct.unpack('<I', b'\x00'),
    lambda: struct.calcsize('<Z'),
    lambda: struct.pack_into('<I', bytearray(2), 0, 1),
]
for attempt in attempts:
    try:
        attempt()
        print('no error')
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
