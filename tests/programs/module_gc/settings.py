# gc switches and counters keep their state; collect frees unreachable data
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.threshold(10000)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())
junk = [[i] * 50 for i in range(100)]
junk = None
print(gc.collect())
print(gc.mem_free() > 0, gc.mem_alloc() > 0, type(gc.mem_alloc()), type(gc.mem_free()))
