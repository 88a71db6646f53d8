# Shadows the built-in json module: a file on sys.path comes first for extensible modules.
SOURCE = "json.py"
