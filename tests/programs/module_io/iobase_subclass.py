# A Python class derived from io.IOBase is a stream print() writes to piece by piece.
import io


class Collect(io.IOBase):
    def __init__(self):
        self.pieces = []

    def write(self, data):
        if type(data) is not str:
            data = str(data, "utf-8")
        self.pieces.append(data)
        return len(data)


stream = Collect()
print("a", 12, 3.5, sep="--", file=stream)
print(file=stream)
print("x", end="", file=stream)
print(stream.pieces)
print(isinstance(stream, io.IOBase), issubclass(Collect, io.IOBase))
