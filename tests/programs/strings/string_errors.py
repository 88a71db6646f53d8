# Errors from string operations: index out of range, immutability, bad types, with messages.
def attempt(label, action):
    try:
        print(label, action())
    except Exception as error:
        print(label, type(error).__name__, error)

text = 'héllo'
attempt('index', lambda: text[5])
attempt('negative index', lambda: text[-6])
attempt('ok index', lambda: text[-5])
attempt('float index', lambda: text[1.0])
attempt('str index', lambda: text['a'])
attempt('join ints', lambda: ','.join([1, 2]))
attempt('int parse', lambda: int('12a'))
attempt('len int', lambda: len(5))
attempt('startswith int', lambda: text.startswith(1))

def assign():
    text[0] = 'H'
attempt('assign', assign)

def delete():
    del text[0]
attempt('delete', delete)
