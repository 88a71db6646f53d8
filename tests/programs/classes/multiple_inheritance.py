# Multiple inheritance without a diamond: method lookup order left to right, mixins.
class Walker:
    def move(self):
        return 'walk'
    def walk_only(self):
        return 'walker feature'
class Swimmer:
    def move(self):
        return 'swim'
    def swim_only(self):
        return 'swimmer feature'
class Duck(Walker, Swimmer):
    pass
class Fish(Swimmer, Walker):
    pass
duck, fish = Duck(), Fish()
print(duck.move(), fish.move(), duck.swim_only(), fish.walk_only())
class JsonMixin:
    def to_text(self):
        return '{' + ', '.join('%s: %s' % item for item in sorted(self.__dict__.items())) + '}'
class Record:
    def __init__(self, **fields):
        for key, value in fields.items():
            setattr(self, key, value)
class JsonRecord(JsonMixin, Record):
    pass
print(JsonRecord(b=2, a=1).to_text())
print(isinstance(duck, Walker), isinstance(duck, Swimmer), issubclass(Fish, Walker))
class Left:
    def greet(self):
        return 'left'
class Right:
    def greet(self):
        return 'right'
    def extra(self):
        return 'right extra'
class Both(Left, Right):
    def greet(self):
        return 'both+' + super().greet()
print(Both().greet(), Both().extra())
