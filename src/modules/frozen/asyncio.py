# asyncio for xipy: MicroPython 1.29's scheduler, tasks, events, locks and streams, in Python.
#
# One module, frozen into the runtime (src/modules/frozen/README.md says how). How it works:
#
# - The run queue (`_run_queue`) holds tasks ordered by the tick at which each may run next;
#   tasks due at the same tick run in the order they were queued, as MicroPython's stable
#   pairing heap orders them.
# - A task is a coroutine plus two fields whose meaning follows MicroPython's, because user
#   code and the tests observe them:
#     `state`: True while it runs and nobody waits on it; a TaskQueue of the tasks awaiting
#       it; a callable to call when it ends (gather); None once it ended and nobody has
#       awaited it; False once it ended and its outcome was taken.
#     `data`: while it waits, what it waits on (a Task, a TaskQueue, the I/O queue), so that
#       cancel() can take it out; when it is due to be resumed with an exception, that
#       exception; once it ended, the StopIteration or exception it ended with.
# - The loop (run_until_complete: _next_due waits for the first due task, _step resumes its
#   coroutine once) wakes whoever waits on a task when its coroutine ends (_ended). A host
#   with its own loop runs it a slice at a time instead (run_once).
# - Streams and ThreadSafeFlag wait in the I/O queue, which asks each waiting object's
#   ioctl(3, events) (MicroPython's stream poll request) itself, and select.poll for objects
#   without one (sockets). When every task waits, the loop sleeps in select.poll over the
#   waiting streams, so a socket wakes it at once; builds without `select` nap 1 ms at a time.

from time import ticks_ms as ticks, ticks_diff, ticks_add, sleep_ms as _pause_ms
import sys
from io import IOBase

try:
    from select import poll as _poll
except ImportError:
    _poll = None

__version__ = (3, 0, 0)


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


# What ends a task's coroutine, and which of those endings are no failure; made once, so the
# loop allocates nothing per step.
_ENDINGS = (CancelledError, Exception)
_QUIET_ENDINGS = (CancelledError, StopIteration)


# As MicroPython's asyncio, whose names load lazily, answers for a name it lacks.
def __getattr__(name):
    raise AttributeError(name)


# ---- The queue of tasks ordered by due tick.


class TaskQueue:
    def __init__(self):
        self._tasks = []

    def peek(self):
        tasks = self._tasks
        return tasks[0] if tasks else None

    def push(self, task, key=None):
        # Queuing a task clears what it waited on: it now waits only for its turn.
        task.data = None
        if key is None:
            key = ticks()
        task.ph_key = key
        tasks = self._tasks
        # Behind every task due at or before `key`. Most tasks are due now and go last, so the
        # last place is tried first; otherwise a binary search (the keys are in tick order).
        end = len(tasks)
        if end == 0 or ticks_diff(tasks[end - 1].ph_key, key) <= 0:
            tasks.append(task)
            return
        start = 0
        while start < end:
            middle = (start + end) >> 1
            if ticks_diff(tasks[middle].ph_key, key) > 0:
                end = middle
            else:
                start = middle + 1
        tasks.insert(start, task)

    def pop(self):
        return self._tasks.pop(0)

    def remove(self, task):
        tasks = self._tasks
        for index in range(len(tasks)):
            if tasks[index] is task:
                del tasks[index]
                return


# ---- Tasks.


class Task:
    # `globals` is accepted for MicroPython's Task(coro, globals()) and not needed here.
    def __init__(self, coro, globals=None):
        self.coro = coro
        self.data = None
        self.state = True
        self.ph_key = 0

    def __iter__(self):
        state = self.state
        if not state:
            # Already ended: awaiting it now takes its outcome.
            self.state = False
        elif state is True:
            self.state = TaskQueue()
        elif type(state) is not TaskQueue:
            # A gather (or another helper) already watches this task through `state`.
            raise RuntimeError("can't wait")
        return self

    def __next__(self):
        if not self.state:
            # Raising the StopIteration it ended with hands its value to the awaiting `await`.
            raise self.data
        # Still running: the awaiting task sleeps in this task's queue until it ends.
        waiter = _current
        self.state.push(waiter)
        waiter.data = self

    def __repr__(self):
        return "<Task>"

    def done(self):
        return not self.state

    def cancel(self):
        if not self.state:
            return False
        if self is _current:
            raise RuntimeError("can't cancel self")
        # A task waiting on another task is cancelled where it really waits: the innermost one.
        target = self
        while isinstance(target.data, Task):
            target = target.data
        holder = target.data
        if hasattr(holder, "remove"):
            # Parked in an event's, lock's or the I/O queue: back to the run queue.
            holder.remove(target)
            _run_queue.push(target)
        elif ticks_diff(target.ph_key, ticks()) > 0:
            # Sleeping: due now instead.
            _run_queue.remove(target)
            _run_queue.push(target)
        target.data = CancelledError
        return True


