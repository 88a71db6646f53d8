# Bitwise special methods and their reflected forms, with NotImplemented deferring to the other operand.
class Flags:
    def __init__(self, bits):
        self.bits = bits
    def __repr__(self):
        return 'Flags(%s)' % bin(self.bits)
    def __and__(self, other):
        return Flags(self.bits & int(other))
    def __or__(self, other):
        return Flags(self.bits | int(other))
    def __xor__(self, other):
        return Flags(self.bits ^ int(other))
    def __lshift__(self, count):
        return Flags(self.bits << count)
    def __rshift__(self, count):
        return Flags(self.bits >> count)
    def __invert__(self):
        return Flags(~self.bits & 0xF)
    def __int__(self):
        return self.bits
    def __rand__(self, other):
        return Flags(other & self.bits)
    def __ror__(self, other):
        return Flags(other | self.bits)
    def __rxor__(self, other):
        return Flags(other ^ self.bits)
    def __radd__(self, other):
        return 'radd with %r' % other
f = Flags(0b1010)
print(f & 0b0110, f | 1, f ^ 0b1111, f << 2, f >> 1, ~f)
print(0b0011 & f, 0b0101 | f, 0b1111 ^ f)
print(5 + f)
class Left:
    def __add__(self, other):
        return NotImplemented
class Right:
    def __radd__(self, other):
        return 'Right handled it'
print(Left() + Right())
class Amount:
    def __init__(self, value):
        self.value = value
    def __sub__(self, other):
        return Amount(self.value - other)
    def __rsub__(self, other):
        return Amount(other - self.value)
    def __rtruediv__(self, other):
        return other / self.value
    def __rfloordiv__(self, other):
        return other // self.value
    def __rmod__(self, other):
        return other % self.value
    def __rpow__(self, other):
        return other ** self.value
print((Amount(10) - 3).value, (100 - Amount(1)).value)
print(9 / Amount(2), 9 // Amount(2), 9 % Amount(2), 2 ** Amount(5))
