# OrderedDict keeps insertion order through updates, deletions and re-insertions
from collections import OrderedDict
ordered = OrderedDict()
ordered['zebra'] = 1
ordered['apple'] = 2
ordered['mango'] = 3
print(list(ordered.keys()), list(ordered.values()))
ordered['zebra'] = 10
del ordered['apple']
ordered['apple'] = 4
print(list(ordered.items()))
print(ordered.popitem(), list(ordered))
built = OrderedDict([('b', 1), ('a', 2)])
print(built, len(built), 'a' in built)
