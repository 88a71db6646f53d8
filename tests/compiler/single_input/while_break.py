while 1:
  break

