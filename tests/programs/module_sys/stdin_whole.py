# sys.stdin.read() takes the whole input (stdin_whole.in); numbers summed from it.
import sys

text = sys.stdin.read()
numbers = [int(word) for word in text.split()]
print(len(text), len(numbers), sum(numbers), max(numbers))
print(text.splitlines()[1])
print(repr(sys.stdin.read()))
