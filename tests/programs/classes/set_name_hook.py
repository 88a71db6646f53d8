# A new class calls __set_name__(owner, name) on each attribute whose type defines it,
# over a snapshot of the attributes, so the hook may add or remove some.
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Adder:
    def __set_name__(self, owner, name):
        setattr(owner, name + "_added", Named())


class Remover:
    def __set_name__(self, owner, name):
        delattr(owner, "doomed")


class Owner:
    first = Named()
    plain = 5


print(Owner.first.name, Owner.plain)


class Growing:
    grow = Adder()


print(hasattr(Growing, "grow_added"), hasattr(Growing.grow_added, "name"))


class Shrinking:
    remove = Remover()
    doomed = 1


print(hasattr(Shrinking, "doomed"))


class Failing:
    def __set_name__(self, owner, name):
        raise ValueError(name)


try:

    class Broken:
        bad = Failing()

except ValueError as error:
    print("ValueError", error)
