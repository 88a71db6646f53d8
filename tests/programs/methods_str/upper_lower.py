# upper and lower on mixed ASCII text, digits and punctuation
text = 'Hello, World! 123 abc XYZ'
print(text.upper())
print(text.lower())
print(''.upper(), 'ALREADY'.upper(), 'already'.lower())
print('MiXeD'.lower() == 'mixed', 'a_b-c'.upper())
words = ['Banana', 'apple', 'Cherry']
print(sorted(words), sorted(words, key=lambda word: word.lower()))
