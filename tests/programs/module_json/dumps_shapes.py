# json.dumps of nested values, separators and keys that are not strings
import json
value = [{"list": [1, 2.5, None, True, False]}, {"tuple": (1, (2,))}, {"text": 'q"\\\n\x02'}]
print(json.dumps(value))
print(json.dumps(value, separators=(",", ":")))
print(json.dumps({1: "one"}), json.dumps({(1, 2): []}), json.dumps({None: {False: 0}}))
print(json.dumps([b"raw", 10 ** 20, -0.0, 1e300]))
print(json.dumps([]), json.dumps({}), json.dumps("é"))
class Point:
    def __repr__(self):
        return "P"
print(json.dumps([Point()]))
