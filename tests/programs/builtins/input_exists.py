# input is a builtin function; calling it needs a stdin the test runners do not control
print(callable(input))
reader = input
print(reader is input, callable(reader))
print(input.__name__ if hasattr(input, '__name__') else 'input')
