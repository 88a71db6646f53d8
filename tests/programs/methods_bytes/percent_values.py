# bytes % values formats as str's % does, a bytes argument of %s going in as it is; %d calls __int__.
class Number:
    def __int__(self):
        return 123

print(b"%%" % (), b"=%d=%d=" % (1, 2), b"%s|%5s|%.2s" % (b"ab", b"cd", b"efg"))
print(b"=%s=" % "str", b"=%r=" % b"str", b"%s" % bytearray(b"x"), b"%c%x" % (65, 255))
print("%d" % Number(), "%x" % Number(), "%5i|" % Number(), b"%d" % Number())
for make in (lambda: b"%s %s" % (b"a",), lambda: "%d" % "5", lambda: "%d" % object()):
    try:
        make()
    except TypeError as error:
        print("TypeError", error)
