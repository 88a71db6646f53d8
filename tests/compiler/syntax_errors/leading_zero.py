# A decimal integer with a leading zero.
value = 0777
