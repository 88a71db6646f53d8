# A keyword where a name must be.
class = 3
