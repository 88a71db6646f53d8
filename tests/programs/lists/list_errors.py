# Errors from list operations, with their messages.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

items = [10, 20, 30]
attempt('index', lambda: items[3])
attempt('negative', lambda: items[-4])
attempt('float index', lambda: items[1.5])
attempt('str index', lambda: items['0'])
attempt('mul float', lambda: items * 2.0)
attempt('add int', lambda: items + 1)
attempt('hash', lambda: {items: 1})

def store():
    items[5] = 0
attempt('store', store)

def delete():
    del items[7]
attempt('delete', delete)
attempt('ok', lambda: items[-3])
