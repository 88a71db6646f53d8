# t-string whose field is never closed.
t"prefix{incomplete"
