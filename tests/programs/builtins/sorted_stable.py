# expect: cpython
# sorted with key and reverse; stability keeps equal keys in input order
words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted('cab'), sorted({3: 'x', 1: 'y'}))
records = [('b', 2), ('a', 1), ('c', 2), ('d', 1)]
print(sorted(records, key=lambda record: record[1]))
print(sorted(records, key=lambda record: record[1], reverse=True))
print(sorted([]), sorted((5, -5, 0), key=abs))
print(sorted([2.5, 1, True, -3]))
