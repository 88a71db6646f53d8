# t-string with a lone closing brace.
t"text }"
