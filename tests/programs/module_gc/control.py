# gc enable/disable/isenabled state, collect and memory queries by type only
import gc
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
result = gc.collect()
print(result is None or isinstance(result, int))
print(type(gc.mem_alloc()).__name__, type(gc.mem_free()).__name__)
print(gc.mem_alloc() > 0)
