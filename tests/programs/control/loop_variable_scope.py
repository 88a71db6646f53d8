# Loop variables keep their last value after the loop; for targets can be attributes and items.
for i in range(3):
    pass
print(i)
class Holder:
    pass
holder = Holder()
for holder.value in [1, 2, 3]:
    pass
print(holder.value)
slots = [0, 0]
for slots[0] in 'xyz':
    print(slots)
table = {}
for table['k'] in range(2):
    pass
print(table)
def count_down(start):
    while start:
        start -= 1
    return start
print(count_down(5))
items = [1, 2, 3]
for item in items:
    if item == 1:
        items.append(4)
print(items)
