# defaultdict creates missing values with its factory on item access
from collections import defaultdict
counts = defaultdict(int)
for word in 'the cat and the hat and the bat'.split():
    counts[word] += 1
print(counts['the'], counts['and'], counts['cat'], counts['dog'])
groups = defaultdict(list)
for number in range(10):
    groups[number % 3].append(number)
print(groups[0], groups[1], groups[2], groups[3])
labels = defaultdict(lambda: 'unknown')
labels['known'] = 'yes'
print(labels['known'], labels['other'])
print(counts.default_factory is int, groups.default_factory is list)
