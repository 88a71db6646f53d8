# isinstance and issubclass with classes, tuples of classes and built-in types.
class Shape:
    pass
class Square(Shape):
    pass
class Circle(Shape):
    pass
sq = Square()
print(isinstance(sq, Square), isinstance(sq, Shape), isinstance(sq, Circle), isinstance(sq, object))
print(isinstance(sq, (Circle, int)), isinstance(sq, (Circle, Shape)))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, Square), issubclass(Square, object))
print(issubclass(Circle, (Square, Shape)))
print(isinstance(1, int), isinstance(1.5, float), isinstance('s', str), isinstance([], list))
print(isinstance({}, dict), isinstance((), tuple), isinstance(None, type(None)), isinstance(b'', bytes))
print(isinstance(Square, type), type(Square) is type, type(sq) is Square)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(isinstance(len, type), callable(len))
try:
    isinstance(sq, 'not a class')
except TypeError as error:
    print('TypeError')
