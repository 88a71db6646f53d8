# Deleting a closed-over variable; reading it afterwards raises NameError.
def outer():
    value = 'present'
    def read():
        return value
    print(read())
    del value
    try:
        print(read())
    except NameError as error:
        print('after del', type(error).__name__)
    value = 'restored'
    print(read())
outer()
def nonlocal_delete():
    item = 1
    def remove():
        nonlocal item
        del item
    def check():
        try:
            return item
        except NameError:
            return 'gone'
    print(check())
    remove()
    print(check())
nonlocal_delete()
