# Single inheritance: overriding, extending via super(), attribute lookup through the chain.
class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' says ' + self.sound
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog, an ' + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + ' (age %d)' % self.age
animals = [Animal('generic'), Dog('rex'), Puppy('bit', 1)]
for animal in animals:
    print(animal.speak(), '|', animal.kind())
print(Puppy.sound, Puppy.__bases__ == (Dog,), Dog.__bases__[0].__name__)
class Base:
    def template(self):
        return 'base calls ' + self.hook()
    def hook(self):
        return 'base hook'
class Derived(Base):
    def hook(self):
        return 'derived hook'
print(Base().template(), '/', Derived().template())
