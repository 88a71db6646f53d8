# A program's own module named like one the runtime carries frozen (asyncio) is the one imported.
import asyncio

print(asyncio.origin)
print(hasattr(asyncio, "create_task"))
