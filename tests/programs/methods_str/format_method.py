# str.format with positional, numbered, keyword, attribute and index fields
print('{} and {}'.format('one', 'two'))
print('{1} {0} {1}'.format('a', 'b'))
print('{name} is {age}'.format(name='Ada', age=36))
print('{0}-{0}'.format('twice'), '{a}{b}{a}'.format(a=1, b=2))
print('{{literal}} {}'.format(5), '{!r} {!s}'.format('q', 'q'))
print('{:>{}}'.format('w', 4) + '|', '{0:{1}{2}}'.format(7, '0', 3))
print('{}{}{}'.format(1, 2.5, None))
