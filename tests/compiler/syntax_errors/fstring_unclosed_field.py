# An f-string field that never closes.
text = f"a{b"
