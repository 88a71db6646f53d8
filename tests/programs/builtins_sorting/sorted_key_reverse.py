# sorted() and list.sort(): key and reverse (stability: stable_sort.py)
words = ["pear", "Fig", "apple", "banana", "Cherries", "kiwifruit", "ox"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda word: word.lower()))
pairs = [(2, "b"), (1, "z"), (4, "a"), (5, "y"), (3, "c"), (6, "d")]
print(sorted(pairs, key=lambda pair: pair[0]))
print(sorted(pairs, key=lambda pair: pair[0], reverse=True))
items = list(pairs)
items.sort(key=lambda pair: pair[1])
print(items)
items.sort(reverse=True)
print(items)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}))
print(sorted([]), sorted([1.5, -2, 0, True]))
try:
    [3, 1].sort(lambda x: x)
except TypeError as error:
    print("TypeError", error)
