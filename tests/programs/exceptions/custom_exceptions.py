# Custom exception classes: extra attributes, custom __str__, hierarchies and args handling.
class AppError(Exception):
    pass
class NetworkError(AppError):
    def __init__(self, host, code):
        super().__init__(host, code)
        self.host = host
        self.code = code
class TimeoutError_(NetworkError):
    def __str__(self):
        return 'timeout talking to %s' % self.host
try:
    raise NetworkError('example.org', 503)
except AppError as error:
    print(type(error).__name__, error.host, error.code, error.args)
try:
    raise TimeoutError_('slow.host', 0)
except NetworkError as error:
    print(str(error), isinstance(error, AppError), error.args)
class WithDefault(Exception):
    def __init__(self, message='default message'):
        super().__init__(message)
try:
    raise WithDefault
except WithDefault as error:
    print(error)
e = AppError('a', 'b', 3)
print(e.args, str(e), str(AppError()), str(AppError('single')), len(AppError(1, 2).args))
print(repr(AppError('x')), repr(AppError()))
class Plain(Exception):
    def __init__(self):
        self.detail = 'no super call'
try:
    raise Plain()
except Plain as error:
    print(error.detail)
