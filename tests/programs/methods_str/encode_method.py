# str.encode to UTF-8 and back through bytes.decode, with non-ASCII text
for text in ['ascii', 'caf\u00e9', '\u20ac5', '\U0001f600', '']:
    data = text.encode()
    print(len(text), len(data), data, data.decode() == text)
print('x'.encode('utf-8'), 'abc'.encode('utf8'))
print(str('\u00e9'.encode(), 'utf-8') == '\u00e9')
