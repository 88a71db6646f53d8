# Never ends by itself: the host's step budget or an interrupt has to stop it.
try:
    while True:
        pass
except BaseException as error:
    print("caught", type(error).__name__)
finally:
    print("finally")
