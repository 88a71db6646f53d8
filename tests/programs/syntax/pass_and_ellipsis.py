# pass in every block kind, ellipsis bodies and docstrings as no-op statements.
def nothing():
    pass
def only_doc():
    """Only a docstring."""
def only_ellipsis():
    ...
class Empty:
    pass
class DocOnly:
    "Docstring body."
print(nothing(), only_doc(), only_ellipsis())
for i in range(2):
    pass
print(i)
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(type(Empty()).__name__, type(DocOnly()).__name__)
...
'a bare string statement'
42
print('end')
