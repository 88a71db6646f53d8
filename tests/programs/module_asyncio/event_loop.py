# expect: micropython 1.29
# asyncio's loop object: run_until_complete, run_forever and stop, exception handlers, new loops.
import asyncio
import uasyncio

print(uasyncio.sleep_ms is asyncio.sleep_ms, uasyncio.Task is asyncio.Task)


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]))


async def detached_failure():
    raise KeyError("lost")


async def ticker(count, finished=None):
    for index in range(count):
        print("tick", index)
        await asyncio.sleep(0)
    if finished:
        finished.set()
    return count


async def stopper(loop, finished):
    asyncio.create_task(detached_failure())
    await finished.wait()
    print("stopping")
    loop.stop()


loop = asyncio.get_event_loop()
print(loop is asyncio.get_event_loop(), loop.get_exception_handler())
loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)
print(loop.run_until_complete(ticker(3)))
finished = asyncio.Event()
loop.create_task(ticker(2, finished))
loop.create_task(stopper(loop, finished))
loop.run_forever()

loop = asyncio.new_event_loop()
print(loop.run_until_complete(ticker(1)))
loop.set_exception_handler(None)
loop.close()


async def awaited_failure():
    task = asyncio.create_task(detached_failure())
    try:
        await task
    except KeyError as error:
        print("caught", repr(error))
    return "no handler call"


print(asyncio.run(awaited_failure()))


async def raises():
    await asyncio.sleep(0)
    raise OSError(5)


try:
    asyncio.run(raises())
except OSError as error:
    print("run raised", error.args)
print(asyncio.__version__ if hasattr(asyncio, "__version__") else "no version")
