# errorcode maps every errno constant back to its name
import errno
names = ["EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV",
         "EISDIR", "EINVAL", "EOPNOTSUPP", "EADDRINUSE", "ECONNABORTED", "ECONNRESET",
         "ENOBUFS", "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH", "EALREADY",
         "EINPROGRESS"]
print(all(errno.errorcode[getattr(errno, name)] == name for name in names))
print(len(names) == len(errno.errorcode), sorted(errno.errorcode)[-3:])
print(errno.errorcode.get(9999, "unknown"))
