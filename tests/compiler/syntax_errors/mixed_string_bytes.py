# A str literal joined to a bytes literal.
value = "a" b"b"
