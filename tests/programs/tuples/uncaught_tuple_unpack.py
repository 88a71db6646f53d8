# Ends with an uncaught ValueError from unpacking a tuple of the wrong length.
def split_pair(pair):
    left, right = pair
    return right, left

print(split_pair((1, 2)))
print(split_pair((1, 2, 3)))
