import second

NAME = "first"
