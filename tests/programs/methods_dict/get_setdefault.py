# dict.get with and without defaults and setdefault inserting only when missing
counts = {'a': 1}
print(counts.get('a'), counts.get('b'), counts.get('b', 0), 'b' in counts)
print(counts.setdefault('a', 100), counts.setdefault('b', 2), counts.setdefault('c'))
print(sorted(counts.items(), key=lambda item: item[0]))
groups = {}
for word in ['apple', 'avocado', 'banana', 'cherry', 'blueberry']:
    groups.setdefault(word[0], []).append(word)
for letter in sorted(groups):
    print(letter, groups[letter])
