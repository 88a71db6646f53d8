# type() of values, type names, three-argument type() creating classes
print(type(1).__name__, type('a').__name__, type(None).__name__, type([]).__name__)
print(type(1) is int, type(True) is bool, type(type) is type)
class Sample:
    pass
print(type(Sample()) is Sample, type(Sample).__name__)
Dynamic = type('Dynamic', (Sample,), {'answer': 42, 'double': lambda self, x: 2 * x})
instance = Dynamic()
print(Dynamic.__name__, instance.answer, instance.double(4), isinstance(instance, Sample))
print(type(len).__name__, type(range(1)).__name__, type(print).__name__)
