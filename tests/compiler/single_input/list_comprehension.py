[i * 2 for i in y]
