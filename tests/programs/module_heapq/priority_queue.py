# a task queue on heapq: equal priorities keep insertion order through a counter
import heapq
queue = []
counter = 0
for priority, task in [(2, "write"), (1, "plan"), (3, "ship"), (1, "think"), (2, "test")]:
    heapq.heappush(queue, (priority, counter, task))
    counter += 1
print(len(queue), queue[0])
order = []
while queue:
    order.append(heapq.heappop(queue)[2])
print(order)
numbers = list(range(20, 0, -3))
heapq.heapify(numbers)
print(all(numbers[i] <= numbers[c] for i in range(len(numbers))
          for c in (2 * i + 1, 2 * i + 2) if c < len(numbers)))