# ---- Sleeping.


def sleep_ms(t):
    # The wake-up tick is computed on the call, so an interval too long raises there. One
    # pause object serves every call, since a task awaits its pause at once, before any other
    # task runs; so sleeping allocates nothing (MicroPython promises that much with the heap
    # locked). A pause never awaited (one create_task refused, say) is simply reused.
    pause = _pause
    pause.due = ticks_add(ticks(), t if t > 0 else 0)
    return pause


class _Pause:
    # Awaiting it requeues the current task at `due` and gives the loop control once.
    def __init__(self):
        self.due = None

    def __iter__(self):
        return self

    def __next__(self):
        due = self.due
        if due is None:
            raise StopIteration
        self.due = None
        _run_queue.push(_current, due)


_pause = _Pause()


def sleep(t):
    return sleep_ms(int(t * 1000))


# ---- Waiting for streams.

_POLL_REQUEST = 3
_READABLE = 1
_PRIORITY = 2
_WRITABLE = 4
_ERROR = 8


class IOQueue:
    def __init__(self):
        # id(stream) -> [task reading, task waiting for priority data, task writing, stream]
        self.map = {}

    def _park(self, stream, slot):
        entry = self.map.get(id(stream))
        if entry is None:
            entry = [None, None, None, stream]
            self.map[id(stream)] = entry
        elif entry[slot] is not None:
            raise RuntimeError("stream already waited on")
        entry[slot] = _current
        _current.data = self

    def queue_read(self, stream):
        self._park(stream, 0)

    def queue_pri(self, stream):
        self._park(stream, 1)

    def queue_write(self, stream):
        self._park(stream, 2)

    def remove(self, task):
        for key in list(self.map):
            entry = self.map[key]
            if entry[0] is task or entry[1] is task or entry[2] is task:
                del self.map[key]

    def _wanted(self, entry):
        wanted = 0
        if entry[0] is not None:
            wanted |= _READABLE
        if entry[1] is not None:
            wanted |= _PRIORITY
        if entry[2] is not None:
            wanted |= _WRITABLE
        return wanted

    def _ready_events(self, entry):
        wanted = self._wanted(entry)
        stream = entry[3]
        if hasattr(stream, "ioctl"):
            return stream.ioctl(_POLL_REQUEST, wanted) & (wanted | _ERROR)
        if _poll is not None:
            poller = _poll()
            try:
                poller.register(stream, wanted)
            except OSError:
                return wanted
            ready = poller.poll(0)
            return ready[0][1] & (wanted | _ERROR) if ready else 0
        # An object that cannot be polled: reported ready, so the task finds out from its
        # own read or write.
        return wanted

    def _wake(self):
        if not self.map:
            return False
        woken = False
        for key in list(self.map):
            entry = self.map[key]
            events = self._ready_events(entry)
            if not events:
                continue
            woken = True
            if events & (_READABLE | _ERROR) and entry[0] is not None:
                _run_queue.push(entry[0])
                entry[0] = None
            if events & _PRIORITY and entry[1] is not None:
                _run_queue.push(entry[1], ticks_add(ticks(), -1000))
                entry[1] = None
            if events & (_WRITABLE | _ERROR) and entry[2] is not None:
                _run_queue.push(entry[2])
                entry[2] = None
            if entry[0] is None and entry[1] is None and entry[2] is None:
                del self.map[key]
        return woken

    def wait_io_event(self, dt):
        # Waits at most dt ms (forever when negative) for a stream to become ready. The wait
        # is cut into short naps while streams are watched, as their readiness is polled.
        if self._wake() or dt == 0:
            return
        if not self.map:
            if dt > 0:
                _pause_ms(dt)
            return
        if _poll is not None:
            # One wait over every watched stream, which returns as soon as one is ready.
            poller = _poll()
            for entry in self.map.values():
                poller.register(entry[3], self._wanted(entry))
            poller.poll(dt)
        else:
            _pause_ms(1 if dt < 0 else min(dt, 1))
        self._wake()


# ---- The loop.


def _as_task(awaitable):
    if isinstance(awaitable, Task):
        return awaitable
    return create_task(awaitable)


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    task = Task(coro, globals())
    _run_queue.push(task)
    return task


