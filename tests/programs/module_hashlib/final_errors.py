# After digest() a MicroPython hash is final; bad arguments are TypeErrors.
import hashlib

h = hashlib.sha256(b'data')
print(len(h.digest()))
for action in [lambda: h.update(b'more'), lambda: h.digest()]:
    try:
        action()
    except ValueError as error:
        print('ValueError', error)
for arguments in [(5,), (b'a', b'b')]:
    try:
        hashlib.sha256(*arguments)
    except TypeError as error:
        print('TypeError', error)
try:
    hashlib.sha256().update(None)
except TypeError as error:
    print('TypeError', error)
print(hashlib.sha256(b'x'))
