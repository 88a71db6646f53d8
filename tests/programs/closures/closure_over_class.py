# Methods and class bodies inside functions that close over the function's variables.
def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return greeting + ', ' + name
        label = greeting.upper()
    return Greeter
Hello = make_class('hello')
Hi = make_class('hi')
print(Hello().greet('ann'), Hi().greet('bo'), Hello.label, Hi.label)
def counter_class():
    count = 0
    class Counter:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return Counter
Counter = counter_class()
a, b = Counter(), Counter()
print(a.bump(), b.bump(), a.bump())
