# Class attributes vs instance attributes: shadowing, mutation of shared mutable class data.
class Config:
    defaults = {'debug': False}
    shared_list = []
    version = 1
    def add(self, item):
        self.shared_list.append(item)
first, second = Config(), Config()
first.add('x')
second.add('y')
print(Config.shared_list, first.shared_list is second.shared_list)
first.version = 2
print(first.version, second.version, Config.version)
del first.version
print(first.version)
Config.version = 3
print(first.version, second.version)
first.shared_list = ['own']
print(first.shared_list, second.shared_list)
Config.new_attribute = 'added later'
print(second.new_attribute)
print(hasattr(Config, 'add'), hasattr(first, 'nothing'))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.number = Counter.instances
objects = [Counter() for _ in range(3)]
print([o.number for o in objects], Counter.instances)
print('defaults' in dir(Config), 'add' in dir(first))
