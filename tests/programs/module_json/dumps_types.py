# json.dumps of every JSON type with MicroPython's separators, nesting and escapes
import json
print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(42), json.dumps(-1.5))
print(json.dumps('text'), json.dumps('quote " and \\ slash'), json.dumps('tab\tnewline\n'))
print(json.dumps([1, 'two', None, [3]]), json.dumps([]), json.dumps({}))
print(json.dumps({'key': [1, {'inner': False}]}))
print(json.dumps((1, 2)), json.dumps('caf\u00e9'))
print(json.dumps({'a': 1}, separators=(',', ':')), json.dumps([1, 2], separators=(';', '=')))
