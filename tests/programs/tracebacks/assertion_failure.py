# A failing assert with a message inside a class method ends the program.
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, count):
        assert count > 0, 'count must be positive, got %d' % count
        self.items[name] = self.items.get(name, 0) + count
inventory = Inventory()
inventory.add('apple', 3)
print(inventory.items)
inventory.add('pear', -1)
