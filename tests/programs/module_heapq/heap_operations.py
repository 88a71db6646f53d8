# heapq.heappush, heappop and heapify produce ascending pops and keep the heap invariant
import heapq
heap = []
for value in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(heap, value)
print(heap[0], [heapq.heappop(heap) for _ in range(len(heap))])
data = [9, 4, 7, 1, 0, 3]
heapq.heapify(data)
print(data[0], all(data[i] <= data[c] for i in range(len(data)) for c in (2 * i + 1, 2 * i + 2) if c < len(data)))
tasks = []
for priority, name in [(3, 'low'), (1, 'urgent'), (2, 'normal')]:
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks)[1] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as error:
    print('IndexError', error)
