# expect: cpython
# re.sub and Pattern.sub take the count as a keyword too (as CPython; MicroPython does not).
import re

print(re.sub("a", "b", "1a2a3a", count=2), re.compile("a").sub("b", "aaa", count=1))
print(re.sub("a", "b", "aaa", count=0))
