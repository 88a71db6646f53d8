# An opening bracket that never closes.
values = (1, 2
