where = "top"
