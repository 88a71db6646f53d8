# cmdline: -O3
# Level 3 drops line numbers: a traceback shows line 1 for every frame.
def failing():
    return 1 // 0


failing()
