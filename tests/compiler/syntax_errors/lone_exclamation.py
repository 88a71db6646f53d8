# A lone exclamation mark.
value = !x
