# an uncaught TypeError for a wrong argument count in a method ends with a traceback
class Counter:
    def __init__(self):
        self.total = 0
    def add(self, amount):
        self.total += amount
        return self.total
counter = Counter()
print(counter.add(5))
print(counter.add(1, 2))
