# dict deletion with del, membership after deletion, and rebuilding via comprehension
scores = {'ann': 90, 'bob': 72, 'cat': 85, 'dan': 60}
del scores['bob']
print(sorted(scores), 'bob' in scores)
passing = {name: score for name, score in scores.items() if score >= 80}
print(sorted(passing.items()))
try:
    del scores['bob']
except KeyError as error:
    print('KeyError', error)
inverted = {score: name for name, score in scores.items()}
print(inverted[85], sorted(inverted))
print(len(scores), bool({}), bool(scores))
