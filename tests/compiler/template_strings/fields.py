# t-string fields: values, expression text, conversions, format specs and nested fields.
x = 42
y = 7
width = 8
precision = 3
data = {"a": [1, 2]}
one = t"value {x}"
many = t"{x} and {y} and {x + y}"
converted = t"{x!r} {y!s}"
formatted = t"{x:>10} {y!r:<4} {x:}"
nested_spec = t"{x:{width}.{precision}f} {y:{width}}"
deep_spec = t"{x:{y:{width}}}"
escaped_spec = t"{x:{{w}}}"
subscripts = t"{data['a'][0]} {[1, 2][1]} {(x, y)}"
spaces = t"{ x} {x } {x  !r}"
quotes = t'{"a"}' + t"{'b'}"
long_expression = t"{x if y else width}"
nested_strings = t"{t'{x}'} {f'{y}'}"
inside_fstring = f"{t'{x}'}"


def in_function(value):
    return t"{value:{width}} {value=}"
