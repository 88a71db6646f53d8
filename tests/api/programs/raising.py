# Ends in an uncaught exception two calls deep; hosts compare the traceback with raising.err.
def parse(text):
    return int(text)


def load(items):
    return [parse(item) for item in items]


print("loading")
load(["1", "2", "three"])
