# CPU-bound work for the threads test: each of two threads runs it on its own VM.
import sys


def fib(number):
    return number if number < 2 else fib(number - 1) + fib(number - 2)


label = sys.argv[1]
results = [fib(number) for number in range(18)]
text = ",".join(str(value) for value in results)
print(label, text, sum(results))
