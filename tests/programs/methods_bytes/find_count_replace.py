# bytes find, rfind, index, count, replace, startswith and endswith
data = b'abracadabra'
print(data.find(b'bra'), data.rfind(b'bra'), data.find(b'z'), data.index(b'c'), data.rindex(b'a'))
print(data.count(b'a'), data.count(b'ab'), data.replace(b'a', b'A'), data.replace(b'bra', b'', 1))
print(data.startswith(b'abr'), data.endswith(b'bra'), data.startswith((b'x', b'a')))
print(data.find(b'a', 5), data.find(b'a', 1, 3))
try:
    data.index(b'zz')
except ValueError as error:
    print('ValueError', error)
