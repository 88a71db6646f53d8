# expect: micropython 1.29
# select.poll over streams written in Python (polled through their ioctl), one-shot ipoll,
# registering again, modify and unregister, timeouts and the argument errors.
import select
import errno
import io

POLL_REQUEST = 3


class Stream(io.IOBase):
    # A stream whose readiness the test sets; it records every poll request.
    def __init__(self, name, ready=0):
        self.name = name
        self.ready = ready
        self.asked = []

    def ioctl(self, request, argument):
        if request == POLL_REQUEST:
            self.asked.append(argument)
            if self.ready < 0:
                return self.ready
            return self.ready & (argument | select.POLLERR | select.POLLHUP)
        return -errno.EINVAL

    def __repr__(self):
        return "<%s>" % self.name


first = Stream("first", select.POLLIN)
second = Stream("second", select.POLLOUT)
quiet = Stream("quiet")

poller = select.poll()
poller.register(first)
poller.register(second, select.POLLIN)
poller.register(quiet)
print(poller.poll(0))
poller.modify(second, select.POLLOUT | select.POLLIN)
print(poller.poll(10))
print(first.asked, second.asked, quiet.asked)

# Registering again only changes the events asked for.
poller.register(first, select.POLLOUT)
print(poller.poll(0))
poller.register(first, select.POLLIN)

# Errors and hang-ups are reported whatever was asked for.
quiet.ready = select.POLLHUP | select.POLLERR
print(sorted(events for _, events in poller.poll(0)))
quiet.ready = 0

# ipoll iterates over the ready ones; with flags 1 each is reported once until modified.
for stream, events in poller.ipoll(0, 1):
    print("ipoll:", stream, events)
print("again:", list(poller.ipoll(0, 1)))
poller.modify(first, select.POLLIN)
print("modified:", [stream for stream, _ in poller.ipoll(0)])

# A timeout with nothing ready gives an empty list.
poller.unregister(first)
poller.unregister(second)
poller.unregister(second)
print("nothing:", poller.poll(20), poller.poll(None if False else 0))

try:
    poller.modify(first, select.POLLIN)
except OSError as error:
    print("modify:", errno.errorcode[error.errno])

# A stream's ioctl that answers with a negative number fails the poll with that errno.
quiet.ready = -errno.EIO
try:
    poller.poll(0)
except OSError as error:
    print("poll:", errno.errorcode[error.errno])
quiet.ready = 0
try:
    poller.modify(quiet)
except TypeError:
    print("modify: TypeError")
try:
    poller.poll(1.5)
except TypeError as error:
    print("poll:", error)
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)

# The u-prefixed name is the same module.
import uselect

print(uselect is select)
