# deque drops from the far end when full, or raises with flags=1; subscripts and errors
from collections import deque
d = deque([1, 2, 3, 4], 3)
print(list(d), len(d), bool(d))
d.appendleft(0)
print(list(d))
d.extend(range(10, 12))
print(list(d), d[0], d[-1], 11 in d)
d[1] = "x"
print(list(d))
print(d.pop(), d.popleft(), list(d))
strict = deque((), 2, 1)
strict.append(1)
strict.append(2)
try:
    strict.append(3)
except IndexError as error:
    print("IndexError", error)
empty = deque((), 1)
for operation in (empty.pop, empty.popleft):
    try:
        operation()
    except IndexError as error:
        print("IndexError", error)
try:
    d[7]
except IndexError as error:
    print(error)
