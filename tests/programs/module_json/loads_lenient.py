# json.loads follows MicroPython's lenient parser: commas and colons are blanks
import json
for text in ['{"a" 1}', '[1,]', '01', ' 5 ', '{1: 2}', '[[1, [2]], {"k": {"n": null}}]',
             '"\\t\\u0041\\/"', 'true', '-0.5e1']:
    print(repr(json.loads(text)))
for bad in ['', '[1,', 'tru', '[1] x', '"abc', ']', '{"a" [1]}']:
    try:
        print(repr(json.loads(bad)))
    except ValueError as error:
        print(repr(bad), error)
print(json.loads(b'[1, "b"]'))
