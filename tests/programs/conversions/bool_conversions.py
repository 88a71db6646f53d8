# Truthiness of values of every basic type and bool() conversions.
values = [0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, '', ' ', '0', b'', b'\x00', [], [0], (), (None,), {}, {0: 0},
          set(), {0}, frozenset(), range(0), range(1), None, 2**70, bytearray()]
print([bool(value) for value in values])
print(bool(), bool(True), bool(False), not [], not [[]], [] or 'default', 0 or '' or None, 1 and 2, 0 and 1)
count = 0
for value in values:
    if value:
        count += 1
print(count, sum(1 for value in values if not value))
print(True == 1, False == 0, True + True, str(True), repr(False), int(True) + float(False))
