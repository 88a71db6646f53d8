global y
