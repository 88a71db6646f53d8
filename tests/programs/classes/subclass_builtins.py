# Subclassing built-in types: list, dict, str, int and Exception with extra methods.
class Stack(list):
    def push(self, item):
        self.append(item)
        return self
    def peek(self):
        return self[-1]
s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list))
print(Stack([5, 6]) + [7], sorted(Stack([3, 1, 2])))
class DefaultDict(dict):
    def get_or(self, key, default):
        return self[key] if key in self else default
d = DefaultDict(a=1)
d['b'] = 2
print(sorted(d.items()), d.get_or('a', 0), d.get_or('z', 0), len(d))
class Shout(str):
    def shout(self):
        return self.upper() + '!'
text = Shout('hey')
print(text, text.shout(), text + ' there', len(text), isinstance(text, str))
class Meters(int):
    def describe(self):
        return '%d m' % self
m = Meters(5)
print(m + 3, m * 2, m.describe(), m == 5, isinstance(m, int))
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
try:
    raise AppError(404, 'not found')
except Exception as error:
    print(type(error).__name__, error.code, error.args, str(error))
