# f-strings: expressions, format specs, nested fields and literal braces (mpy-cross 1.19 has no !r).
name = 'world'
value = 42
ratio = 2.5
print(f'hello {name}!')
print(f'{value} {value + 1} {value * 2:5d}|')
print(f'{repr(name)} {str(name)} {name:>8}|{name:<8}|{name:^9}|')
print(f'{value:04d} {value:x} {value:X} {value:o} {value:b} {value:#x}')
print(f'{ratio:.3f} {ratio:8.2f}| {ratio:e}')
print(f'{{literal}} {{{value}}}')
width = 6
print(f'{value:{width}}|{name:*^{width + 4}}')
items = [1, 2]
print(f'{items} {items[0]} {len(items)} {"quoted"}')
print(f'{value if value > 40 else 0}')
print(f'{-value:+d} {value:+d} {value:,}')
print(f'a{1}' 'c')
