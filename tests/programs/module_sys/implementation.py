# sys.implementation carries a name, a version tuple and the mpy ABI word with version 6
import sys
implementation = sys.implementation
print(type(implementation.name).__name__, len(implementation.version) >= 3)
print('mpy version', implementation._mpy & 0xff)
