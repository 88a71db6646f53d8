z = "leaf"
