# json.loads of scalars, nested containers, whitespace, escapes and errors
import json
print(json.loads('null'), json.loads('true'), json.loads('123'), json.loads('-4.5e2'), json.loads('"s"'))
data = json.loads(' { "list" : [1, 2.5, "x", null, true] , "nested": {"k": []} } ')
print(data['list'], data['nested'], sorted(data))
print(json.loads('"\\u0041\\n\\"q\\""'), json.loads('[]'), json.loads('{}'))
for bad in ['{', '[1,]', 'nope', '']:
    try:
        json.loads(bad)
        print('accepted', repr(bad))
    except ValueError as error:
        print('ValueError', repr(bad), error)
