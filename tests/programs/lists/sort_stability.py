# expect: cpython
# list.sort and sorted are stable: items with equal keys keep their original order.
records = [('ann', 3), ('bob', 1), ('cy', 3), ('dee', 2), ('eve', 1), ('fay', 3), ('gus', 2)]
print(sorted(records, key=lambda record: record[1]))
print(sorted(records, key=lambda record: record[1], reverse=True))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'gg', 'h']
words.sort(key=len)
print(words)
numbers = [3, 1.0, 1, 2, 3.0, 2.0, True]
print(sorted(numbers))
by_parity = sorted(range(20), key=lambda value: value % 3)
print(by_parity)
