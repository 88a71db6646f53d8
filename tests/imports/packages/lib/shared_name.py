where = "lib"
