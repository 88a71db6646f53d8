# json.dump and json.load through io.StringIO and round trips
import io
import json
record = {'name': 'xipy', 'tags': ['vm', 'mpy'], 'version': 6}
stream = io.StringIO()
json.dump(record, stream)
text = stream.getvalue()
print(len(text) > 0, json.loads(text) == record)
loaded = json.load(io.StringIO('[1, {"a": [true, null]}]'))
print(loaded)
print(json.loads(json.dumps([1.25, 'a\u00e9', -7])) == [1.25, 'a\u00e9', -7])
