# find, rfind, index and rindex with start/end bounds and missing substrings
text = 'abracadabra'
print(text.find('a'), text.find('bra'), text.find('z'), text.find(''))
print(text.rfind('a'), text.rfind('bra'), text.rfind('z'), text.rfind(''))
print(text.find('a', 1), text.find('a', 1, 3), text.find('a', -4), text.rfind('a', 0, 5))
print(text.index('cad'), text.rindex('abra'), text.index('a', 4))
for method in (text.index, text.rindex):
    try:
        method('zz')
    except ValueError as error:
        print('ValueError', error)
print('aaa'.find('aa', 1), 'aaa'.rfind('aa'), 'abc'.find('c', 10))
