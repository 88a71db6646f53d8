# classmethod and staticmethod: calling through class and instance, alternative constructors.
class Temperature:
    unit = 'C'
    def __init__(self, degrees):
        self.degrees = degrees
    @classmethod
    def from_fahrenheit(cls, value):
        return cls((value - 32) * 5 // 9)
    @staticmethod
    def is_freezing(degrees):
        return degrees <= 0
    @classmethod
    def describe(cls):
        return cls.__name__ + ' in ' + cls.unit
class Kelvin(Temperature):
    unit = 'K'
print(Temperature.from_fahrenheit(212).degrees)
print(type(Kelvin.from_fahrenheit(32)).__name__)
print(Temperature.is_freezing(-1), Temperature(5).is_freezing(5))
print(Temperature.describe(), Kelvin.describe(), Kelvin(1).describe())
class Counter:
    total = 0
    @classmethod
    def bump(cls):
        cls.total += 1
        return cls.total
print(Counter.bump(), Counter().bump(), Counter.total)
helper = Temperature.is_freezing
print(helper(0))
