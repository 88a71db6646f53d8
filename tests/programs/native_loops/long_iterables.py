# Native loops (sum, all, any, min, max, in, filter, set, dict, join, bytes, unpacking) over
# long iterables of fresh objects; every line prints True. tests/unit/vm runs this with a
# million items and a small heap and checks that the root stack stays small.
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
# Results that take memory in proportion to their length stay short.
short = min(count, 1000)
big = 10**30
items = [1]

print(sum(big + i for i in range(count)) == count * big + count * (count - 1) // 2)
print(all(items for _ in range(count)))
print(not any([] for _ in range(count)))
print(max((big + i for i in range(count)), key=lambda value: -value) == big)
print(min(big + i for i in range(count)) == big)
print(max(big, big + 1, big - 1) == big + 1)
print((big + count - 1) in (big + i for i in range(count)))
print(list(filter(lambda value: value == big + count - 1, (big + i for i in range(count))))
      == [big + count - 1])
print(len(set((big + i) % 7 for i in range(count))) == 7)
print(len(dict(((big + i) % 5, big) for i in range(count))) == 5)
print(len("".join(str((big + i) % 10) for i in range(short))) == short)
print(len(bytes((big + i) % 2 for i in range(short))) == short)
first, *rest = (str(big + i) for i in range(short))
print(first == str(big) and len(rest) == short - 1)
print(sorted((big - i for i in range(short)), key=lambda value: -value)[0] == big)
print(max([], default=None) is None)
