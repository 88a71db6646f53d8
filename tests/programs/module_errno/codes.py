# errno constants have their POSIX values and errorcode maps them back to names
import errno
print(errno.EPERM, errno.ENOENT, errno.EIO, errno.EBADF, errno.EAGAIN, errno.ENOMEM, errno.EACCES)
print(errno.EEXIST, errno.ENODEV, errno.EISDIR, errno.EINVAL)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINVAL])
try:
    raise OSError(errno.ENOENT)
except OSError as error:
    print(error.args[0] == errno.ENOENT, errno.errorcode[error.args[0]])
