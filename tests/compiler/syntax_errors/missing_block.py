# A compound statement with no block after it.
if True:
value = 1