def _ended(task, outcome, awaited):
    # `task`'s coroutine ended with `outcome` (a StopIteration or an exception): wake whoever
    # waits on it, and queue a detached failure for the exception handler.
    state = task.state
    if state is True:
        task.state = False if awaited else None
    elif callable(state):
        state(task, outcome)
        task.state = False
        awaited = True
    else:
        waiting = state
        while waiting.peek():
            _run_queue.push(waiting.pop())
            awaited = True
        task.state = False
    if not awaited and not isinstance(outcome, _QUIET_ENDINGS):
        # Nobody has awaited it yet; if nobody does before its turn comes again, the
        # exception handler hears of it then.
        _run_queue.push(task)
    task.data = outcome


# What the exception handler is given for a task whose exception nobody took; made once, so
# reporting one needs no new dict.
_unretrieved = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


def _report_unretrieved(task):
    _unretrieved["exception"] = task.data
    _unretrieved["future"] = task
    Loop.call_exception_handler(_unretrieved)


def _next_due():
    # Waits until the first task of the run queue is due and returns it; None when nothing
    # is left that could ever run (no task queued, no stream watched, `main` done).
    global _current
    while True:
        task = _run_queue.peek()
        if task:
            wait = ticks_diff(task.ph_key, ticks())
            if wait <= 0:
                if _io_queue.map:
                    _io_queue.wait_io_event(0)
                return _run_queue.pop()
            _io_queue.wait_io_event(wait)
        elif _io_queue.map:
            _io_queue.wait_io_event(-1)
        else:
            _current = None
            if not _main or not _main.state:
                return None
            # The main task waits on something nothing can set: keep idling, as MicroPython
            # does, so that a debugger or an interrupt can still look in.
            _pause_ms(3)


def _step(task, main):
    # Resumes `task` once. Returns True when `main` ended (its outcome is then in main.data).
    global _current
    _current = task
    pending = task.data
    if pending and not task.state:
        # An ended task queued again because nobody took its exception.
        task.data = None
        if task.state is None:
            task.data = pending
            _report_unretrieved(task)
        return False
    try:
        if pending:
            task.data = None
            task.coro.throw(pending)
        else:
            task.coro.send(None)
        return False
    except _ENDINGS as outcome:
        if task is main:
            _current = None
            if not isinstance(outcome, StopIteration):
                task.state = False
                raise outcome
            if task.state is None:
                task.state = False
            _ended(task, outcome, True)
            return True
        _ended(task, outcome, False)
        return False


_main = None


def run_until_complete(main_task=None):
    global _main
    outer = _main
    _main = main_task
    try:
        while True:
            task = _next_due()
            if task is None:
                return None
            if _step(task, main_task):
                return main_task.data.value
    finally:
        _main = outer


def run(coro):
    return run_until_complete(create_task(coro))


def run_once():
    # One slice of the loop for a host that runs its own (xipy_vm_asyncio_run_once() of the
    # C API): each task due now runs once, then control goes back. Returns how many ms until
    # the next queued task is due: 0 when one is due already, -1 when none is queued (tasks
    # may still wait on events, flags or streams). Tasks that end with an exception go to
    # the exception handler, as under run_forever().
    global _current
    if _current is not None:
        raise RuntimeError("loop already running")
    _io_queue.wait_io_event(0)
    # Counted first, so a task that requeues itself for now runs in the next slice.
    now = ticks()
    due = 0
    for task in _run_queue._tasks:
        if ticks_diff(task.ph_key, now) > 0:
            break
        due += 1
    try:
        while due:
            due -= 1
            _step(_run_queue.pop(), None)
    finally:
        _current = None
    task = _run_queue.peek()
    if task:
        return max(0, ticks_diff(task.ph_key, ticks()))
    return -1


# ---- The event loop object, which in MicroPython is the class itself.


async def _until_stopped():
    pass


_current = None
_stopper = None


class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stopper
        _stopper = Task(_until_stopped(), globals())
        run_until_complete(_stopper)

    def run_until_complete(aw):
        return run_until_complete(_as_task(aw))

    def stop():
        global _stopper
        if _stopper is not None:
            _run_queue.push(_stopper)
            _stopper = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop(runq_len=0, waitq_len=0):
    # The arguments are the old uasyncio's queue sizes, accepted and ignored.
    return Loop


def current_task():
    if _current is None:
        raise RuntimeError("no running event loop")
    return _current


