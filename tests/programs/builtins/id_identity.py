# id() is stable for one object and differs between live objects (only comparisons printed)
first = [1]
second = [1]
print(id(first) == id(first), id(first) == id(second), first == second)
alias = first
print(id(alias) == id(first), alias is first)
print(isinstance(id(first), int))
print(id(None) == id(None))
