# A *-argument after a keyword argument: MicroPython refuses it, where CPython allows it.
f(y=1, *(3,))
