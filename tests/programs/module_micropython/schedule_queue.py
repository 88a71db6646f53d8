# micropython.schedule queues a call for the next loop iteration; nested ones wait for the
# running callback; a full queue raises RuntimeError.
import micropython

log = []


def record(argument):
    log.append(argument)


micropython.schedule(record, 1)
log.append("queued")
for step in range(3):
    pass
print(log)


def outer(argument):
    micropython.schedule(record, "inner")
    for step in range(3):
        pass
    log.append("outer done")


log = []
micropython.schedule(outer, None)
while len(log) < 2:
    pass
print(log)


def flood(argument):
    count = 0
    try:
        for step in range(10):
            micropython.schedule(record, step)
            count += 1
    except RuntimeError as error:
        log.append((count > 0, str(error)))


log = []
micropython.schedule(flood, None)
while not log or not isinstance(log[0], tuple):
    pass
for step in range(3):
    pass
print(log[0], len(log) > 1)
