# super() in methods, __init__ chains, classmethods and multi-level inheritance
class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return 'Base(' + self.name + ')'
    @classmethod
    def create(cls):
        return cls('made')
class Middle(Base):
    def __init__(self, name):
        super().__init__(name.upper())
    def describe(self):
        return 'Middle<' + super().describe() + '>'
class Leaf(Middle):
    def describe(self):
        return 'Leaf[' + super().describe() + ']'
    @classmethod
    def create(cls):
        made = super().create()
        made.name += '!'
        return made
print(Leaf('x').describe())
print(Leaf.create().describe())
print(super(Leaf, Leaf('y')).describe())
