# deque append/appendleft/pop/popleft with maxlen dropping items from the other end
from collections import deque
queue = deque((), 3)
for value in range(5):
    queue.append(value)
print(list(queue), len(queue))
print(queue.popleft(), queue.pop(), list(queue))
queue.appendleft('left')
print(list(queue), bool(queue))
queue.pop()
queue.pop()
print(len(queue), bool(queue))
try:
    queue.pop()
except IndexError as error:
    print('IndexError', error)
unbounded = deque([1, 2], 10)
unbounded.extend([3, 4])
print(list(unbounded), unbounded[0], unbounded[-1])
