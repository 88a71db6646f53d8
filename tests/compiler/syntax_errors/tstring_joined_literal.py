# t-string next to a non-empty string literal.
t"a" "b"
