# Never imported: sys is a fixed built-in module, found before any file.
SOURCE = "sys.py"
