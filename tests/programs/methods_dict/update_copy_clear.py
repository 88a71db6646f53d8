# dict.update from dicts, pairs and keywords; copy independence; clear
base = {'a': 1}
base.update({'b': 2})
base.update([('c', 3)])
base.update(d=4)
base.update({'a': 10}, e=5)
print(sorted(base.items()))
duplicate = base.copy()
duplicate['a'] = 0
print(base['a'], duplicate['a'], len(duplicate))
base.clear()
print(base, len(base), len(duplicate))
