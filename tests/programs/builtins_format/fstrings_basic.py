# f-strings with expressions, format specs, conversions and nested quotes
name = 'xipy'
count = 7
ratio = 2 / 3
print(f'{name} has {count} items')
print(f'{count * 2} {count // 2} {count % 3}')
print(f'{ratio:.3f} {count:05d} {name:>8} {repr(name)}')
print(f'{"inner"} {len(name)} {[c for c in name]}')
width = 6
print(f'[{name:^{width}}] [{count:{width}}]')
print(f'{{braces}} {count}')
items = {'key': 'value'}
print(f"{items['key']} {name.upper()} {count > 5}")
