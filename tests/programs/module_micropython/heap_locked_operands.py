# expect: micropython 1.29
# with the heap locked: adding an empty string, a replace that finds nothing, a built-in class
# method called through its class and slicing a built-in sequence allocate nothing
import micropython

text = 'abc'
data = b'xyz'
buffer = bytearray(b'0123456789')
view = memoryview(buffer)
values = [1, 2, 3, 4]
results = [None] * 8
micropython.heap_lock()
results[0] = text + ''
results[1] = '' + text
results[2] = data + b''
results[3] = text.replace('q', 'r')
results[4] = int.from_bytes(b'\x01\x02', 'little')
buffer[3:5] = b'aa'
view[5:7] = b'bb'
micropython.heap_unlock()
print(results[0] is text, results[1] is text, results[2] is data, results[3] is text)
print(results[4], buffer, values)
print(text[1:], data[:-1], values[::2], 'x' + 'y', b'' + bytearray(b'q'))
print('abc'.replace('b', 'B'), b'aa'.replace(b'a', b'b', 0))
