# micropython's const, opt_level, heap locking and schedule
import micropython
from micropython import const
SIZE = const(4)
print(SIZE * 2, micropython.const("text"))
print(micropython.opt_level())
micropython.opt_level(3)
print(micropython.opt_level())
micropython.heap_lock()
print(micropython.heap_unlock())
print(type(micropython.stack_use()))
print(micropython.schedule(len, "ab"))
