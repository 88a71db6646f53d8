# An exception caught, logged and re-raised with bare raise keeps propagating to the top.
def risky():
    return {}['missing key']
def wrapper():
    try:
        risky()
    except KeyError as error:
        print('logging', error)
        raise
wrapper()
