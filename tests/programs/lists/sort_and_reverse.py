# sort and sorted with key and reverse, reverse(), and sorting strings, tuples and mixed numbers.
numbers = [5, -2, 9, 0, 3.5, -7, 2**40, 1]
print(sorted(numbers), sorted(numbers, reverse=True), numbers)
numbers.sort()
print(numbers)
numbers.sort(key=abs)
print(numbers)
numbers.sort(key=lambda value: -value, reverse=True)
print(numbers)
words = ['pear', 'Apple', 'fig', 'banana', 'kiwifruit']
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, key=lambda word: word[-1]))
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y')]
print(sorted(pairs), sorted(pairs, reverse=True), sorted(pairs, key=lambda pair: pair[1]))
items = [1, 2, 3, 4]
items.reverse()
print(items, list(reversed(items)), [].sort(), sorted([]), sorted('hello'), sorted((3, 1, 2)))
try:
    [1, 'a'].sort()
except TypeError:
    print('TypeError')  # the message depends on which pair the sort compares first
