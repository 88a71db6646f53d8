# heap_lock stops allocation with MemoryError; heap_unlock restores it; stack_use is an int
import micropython
micropython.heap_lock()
try:
    buffer = [1, 2, 3] * 100
    print('allocated')
except MemoryError:
    print('MemoryError while locked')
micropython.heap_unlock()
print(len([1, 2, 3] * 100))
print(type(micropython.stack_use()).__name__)
print(callable(micropython.schedule), callable(micropython.mem_info), callable(micropython.qstr_info))
