# enumerate() takes its iterable and start by keyword too.
print(list(enumerate(iterable="ab")))
print(list(enumerate(iterable="ab", start=5)))
print(list(enumerate("ab", start=-1)))
for call in (lambda: enumerate(), lambda: enumerate(start=1), lambda: enumerate([], iterable=[])):
    try:
        call()
    except TypeError as error:
        print("TypeError", error)
