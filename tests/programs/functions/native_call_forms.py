# Built-in functions and methods called every way a call instruction can reach them.
items = []
items.append(1)
append = items.append
append(2)
list.append(items, 3)
print(items, len(items), max(items), min(4, 5, 6))
print(str.upper('abc'), 'x'.join(['a', 'b']), divmod(7, 2))

def attempt(label, function, *arguments):
    try:
        print(label, function(*arguments))
    except TypeError as error:
        print(label, 'TypeError', error)

attempt('len()', len)
attempt('len(1, 2)', len, 1, 2)
attempt('append()', items.append)
attempt('append(1, 2)', items.append, 1, 2)
attempt('list.append(5, 1)', list.append, 5, 1)
attempt('str.upper(1)', str.upper, 1)
attempt('abs(x)', abs, -3)

try:
    items.append()
except TypeError as error:
    print('direct append()', error)
try:
    len(1, 2)
except TypeError as error:
    print('direct len(1, 2)', error)
try:
    items.pop(0, 1)
except TypeError as error:
    print('direct pop(0, 1)', error)
try:
    print(sorted([3, 1, 2], reverse=True), items.index(2))
except TypeError as error:
    print('sorted', error)

class Holder:
    pass

holder = Holder()
holder.function = len
holder.method = items.count
print(holder.function('abcd'), holder.method(2))
print([f(10) for f in (abs, bin, hex, str)])

# Built-in methods fetched once and called later, the right and the wrong way.
pop = items.pop
insert = items.insert
insert(0, 'first')
print(pop(), pop(0), items)
try:
    pop(0, 1)
except TypeError as error:
    print('bound pop(0, 1)', error)
holder.pop = items.pop
print(holder.pop(), items)
try:
    holder.pop(1, 2)
except TypeError as error:
    print('holder.pop(1, 2)', error)
for method in (items.append, items.extend):
    method([7])
print(items)
