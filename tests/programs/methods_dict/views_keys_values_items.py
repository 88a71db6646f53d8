# dict keys, values and items views: membership, length, iteration and live updates
inventory = {'apples': 3}
keys = inventory.keys()
values = inventory.values()
items = inventory.items()
inventory['pears'] = 5
print(len(keys), sorted(keys), sorted(values), sorted(items))
print('apples' in keys, 'plums' in keys, ('pears', 5) in items)
print(sum(inventory.values()), sorted(key.upper() for key in inventory))
for key, count in sorted(inventory.items()):
    print(key, count)
print(list({}.keys()), list({}.values()), list({}.items()))
