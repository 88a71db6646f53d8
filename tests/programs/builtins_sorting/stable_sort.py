# expect: cpython
# sorted() and list.sort() are stable (MicroPython's are not: docs/compatibility.md)
words = ["pear", "Fig", "apple", "date", "kiwi", "banana", "Cherry"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (3, "c"), (2, "c")]
print(sorted(pairs, key=lambda pair: pair[0]))
print(sorted(pairs, key=lambda pair: pair[0], reverse=True))
items = list(pairs)
items.sort(key=lambda pair: pair[1])
print(items)
records = [(index % 3, index) for index in range(30)]
records.sort(key=lambda record: record[0])
print(records)
