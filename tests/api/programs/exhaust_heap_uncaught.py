# Allocates forever without catching; the host must get XIPY_EXCEPTION with MemoryError back.
chunks = []
while True:
    chunks.append([0] * 256)
