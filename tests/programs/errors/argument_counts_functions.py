# wrong argument counts for user functions: too many, too few, unexpected and missing keywords
def two(a, b):
    return a + b
def keyword_only(*, flag):
    return flag
calls = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, c=2),
    lambda: two(1, 2, a=3),
    lambda: keyword_only(),
    lambda: keyword_only(1),
    lambda: (lambda: 0)(5),
]
for call in calls:
    try:
        call()
    except TypeError as error:
        print('TypeError', error)
