# Exceptions raised and handled inside loops, continuing iteration and counting failures.
values = ['1', 'x', '3', '', '5']
total = 0
failures = 0
for text in values:
    try:
        total += int(text)
    except ValueError:
        failures += 1
        continue
    finally:
        pass
print(total, failures)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError('retry')
        print('succeeded after', attempts)
        break
    except RuntimeError as error:
        print('attempt', attempts, 'failed:', error)
def first_valid(items):
    for item in items:
        try:
            return 100 // item
        except ZeroDivisionError:
            print('skip zero')
        except TypeError:
            print('skip', repr(item))
    return None
print(first_valid([0, 'a', 4]))
print(first_valid([0]))
