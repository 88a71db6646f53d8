# while loops with else, break, continue and complex conditions.
count = 0
while count < 5:
    count += 1
    if count == 2:
        continue
    print('count', count)
else:
    print('while else runs when no break')
n = 0
while True:
    n += 1
    if n > 3:
        break
print('broke at', n)
n = 10
while n > 0:
    n -= 3
    if n == 1:
        print('break from while')
        break
else:
    print('not printed')
n = 0
while n < 0:
    print('never')
else:
    print('else with zero iterations')
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print('fib', a, b)
