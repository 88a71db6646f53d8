# errno numbers and the errorcode table, and OSError carrying them
import errno
print(errno.EPERM, errno.ENOENT, errno.EINVAL, errno.EAGAIN, errno.ETIMEDOUT)
print(errno.errorcode[errno.EEXIST], len(errno.errorcode))
print(sorted(errno.errorcode.items())[:4])
try:
    raise OSError(errno.ENOENT)
except OSError as error:
    print(error.args[0] == errno.ENOENT, errno.errorcode[error.args[0]])
import io
try:
    io.StringIO().seek(-1)
except OSError as error:
    print(errno.errorcode[error.args[0]])
