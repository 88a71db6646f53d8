present = "here"


def __getattr__(name):
    return "made " + name