def new_event_loop():
    global _run_queue, _io_queue
    _run_queue = TaskQueue()
    _io_queue = IOQueue()
    return Loop


new_event_loop()


# ---- Waiting with a timeout, and on many awaitables.


def _cancel_code(error):
    return error.args[0] if error.args else None


async def _watch(waiter, aw):
    # Runs `aw` for wait_for; when it ends first, wakes `waiter` out of its timeout sleep with
    # a CancelledError carrying (True, result) or (exception, None).
    try:
        result = await aw
        status = True
    except BaseException as error:
        result = None
        status = error
    if waiter.data is None and waiter.cancel():
        waiter.data = CancelledError(status, result)


async def wait_for(aw, timeout, sleep=sleep):
    aw = _as_task(aw)
    if timeout is None:
        return await aw
    watcher = create_task(_watch(_current, aw))
    try:
        await sleep(timeout)
    except CancelledError as error:
        status = _cancel_code(error)
        if status is None:
            # Cancelled from outside: take `aw` down too.
            watcher.cancel()
            raise error
        if status is True:
            return error.args[1]
        raise status
    watcher.cancel()
    await watcher
    raise TimeoutError


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, sleep_ms)


class _Gathering:
    # What a gathering task's `data` holds while it waits: cancel() removes it from here.
    @staticmethod
    def remove(task):
        pass


def gather(*aws, return_exceptions=False):
    def finished(task, outcome):
        nonlocal pending
        if gatherer.data is not _Gathering:
            # Already woken (an earlier failure, or cancelled from outside).
            return
        if not return_exceptions and not isinstance(outcome, StopIteration):
            pending = outcome
        else:
            pending -= 1
            if pending:
                return
        _run_queue.push(gatherer)

    # `pending` counts the tasks still running; it goes negative when one already failed
    # and that failure is to be raised without waiting for the others.
    tasks = [_as_task(aw) for aw in aws]
    pending = 0
    for task in tasks:
        state = task.state
        if state is True:
            task.state = finished
            pending += 1
        elif state:
            # Another task already awaits it.
            raise RuntimeError("can't gather")
        elif not return_exceptions and not isinstance(task.data, StopIteration):
            pending = -len(tasks)
    gatherer = _current
    cancelled = False
    if pending > 0:
        gatherer.data = _Gathering
        try:
            yield
        except CancelledError as error:
            cancelled = True
            pending = error
    for index in range(len(tasks)):
        task = tasks[index]
        if task.state is finished:
            task.state = True
            if cancelled:
                task.cancel()
        elif isinstance(task.data, StopIteration):
            tasks[index] = task.data.value
        elif return_exceptions:
            tasks[index] = task.data
        elif isinstance(pending, int):
            pending = task.data
    if pending:
        raise pending
    return tasks


# ---- Events, flags and locks.


class Event:
    def __init__(self):
        self.state = False
        self.waiting = TaskQueue()

    def is_set(self):
        return self.state

    def set(self):
        # Only from the loop's own code: it touches the run queue.
        waiting = self.waiting
        while waiting.peek():
            _run_queue.push(waiting.pop())
        self.state = True

    def clear(self):
        self.state = False

    def wait(self):
        if not self.state:
            self.waiting.push(_current)
            _current.data = self.waiting
            yield
        return True


class ThreadSafeFlag(IOBase):
    # Set from anywhere (a scheduled callback, an interrupt); a waiter polls it through the
    # I/O queue like a stream, which it is (an io.IOBase, as in MicroPython). Unlike Event,
    # wait() clears it again.
    def __init__(self):
        self.state = 0

    def ioctl(self, request, events):
        if request == _POLL_REQUEST:
            return events if self.state else 0
        return -1

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    def wait(self):
        if not self.state:
            yield _io_queue.queue_read(self)
        self.state = 0


class Lock:
    # state: 0 free, 1 held, or the task chosen to take it next (woken but not yet run).
    def __init__(self):
        self.state = 0
        self.waiting = TaskQueue()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        if self.waiting.peek():
            self.state = self.waiting.pop()
            _run_queue.push(self.state)
        else:
            self.state = 0

    def acquire(self):
        if self.state != 0:
            self.waiting.push(_current)
            _current.data = self.waiting
            try:
                yield
            except CancelledError as error:
                if self.state == _current:
                    # Chosen next but cancelled before running: pass the lock on.
                    self.state = 1
                    self.release()
                raise error
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        return self.release()


