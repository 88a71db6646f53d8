# NameError for unknown globals and the error for a local used before assignment
try:
    undefined_name
except NameError as error:
    print('NameError', error)
def uses_local():
    print(value)
    value = 1
try:
    uses_local()
except NameError as error:
    print(type(error).__name__, error)
def reads_global():
    return later_global
try:
    reads_global()
except NameError as error:
    print('NameError', error)
later_global = 'now defined'
print(reads_global())
