# A library module in /rom/lib, which is on sys.path after /rom.
def format_celsius(hundredths):
    return "%d.%02dC" % divmod(hundredths, 100)
