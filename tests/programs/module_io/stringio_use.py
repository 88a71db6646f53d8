# io.StringIO writing, reading, seeking, getvalue and use as print's file
import io
stream = io.StringIO()
print(stream.write('hello '), stream.write('world'))
print(stream.getvalue())
stream.seek(0)
print(stream.read(5), repr(stream.read()))
preset = io.StringIO('line one\nline two\nline three')
print(repr(preset.readline()), repr(preset.readline()), repr(preset.read()))
captured = io.StringIO()
print('to', 'buffer', sep='-', file=captured)
print(repr(captured.getvalue()))
preset.close()
try:
    preset.read()
except (ValueError, OSError) as error:
    print('closed stream raises', type(error).__name__)
