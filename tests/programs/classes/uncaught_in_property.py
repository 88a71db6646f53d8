# An exception raised inside a property getter, reached through attribute access in a method.
class Sensor:
    def __init__(self, readings):
        self.readings = readings
    @property
    def average(self):
        return sum(self.readings) // len(self.readings)
    def report(self):
        return 'average %d' % self.average
print(Sensor([3, 5]).report())
print(Sensor([]).report())
