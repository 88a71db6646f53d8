# Control-flow expressions inside loops: conditional expressions, and/or chains and walrus.
results = []
for n in range(1, 16):
    results.append('FizzBuzz' if n % 15 == 0 else 'Fizz' if n % 3 == 0 else 'Buzz' if n % 5 == 0 else n)
print(results)
values = [5, 0, 3, 0, 8]
print([v or 'zero' for v in values])
print([v and v * 10 for v in values])
total = 0
stream = iter([4, 7, 1, 0, 9])
while (chunk := next(stream)) != 0:
    total += chunk
print('total before zero', total)
collatz = 27
steps = 0
while collatz != 1:
    collatz = collatz // 2 if collatz % 2 == 0 else 3 * collatz + 1
    steps += 1
print('collatz steps', steps)
