# Recursion: factorial, fibonacci, mutual recursion and recursion over nested data (depth ~50).
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print(factorial(10), factorial(30))
def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)
print([fibonacci(i) for i in range(15)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(40), is_odd(41), is_even(7))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(50))
def flatten(value):
    if isinstance(value, list):
        result = []
        for item in value:
            result.extend(flatten(item))
        return result
    return [value]
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def hanoi(count, source, target, spare, moves):
    if count:
        hanoi(count - 1, source, spare, target, moves)
        moves.append(source + target)
        hanoi(count - 1, spare, target, source, moves)
    return moves
print(hanoi(3, 'A', 'C', 'B', []))
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + subset for subset in rest]
print(sorted(power_set([1, 2, 3])))
