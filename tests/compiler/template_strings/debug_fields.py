# t-string `{expression=}` fields: the text joins the literal part, repr unless a spec is given.
x = 42
y = 10
plain = t"{x=}"
spaced = t"{x + y=}"
before_equals = t"{x =}"
leading = t"{ x=}"
with_spec = t"{x=:>5}"
with_conversion = t"{x=!s}"
with_both = t"{x=!s:>5}"
empty_spec = t"{x=:}"
in_text = t"a{x=}b{y=}c"
