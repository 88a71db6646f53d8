# expect: cpython
# Built-in methods taken from a class, called with instances of user subclasses. MicroPython
# 1.27 rejects str.upper(Text(...)) and returns garbage for Text.upper(Text(...)); xipy
# accepts any instance of the method's type, as CPython does.
class Text(str):
    pass


class Items(list):
    pass


print(Text.upper(Text("ok")), str.upper(Text("sub")), Text.upper("plain"))
items = Items()
list.append(items, 1)
Items.append(items, 2)
print(items, list.count(items, 2))
for method, self in ((Text.upper, 7), (str.upper, 7), (Items.append, 7)):
    try:
        method(self)
    except TypeError as error:
        print("TypeError")
