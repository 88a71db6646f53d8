# expect: micropython 1.29
# asyncio streams over loopback sockets: start_server, open_connection, lines echoed both
# ways, readexactly, reading to the end of the stream, and closing the server.
import asyncio
import errno


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line or line == b"quit\n":
            break
        writer.write(b"echo: " + line)
        await writer.drain()
    writer.write(b"bye\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def start():
    # The first free port from 44000: the test must not depend on one being free.
    for port in range(44000, 44200):
        try:
            return port, await asyncio.start_server(echo, "127.0.0.1", port)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise


async def client(port, name, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for index in range(count):
        writer.write(b"%s %d\n" % (name, index))
        await writer.drain()
        replies.append(await reader.readline())
    writer.write(b"12345\n")
    await writer.drain()
    replies.append(await reader.readexactly(12))
    writer.write(b"quit\n")
    await writer.drain()
    replies.append(await reader.read(-1))
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    port, server = await start()
    results = await asyncio.gather(client(port, b"first", 3), client(port, b"second", 2))
    for replies in results:
        print(replies)
    server.close()
    await server.wait_closed()
    print("closed")


asyncio.run(main())
