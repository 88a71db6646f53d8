# raise X from Y: behaviour and the __cause__ attribute where supported.
class ParseError(Exception):
    pass
def parse(text):
    try:
        return int(text)
    except ValueError as error:
        raise ParseError('cannot parse ' + text) from error
try:
    parse('abc')
except ParseError as error:
    print('caught', error)
print(parse('12'))
try:
    raise RuntimeError('outer') from None
except RuntimeError as error:
    print('from None', error)
try:
    try:
        raise KeyError('k')
    except KeyError as inner:
        raise IndexError('i') from inner
except IndexError as error:
    print('IndexError', error.args)
