# t-string field with nothing in it.
t"{ }"
