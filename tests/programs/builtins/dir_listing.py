# dir() on a class and an instance shows user attributes (only those are printed)
class Sample:
    alpha = 1
    def beta(self):
        pass
sample = Sample()
sample.gamma = 3
names = dir(sample)
print([name for name in ['alpha', 'beta', 'gamma', 'delta'] if name in names])
print('alpha' in dir(Sample), 'gamma' in dir(Sample))
print('append' in dir([]), 'keys' in dir({}), 'upper' in dir(''))
