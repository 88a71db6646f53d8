# A string that runs to the end of the line.
text = "open
