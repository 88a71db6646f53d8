# heapq over strings and tuples, heapify of an already sorted and a reversed list, merging by hand
import heapq
words = ['pear', 'apple', 'fig', 'banana']
heapq.heapify(words)
print([heapq.heappop(words) for _ in range(4)])
descending = list(range(10, 0, -1))
heapq.heapify(descending)
print(descending[0], len(descending))
ascending = list(range(5))
heapq.heapify(ascending)
print(ascending)
first, second = [1, 4, 9], [2, 3, 10]
merged_heap = []
for value in first + second:
    heapq.heappush(merged_heap, value)
print([heapq.heappop(merged_heap) for _ in range(6)])
