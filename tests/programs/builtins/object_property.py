# object() instances and property with getter, setter and deleter
marker = object()
print(type(marker).__name__, marker == marker, marker == object())
class Temperature:
    def __init__(self):
        self._celsius = 0
    @property
    def fahrenheit(self):
        return self._celsius * 9 // 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, value):
        self._celsius = (value - 32) * 5 // 9
    @fahrenheit.deleter
    def fahrenheit(self):
        print('deleting')
        self._celsius = 0
reading = Temperature()
print(reading.fahrenheit)
reading.fahrenheit = 212
print(reading._celsius, reading.fahrenheit)
del reading.fahrenheit
print(reading.fahrenheit)
class ReadOnly:
    value = property(lambda self: 5)
try:
    ReadOnly().value = 6
except AttributeError:
    print('AttributeError on read-only property')
