# OSError carries an errno value that errno.errorcode can name, and errno values are distinct
import errno
names = ['EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV', 'EISDIR', 'EINVAL']
values = [getattr(errno, name) for name in names]
print(len(set(values)) == len(values))
print([errno.errorcode[value] for value in values] == names)
for code in [errno.EEXIST, errno.EACCES]:
    try:
        raise OSError(code, 'message')
    except OSError as error:
        print(errno.errorcode[error.args[0]], error.args[1])
