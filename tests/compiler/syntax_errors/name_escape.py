# A \N escape, which MicroPython does not implement.
text = "\N{BULLET}"
