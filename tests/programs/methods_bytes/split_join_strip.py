# bytes split, rsplit, join, strip family, partition and splitlines
line = b'  name: value ; other  '
print(line.strip(), line.lstrip(), line.rstrip())
print(line.split(), line.split(b';'), b'a,b,c'.split(b',', 1), b'a,b,c'.rsplit(b',', 1))
print(b'-'.join([b'x', b'y', b'z']), b''.join([]), b', '.join((b'a', bytearray(b'b'))))
print(b'k=v=w'.partition(b'='), b'k=v=w'.rpartition(b'='))
print(b'one\ntwo\r\nthree'.splitlines())
print(b'xxdataxx'.strip(b'x'))
