# global statement: rebinding, creating and deleting module globals from functions.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
increment(); increment()
print(counter)
def create():
    global created
    created = 'made inside function'
create()
print(created)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
def remove():
    global created
    del created
remove()
try:
    created
except NameError as error:
    print('removed', type(error).__name__)
def multiple():
    global first_name, second_name
    first_name, second_name = 'a', 'b'
multiple()
print(first_name, second_name)
def nested_global():
    def inner():
        global counter
        counter = 99
    inner()
nested_global()
print(counter)
