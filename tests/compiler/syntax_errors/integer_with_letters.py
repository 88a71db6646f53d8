# Letters run into a number.
value = 12abc
