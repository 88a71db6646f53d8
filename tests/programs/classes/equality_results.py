# == and != return a special method's result as it is; != tries __ne__ on each side first.
class Equal:
    def __repr__(self):
        return "Equal"

    def __eq__(self, other):
        print("Equal.__eq__", other)
        return "same"


class Unequal:
    def __repr__(self):
        return "Unequal"

    def __ne__(self, other):
        print("Unequal.__ne__", other)
        return 7


print(Equal() == 1)
print(1 == Equal())
print(Equal() != 1)
print(Unequal() != 1)
print(1 != Unequal())
print(Equal() != Unequal())
print(Unequal() == Unequal())
item = Equal()
print(item == item)


class Plain:
    pass


plain = Plain()
print(plain == plain, plain != plain, plain == Plain(), plain != Plain())
