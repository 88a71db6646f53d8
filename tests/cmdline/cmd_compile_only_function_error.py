# cmdline: -X compile-only
# An error of the compile pass names the function it is in; nothing is printed or run.
print("not run")


def outer():
    def inner():
        nonlocal missing

    return inner
