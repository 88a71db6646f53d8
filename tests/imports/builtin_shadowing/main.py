# A file shadows an extensible built-in module (json) but not a fixed one (sys); the
# u-prefixed names still reach the built-in modules.
import json

print("json:", json.SOURCE)
import sys

print("sys:", getattr(sys, "SOURCE", "built-in"))
import ujson

print("ujson:", ujson.dumps({"a": [1, 2]}), ujson is json)
import usys

print("usys is sys:", usys is sys)
for name in ("utime", "uos", "ure", "ustruct", "ucollections", "uio", "uerrno", "uarray",
             "ubinascii", "uhashlib", "uheapq", "urandom"):
    module = __import__(name)
    print(name, "->", module.__name__)
for name in ("umath", "ugc", "umicropython", "ubuiltins", "ujsonx"):
    try:
        __import__(name)
        print(name, "imported")
    except ImportError as error:
        print(name, "ImportError:", error)
