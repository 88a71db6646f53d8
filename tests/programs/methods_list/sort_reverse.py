# expect: cpython
# list.sort with key and reverse, stability, reverse(), and sort returning None
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'y'), (3, 'c')]
result = pairs.sort(key=lambda pair: pair[0])
print(result, pairs)
pairs.sort(key=lambda pair: pair[0], reverse=True)
print(pairs)
words = ['Delta', 'alpha', 'Charlie', 'bravo']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.reverse()
print(words)
numbers = [5, -1, 3, -7]
numbers.sort(key=abs, reverse=True)
print(numbers)
empty = []
empty.sort()
empty.reverse()
print(empty)
