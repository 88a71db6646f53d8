# getattr with defaults, setattr, hasattr and delattr on instances and classes
class Box:
    kind = 'box'
box = Box()
setattr(box, 'width', 3)
print(getattr(box, 'width'), getattr(box, 'height', 'none'), getattr(box, 'kind'))
print(hasattr(box, 'width'), hasattr(box, 'depth'))
delattr(box, 'width')
print(hasattr(box, 'width'))
try:
    getattr(box, 'width')
except AttributeError as error:
    print('AttributeError', error)
try:
    delattr(box, 'width')
except AttributeError:
    print('delattr missing raises AttributeError')
setattr(Box, 'shared', 10)
print(box.shared, Box().shared)
delattr(Box, 'shared')
print(hasattr(box, 'shared'))
print(getattr('x', 'upper')(), getattr([], 'missing', 0))
