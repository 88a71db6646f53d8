# heapq keeps the smallest item first; heapify, pops in order, errors
import heapq
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0]
heapq.heapify(data)
print(data[0], [heapq.heappop(data) for _ in range(10)])
heap = []
for word in ["pear", "apple", "fig", "kiwi", "banana"]:
    heapq.heappush(heap, (len(word), word))
print([heapq.heappop(heap) for _ in range(len(heap))])
try:
    heapq.heappop([])
except IndexError as error:
    print(error)
try:
    heapq.heappush((), 1)
except TypeError as error:
    print(error)
try:
    heapq.heapify([1, "a"])
except TypeError as error:
    print(error)
