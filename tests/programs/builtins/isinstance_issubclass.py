# isinstance and issubclass with tuples, built-in types and user class hierarchies
class Animal:
    pass
class Dog(Animal):
    pass
class Cat(Animal):
    pass
print(isinstance(Dog(), Animal), isinstance(Dog(), Cat), isinstance(Dog(), (Cat, Dog)))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog))
print(issubclass(Cat, (Dog, Animal)), issubclass(Dog, object))
print(isinstance(1, int), isinstance(1.0, int), isinstance('a', str), isinstance(b'a', bytes))
print(isinstance([], (tuple, list)), isinstance({}, dict), isinstance(None, object))
print(isinstance(int, type), isinstance(Dog, type))
try:
    issubclass(Dog(), Animal)
except TypeError:
    print('TypeError for non-class')
