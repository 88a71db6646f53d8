# Ends with an uncaught ValueError converting user-style text to an int.
def parse_all(texts):
    return [int(text) for text in texts]

print(parse_all(['1', ' 22 ', '-3']))
print(parse_all(['4', 'five']))
