# list.append, extend with iterables, insert at any index including out-of-range ones
items = [1]
items.append(2)
items.append([3])
items.extend((4, 5))
items.extend('ab')
items.extend(range(2))
print(items)
items = [10, 20, 30]
items.insert(0, 'front')
items.insert(2, 'mid')
items.insert(100, 'end')
items.insert(-1, 'before end')
items.insert(-100, 'very front')
print(items)
items += [7]
print(items[-2:], len(items))
