# reference cycles are reclaimed by gc.collect without disturbing live data
import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.partner = None
keep = Node('kept')
for index in range(200):
    first = Node(index)
    second = Node(index)
    first.partner = second
    second.partner = first
gc.collect()
print(keep.value, first.partner.partner is first, second.value)
gc.collect()
print(gc.isenabled())
