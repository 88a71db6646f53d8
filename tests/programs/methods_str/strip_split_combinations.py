# parsing a small config text with split, strip, partition and startswith
config = '''
# comment line
name = demo
 count=3
flags = a, b ,c
empty =
'''
settings = {}
for raw in config.splitlines():
    line = raw.strip()
    if not line or line.startswith('#'):
        continue
    key, _, value = line.partition('=')
    settings[key.strip()] = value.strip()
for key in sorted(settings):
    print(repr(key), repr(settings[key]))
print([flag.strip() for flag in settings['flags'].split(',')])
print(int(settings['count']) * 2)
