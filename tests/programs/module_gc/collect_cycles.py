# gc.collect reclaims cycles; the program keeps working across many collections
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
for round in range(20):
    first = Node("a" + str(round))
    second = Node("b")
    first.other = second
    second.other = first
    gc.collect()
kept = [Node(str(i)) for i in range(5)]
gc.collect()
print([node.name for node in kept], first.other.other.name)
gc.disable()
data = [list(range(10)) for _ in range(50)]
gc.enable()
gc.collect()
print(sum(map(sum, data)), gc.isenabled())
