# Conditional expressions (a if cond else b), nested and lazily evaluated.
def pick(value):
    return 'neg' if value < 0 else 'zero' if value == 0 else 'pos'
print(pick(-3), pick(0), pick(9))
def loud(text):
    print('evaluated', text)
    return text
print(loud('yes') if True else loud('no'))
print(loud('yes') if 0 else loud('no'))
values = [x if x % 2 else -x for x in range(6)]
print(values)
f = lambda n: 'even' if n % 2 == 0 else 'odd'
print(f(4), f(7))
print((1 if [] else 2) + (3 if [0] else 4))
