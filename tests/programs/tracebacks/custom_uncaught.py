# An uncaught custom exception with several arguments, raised from a nested function.
class ConfigurationError(Exception):
    pass
def validate(settings):
    def check(key):
        if key not in settings:
            raise ConfigurationError('missing setting', key)
    for key in ('host', 'port'):
        check(key)
        print('found', key)
validate({'host': 'localhost'})
