# Benchmark: naive recursive Fibonacci; stresses function calls, argument passing and small-int arithmetic.
def fibonacci(number):
    if number < 2:
        return number
    return fibonacci(number - 1) + fibonacci(number - 2)


def fibonacci_iterative(number):
    previous, current = 0, 1
    for step in range(number):
        previous, current = current, previous + current
    return previous


result = fibonacci(32)
print('fibonacci(32) =', result)
print('iterative check:', result == fibonacci_iterative(32), fibonacci_iterative(300) % 1000000007)
