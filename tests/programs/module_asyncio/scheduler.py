# expect: micropython 1.29
# asyncio's scheduler: task order, sleeps, gather, wait_for, cancellation, events, locks, flags.
import asyncio
import io
import micropython


async def worker(name, delays, log):
    for delay in delays:
        await asyncio.sleep_ms(delay)
        log.append((name, delay))
    return name + " done"


async def interleaving():
    # sleep(0) rounds are first come, first served; the sleeps' margins are wide, so a slow
    # machine (a sanitizer build collecting at every allocation) prints the same.
    log = []
    first = asyncio.create_task(worker("a", (0, 0, 0), log))
    second = asyncio.create_task(worker("b", (0, 0), log))
    print(await first, await second)
    print(log)
    log = []
    slow = asyncio.create_task(worker("slow", (400,), log))
    fast = asyncio.create_task(worker("fast", (100,), log))
    await asyncio.gather(slow, fast)
    print(log)


async def failing(delay, message):
    await asyncio.sleep_ms(delay)
    raise ValueError(message)


async def value_after(delay, value):
    await asyncio.sleep_ms(delay)
    return value


async def gathering():
    print(await asyncio.gather(value_after(20, 1), value_after(10, 2), value_after(0, 3)))
    print(await asyncio.gather())
    results = await asyncio.gather(value_after(5, "x"), failing(1, "boom"), return_exceptions=True)
    print([type(result).__name__ for result in results], results[0], results[1].args)
    try:
        await asyncio.gather(value_after(5, "y"), failing(1, "first"))
    except ValueError as error:
        print("gather raised", error.args)


async def timeouts():
    print(await asyncio.wait_for(value_after(5, "in time"), 10))
    try:
        await asyncio.wait_for_ms(value_after(200, "late"), 10)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(value_after(0, "no limit"), None))
    try:
        await asyncio.wait_for(failing(0, "inside wait_for"), 10)
    except ValueError as error:
        print("wait_for passed on", error.args)


async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("sleeper cancelled")
        raise
    log.append("sleeper woke")


async def cancelling():
    log = []
    task = asyncio.create_task(sleeper(log))
    await asyncio.sleep_ms(1)
    print("cancel", task.cancel(), "done", task.done())
    try:
        await task
    except asyncio.CancelledError:
        log.append("awaiting task saw CancelledError")
    print(log, task.done(), task.cancel())
    try:
        asyncio.current_task().cancel()
    except RuntimeError as error:
        print("RuntimeError:", error)
    # Cancelling a task that waits on another cancels the inner one.
    inner = asyncio.create_task(value_after(1000, "never"))

    async def outer_waits():
        return await inner

    outer = asyncio.create_task(outer_waits())
    await asyncio.sleep_ms(1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print("inner done", inner.done(), "outer done", outer.done())


async def event_waiter(name, event, log):
    log.append(name + " waits")
    await event.wait()
    log.append(name + " woke")


async def events():
    log = []
    event = asyncio.Event()
    tasks = [asyncio.create_task(event_waiter(name, event, log)) for name in "xyz"]
    await asyncio.sleep_ms(1)
    log.append("set")
    event.set()
    await asyncio.gather(*tasks)
    print(log, event.is_set())
    event.clear()
    print(event.is_set())


async def locked_section(name, lock, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep_ms(2)
        log.append(name + " out")


async def locks():
    log = []
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_section(name, lock, log) for name in ("p", "q", "r")))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError:", error)


def set_flag(flag):
    flag.set()


async def flags():
    flag = asyncio.ThreadSafeFlag()

    async def flag_waiter():
        await flag.wait()
        return "flag seen"

    task = asyncio.create_task(flag_waiter())
    await asyncio.sleep_ms(1)
    micropython.schedule(set_flag, flag)
    print(await task)


class ChunkedSink(io.IOBase):
    # A stream that takes at most two bytes per write, and reports itself writable to polls.
    def __init__(self):
        self.received = bytearray()

    def write(self, data):
        taken = bytes(data[:2])
        self.received += taken
        return len(taken)

    def ioctl(self, request, events):
        return events if request == 3 else -1


async def streams():
    sink = ChunkedSink()
    writer = asyncio.StreamWriter(sink, {"name": "sink"})
    writer.write(b"hello, stream")
    await writer.drain()
    print(bytes(sink.received), writer.get_extra_info("name"))


async def main():
    print("current task is a Task:", isinstance(asyncio.current_task(), asyncio.Task))
    for part in (interleaving, gathering, timeouts, cancelling, events, locks, flags, streams):
        print("--", part.__name__)
        await part()
    return "main result"


print(asyncio.run(main()))
try:
    asyncio.current_task()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    asyncio.create_task(42)
except TypeError as error:
    print("TypeError:", error)
