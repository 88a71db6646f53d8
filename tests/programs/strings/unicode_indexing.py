# expect: micropython 1.29
# Strings index, slice and measure by code point, including 2-, 3- and 4-byte UTF-8 characters.
words = ['héllo', '日本語', 'a😀b', 'naïve café', '', 'x']
for word in words:
    print(len(word), [word[index] for index in range(len(word))], word[1:] if word else '', word[-1:] if word else '')
text = 'Ωmega→∞😀!'
print(len(text), text[0], text[-1], text[-2], text[2:5], text[:-3], text[5:100], text[100:])
print([ord(character) for character in text])
print(text.find('∞'), text.find('😀'), text.index('!'), '→' in text, 'ω' in text)
print('日本' + '語', '日' * 3, len('日' * 3), 'ÉA'.lower()[1], 'é' == 'é')
for index in (-len(text), len(text) - 1):
    print(index, text[index])
print(text.split('→'), '→'.join(['a', 'б', 'c']), text.replace('∞', '8'))
print(sorted('äbç'), max('aé'), min('日a'))