# ---- Streams.
#
# A stream is any object with read/readinto/readline/write and the poll ioctl (a socket, a
# micropython.RingIO, a ThreadSafeFlag-like object of the program's own). Waiting for it goes
# through the I/O queue, so other tasks run meanwhile. The functions that contain `yield` are
# awaitables written as generators, as the rest of this module does.


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        # What write() could not hand to the stream yet; drain() sends it.
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    def read(self, n=-1):
        # Up to n bytes as soon as some arrive; with n < 0, everything up to the end.
        collected = b""
        while True:
            yield _io_queue.queue_read(self.s)
            chunk = self.s.read(n)
            if chunk is None:
                continue
            if n >= 0:
                return chunk
            if not chunk:
                return collected
            collected += chunk

    def readinto(self, buf):
        yield _io_queue.queue_read(self.s)
        return self.s.readinto(buf)

    def readexactly(self, n):
        collected = b""
        while len(collected) < n:
            yield _io_queue.queue_read(self.s)
            chunk = self.s.read(n - len(collected))
            if chunk is None:
                continue
            if not chunk:
                raise EOFError
            collected += chunk
        return collected

    def readline(self):
        line = b""
        while True:
            yield _io_queue.queue_read(self.s)
            piece = self.s.readline()
            if piece is None:
                continue
            line += piece
            # 10 is b"\n"; the check is on `line`, which is also right when pieces are str.
            if not piece or line[-1] == 10:
                return line

    def write(self, buf):
        # Never waits: what the stream does not take now is kept for drain().
        if not self.out_buf:
            taken = self.s.write(buf)
            if taken == len(buf):
                return
            if taken:
                buf = buf[taken:]
        self.out_buf += buf

    def drain(self):
        pending = self.out_buf
        if not pending:
            # Still a turn for the other tasks, so a loop of write() and drain() shares the CPU.
            return (yield from sleep_ms(0))
        view = memoryview(pending)
        sent = 0
        while sent < len(view):
            yield _io_queue.queue_write(self.s)
            taken = self.s.write(view[sent:])
            if taken is not None:
                sent += taken
        self.out_buf = b""

    # The old uasyncio's names.
    async def awrite(self, buf, off=0, sz=-1):
        if off or sz != -1:
            view = memoryview(buf)
            buf = view[off : len(view) if sz == -1 else off + sz]
        self.write(buf)
        await self.drain()

    awritestr = awrite
    aclose = wait_closed


StreamReader = Stream
StreamWriter = Stream


def _tls_context(ssl):
    if ssl is True:
        import ssl as tls

        return tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
    return ssl


def open_connection(host, port, ssl=None, server_hostname=None):
    # A TCP connection as (reader, writer), one Stream for both. Needs the socket module,
    # which the host grants; getaddrinfo blocks while it resolves.
    import socket

    family, kind, protocol, _, address = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(family, kind, protocol)
    s.setblocking(False)
    try:
        s.connect(address)
    except OSError as error:
        from errno import EINPROGRESS

        if error.errno != EINPROGRESS:
            raise error
    if ssl:
        s = _tls_context(ssl).wrap_socket(
            s, server_hostname=server_hostname or host, do_handshake_on_connect=False
        )
        s.setblocking(False)
    stream = Stream(s)
    # Connected once the socket becomes writable.
    yield _io_queue.queue_write(s)
    return stream, stream


class Server:
    # A listening socket and the task that accepts on it; usable with `async with`.
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        self.state = True
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    def _serve(self, s, cb, ssl):
        # `state` tells a cancel by close() (end quietly) from one from outside (pass it on).
        self.state = False
        while True:
            try:
                yield _io_queue.queue_read(s)
            except CancelledError as error:
                s.close()
                if self.state:
                    return
                raise error
            try:
                client, address = s.accept()
            except Exception:
                continue
            if ssl:
                try:
                    client = ssl.wrap_socket(client, server_side=True, do_handshake_on_connect=False)
                except OSError as error:
                    sys.print_exception(error)
                    client.close()
                    continue
            client.setblocking(False)
            stream = Stream(client, {"peername": address})
            create_task(cb(stream, stream))


async def start_server(cb, host, port, backlog=5, ssl=None):
    import socket

    info = socket.getaddrinfo(host, port)[0]
    s = socket.socket(info[0])
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(info[-1])
    s.listen(backlog)
    server = Server()
    server.task = create_task(server._serve(s, cb, ssl))
    try:
        # Let the accepting task start, so that close() finds it able to take a cancel.
        await sleep_ms(0)
    except CancelledError as error:
        server.task.cancel()
        raise error
    return server
