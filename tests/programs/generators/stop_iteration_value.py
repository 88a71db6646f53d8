# A generator's return value travels in StopIteration.value; StopIteration args.
def gives(value):
    yield 'one'
    return value
gen = gives('the result')
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print(stop.value, stop.args)
gen = gives(None)
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print(stop.value, stop.args)
def plain():
    yield 1
gen = plain()
next(gen)
try:
    next(gen)
except StopIteration as stop:
    print('plain return', stop.value)
manual = StopIteration(7)
print(manual.value, manual.args)
print(StopIteration().value)
