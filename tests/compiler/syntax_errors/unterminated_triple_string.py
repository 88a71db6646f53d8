# A triple-quoted string that never closes.
text = """open

more
