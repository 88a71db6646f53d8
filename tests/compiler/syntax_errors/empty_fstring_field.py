# An f-string with an empty field.
text = f"a{}b"
