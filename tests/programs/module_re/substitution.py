# re.sub with string replacements, backreferences, callables and counts
import re
print(re.sub('a', 'o', 'banana'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'user@host and admin@server'))
print(re.sub(r'\d+', lambda found: str(int(found.group(0)) * 2), 'a1 b22 c333'))
print(re.sub('x', '-', 'xaxbx', 2))
print(re.sub('z', 'y', 'unchanged'))
print(re.compile(r'\s+').sub(' ', 'too   many    spaces'))
