# Built-in modules are read-only: storing an attribute raises AttributeError.
import sys
import json

for module in (sys, json):
    try:
        module.extra = 1
    except AttributeError as error:
        print("AttributeError", error)
print(hasattr(sys, "extra"), hasattr(json, "extra"))
