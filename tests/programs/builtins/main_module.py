# expect: cpython
# `import __main__` gives the running program's module; a module-level __getattr__ answers missing names.
import __main__

print(repr(__main__).startswith("<module '__main__'"))
value = 5
print(__main__.value)
__main__.added = "stored"
print(added)
del __main__.added
print("added" in globals())


def __getattr__(name):
    if name.startswith("virtual_"):
        return name.upper()
    raise AttributeError(name)


print(__main__.virtual_one)
print(hasattr(__main__, "virtual_two"), hasattr(__main__, "missing"))
