# break, continue and return inside with-blocks call __exit__ each time.
class Guard:
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print('enter', self.label)
        return self.label
    def __exit__(self, kind, value, traceback):
        print('exit', self.label, kind is None)
        return False
for i in range(4):
    with Guard(i) as label:
        if i == 1:
            continue
        if i == 2:
            break
        print('inside', label)
print('after loop')
def find(word):
    for ch in word:
        with Guard(ch):
            if ch == 'q':
                return 'found q'
    return 'none'
print(find('aqz'))
print(find('ab'))
while True:
    with Guard('outer'):
        with Guard('inner'):
            break
print('done')
