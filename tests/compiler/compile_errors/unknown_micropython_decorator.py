@micropython.fast
def f():
    pass
