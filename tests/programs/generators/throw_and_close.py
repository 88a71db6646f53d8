# generator.throw() and close(): handled and unhandled, finally blocks and GeneratorExit.
def resilient():
    while True:
        try:
            yield 'ready'
        except ValueError as error:
            print('handled', error)
gen = resilient()
print(next(gen))
print(gen.throw(ValueError('bad')))
print(gen.throw(ValueError('worse')))
try:
    gen.throw(KeyError('fatal'))
except KeyError as error:
    print('propagated', repr(error))
print(next(gen, 'exhausted after throw'))
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup ran')
gen = with_cleanup()
print(next(gen))
gen.close()
print(next(gen, 'closed'))
gen.close()
def catches_exit():
    try:
        yield 'x'
    except GeneratorExit:
        print('saw GeneratorExit')
        raise
c = catches_exit()
next(c)
c.close()
def refuses():
    try:
        yield 1
    except GeneratorExit:
        yield 'ignored'
r = refuses()
next(r)
try:
    r.close()
except RuntimeError as error:
    print('RuntimeError', error)
unstarted = with_cleanup()
unstarted.close()
print('closed before start')
