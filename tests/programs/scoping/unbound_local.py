# Reading a local before assignment raises (UnboundLocalError is a NameError); shadowing rules.
value = 'global'
def reads_then_assigns():
    try:
        print(value)
    except NameError as error:
        print('caught', isinstance(error, NameError))
    value = 'local'
    return value
print(reads_then_assigns())
def conditional_assignment(flag):
    if flag:
        result = 'set'
    try:
        return result
    except NameError:
        return 'unset'
print(conditional_assignment(True), conditional_assignment(False))
def missing_global():
    try:
        return undefined_name_here
    except NameError as error:
        return str(error)
print(missing_global())
