# super() with zero arguments and the explicit super(Class, self) form, in methods and __init__.
class A:
    def __init__(self):
        self.trail = ['A']
    def who(self):
        return 'A'
    def value(self):
        return 1
class B(A):
    def __init__(self):
        super(B, self).__init__()
        self.trail.append('B')
    def who(self):
        return 'B>' + super().who()
    def value(self):
        return 10 + super(B, self).value()
class C(B):
    def __init__(self):
        super().__init__()
        self.trail.append('C')
    def who(self):
        return 'C>' + super().who()
    def skip(self):
        return super(B, self).who()
    def value(self):
        method = super().value
        return 100 + method()
c = C()
print(c.trail, c.who(), c.skip(), c.value())
class WithClassMethod(A):
    @classmethod
    def create(cls):
        instance = cls()
        instance.trail.append('created')
        return instance
print(WithClassMethod.create().trail)
