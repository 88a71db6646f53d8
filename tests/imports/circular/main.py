# Circular imports: each module sees the other half-initialised, as MicroPython runs them.
import first

print(first.NAME, first.second.NAME, first.second.first_name_at_import)
print(first.second.late())
