# A new exception raised inside an except block escapes (MicroPython prints only the last one).
def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError('no entry for ' + key)
print(lookup({'a': 1}, 'a'))
lookup({'a': 1}, 'b')
