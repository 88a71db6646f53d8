# compile, eval and exec exist; xipy has no compiler, so each either works (the reference)
# or raises NotImplementedError (xipy) -- never any other error.


def attempt(name, action, fallback):
    try:
        result = action()
    except NotImplementedError:
        result = fallback
    print(name, result)


print(callable(compile), callable(eval), callable(exec))
attempt('eval', lambda: eval('6 * 7'), 42)
attempt('eval with globals', lambda: eval('x + 1', {'x': 9}), 10)

namespace = {}


def run_exec():
    exec('y = 5 * 5', namespace)
    return namespace['y']


attempt('exec', run_exec, 25)


def run_compiled():
    code = compile('3 + 4', '<string>', 'eval')
    return eval(code)


attempt('compile', run_compiled, 7)
