# os.listdir of the root returns strings, stat returns a 10-tuple-like result for the root
import os
entries = os.listdir('/')
print(all(isinstance(entry, str) for entry in entries))
info = os.stat('/')
print(len(info) >= 7, isinstance(info[0], int))
print(os.sep)
