if x:
  x
else:
  y

