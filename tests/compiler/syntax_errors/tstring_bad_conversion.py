# t-string conversion other than !r and !s.
x = 1
t"{x!a}"
