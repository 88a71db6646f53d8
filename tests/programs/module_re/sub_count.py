# re.sub and Pattern.sub with a substitution count given by position.
import re

print(re.sub("a", "b", "1a2a3a", 2), re.sub("a", "b", "1a2a3a", 0), re.sub("a", "b", "aaa", 1, 0))
print(re.compile("[0-9]").sub("#", "a1b2c3", 2), re.compile("x").sub("y", "xxx", 5))
