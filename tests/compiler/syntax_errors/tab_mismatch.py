# A tab and spaces indenting to different columns.
if True:
	first = 1
        second = 2
    third = 3
