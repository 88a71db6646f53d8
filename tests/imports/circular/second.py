import first

first_name_at_import = getattr(first, "NAME", "not yet")
NAME = "second"


def late():
    return first.NAME
