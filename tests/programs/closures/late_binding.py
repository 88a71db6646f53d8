# Closures bind variables, not values: late binding in loops and the default-argument fix.
def make_functions():
    functions = []
    for i in range(3):
        functions.append(lambda: i)
    return functions
print([f() for f in make_functions()])
def make_bound():
    functions = []
    for i in range(3):
        functions.append(lambda i=i: i)
    return functions
print([f() for f in make_bound()])
def make_changing():
    value = 'before'
    def read():
        return value
    value = 'after'
    return read
print(make_changing()())
def per_iteration_cells():
    functions = []
    for i in range(3):
        def make(j):
            return lambda: j * 10
        functions.append(make(i))
    return functions
print([f() for f in per_iteration_cells()])
comprehension_lambdas = [lambda: n for n in range(4)]
print([f() for f in comprehension_lambdas])
