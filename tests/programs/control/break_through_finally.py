# break and continue inside try/finally run the finally block before leaving the iteration.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('body', i)
    finally:
        print('finally', i)
print('after for')
n = 0
while True:
    n += 1
    try:
        try:
            if n == 2:
                break
        finally:
            print('inner finally', n)
    finally:
        print('outer finally', n)
print('after while', n)
for i in range(3):
    try:
        pass
    except Exception:
        pass
    else:
        if i == 1:
            print('break in else of try')
            break
    finally:
        print('finally after else', i)
def loop_in_function():
    for item in 'abc':
        try:
            if item == 'b':
                return item
        finally:
            print('cleanup', item)
print(loop_in_function())
