# Special methods wrapped in staticmethod or classmethod, and __new__ as an implicit
# static method.
class Wrapped:
    @staticmethod
    def __sub__(other):
        print("static sub", other)
        return "s"

    @classmethod
    def __add__(cls, other):
        print("class add", cls.__name__, other)
        return "c"

    @staticmethod
    def __getitem__(index):
        return "item %d" % index



w = Wrapped()
print(w - 1, w + 2, w[4])


class Made:
    def __new__(cls):
        print("new", cls.__name__)
        return super(cls, Made).__new__(cls)

    def __init__(self):
        print("init")


made = Made()
again = made.__new__(Made)
print(type(again).__name__, type(Made.__new__(Made)).__name__)
