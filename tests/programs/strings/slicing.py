# Step-1 string slicing with positive, negative, omitted and out-of-range bounds.
text = 'abcdefghij'
bounds = [None, 0, 3, -3, 10, 20, -20]
for start in bounds:
    print(start, [text[start:stop] for stop in bounds])
print(text[:], text[:0], text[5:2], text[-1:-5], text[-5:-1], text[:-10], text[-100:100])
print('héllo wörld'[2:8], '日本語テキスト'[1:-1], '😀😃😄'[1:2])
empty = ''
print(repr(empty[0:0]), repr(empty[5:]), repr(empty[:-1]))
copy = text[:]
print(copy == text, copy is text or True)
