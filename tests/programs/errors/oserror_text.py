# OSError's text decodes known errno numbers; repr and other cases keep the plain args.
import errno

print(OSError(22))
print(OSError(2, 'no such file'))
print(repr(OSError(22)), repr(OSError(2, 'x')))
print(str(OSError(errno.EEXIST)), OSError(115, 'busy'))
# Not decoded: three args, unknown numbers, non-int first args, bools.
print(OSError(2, 'x', 'y'))
print(OSError(9999), OSError(9999, 'z'), OSError(-2))
print(OSError('a'), OSError('a', 'b'), OSError(22.0), OSError(True))
print(repr(str(OSError())))
# The second argument prints with str().
print(OSError(2, ''), OSError(2, None), OSError(2, 5))


class NotFound(OSError):
    pass


class Denied(OSError):
    def __init__(self):
        super().__init__(13, 'denied')


print(NotFound(2), Denied())
print(NotFound(2).errno, Denied().errno)
# Other exceptions are not decoded.
print(ValueError(22), KeyError(2), Exception(2, 'x'))
for error in (OSError(110), Denied()):
    try:
        raise error
    except OSError as caught:
        print(type(caught).__name__, caught, caught.args)
raise OSError(errno.ENOENT, 'missing.txt')
