# Packages with and without __init__, relative imports, submodule attributes, __import__.
import sys
import helper
import pkg.sub.mod
from pkg.sub import mod2
from pkg import sub as alias
import nsp.leaf
import shared_name

print(helper.twice(21), helper.__name__, helper.__file__)
print(pkg.value, pkg.sub.mod.combined(), mod2.y, alias is pkg.sub)
print(pkg.__name__, pkg.__file__, pkg.__path__, pkg.sub.__path__)
print(nsp, nsp.__path__, nsp.leaf.z)
print(__import__("pkg.sub") is pkg, __import__("pkg.sub", None, None, ["x"]) is pkg.sub)
print("pkg.sub.mod" in sys.modules, "nsp.leaf" in sys.modules, "nosuch" in sys.modules)
print(shared_name.where)
print("__main__ file:", __file__)
