# dir() of objects and modules, globals() and locals()
class Widget:
    size = 3

    def grow(self):
        pass


names = dir(Widget)
print("size" in names, "grow" in names, "missing" in names)
widget = Widget()
widget.color = "red"
print("color" in dir(widget), "size" in dir(widget))
print("append" in dir([]), "keys" in dir({}), "join" in dir(""))


def scoped(a, b=2):
    return "scoped" in globals(), "a" in globals()


print(scoped(1))
marker = 99
print(globals()["marker"], "scoped" in globals())
