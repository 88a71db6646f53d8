# Dedenting to a column no block started at.
if True:
        a = 1
    b = 2
