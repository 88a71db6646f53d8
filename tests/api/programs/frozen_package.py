answer = "from a package"
