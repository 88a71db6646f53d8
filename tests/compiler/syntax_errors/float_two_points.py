# A float with two decimal points.
value = 1.2.3
