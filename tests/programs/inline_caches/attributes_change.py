# Attribute and method lookups from one call site while classes and instances change.
class Base:
    value = 1

    def greet(self):
        return "base"


class Child(Base):
    pass


def run(item):
    return item.greet(), item.value


child = Child()
print(run(child))
Child.greet = lambda self: "child"
print(run(child))
Base.value = 2
print(run(child))
del Child.greet
print(run(child))
Base.greet = lambda self: "base again"
print(run(child))
setattr(Base, "value", 3)
print(run(child))
child.greet = lambda: "instance"
child.value = 4
print(run(child))
del child.greet
print(run(child))


def make(number):
    class Local:
        def who(self):
            return number

    return Local()


print([make(index).who() for index in range(5)])
