"hi"
