# Stands in for the runtime's asyncio: main.py must import this one.
origin = "the program's own asyncio"
