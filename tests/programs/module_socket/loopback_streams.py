# expect: micropython 1.29
# socket on the loopback interface: a TCP connection made without blocking and watched with
# select.poll, stream reads and writes, timeouts, end of stream, UDP datagrams, address helpers.
import socket
import select
import errno


def listen_on_loopback():
    # The first free port from 43000: the test must not depend on one being free.
    for port in range(43000, 43200):
        server = socket.socket()
        address = socket.getaddrinfo("127.0.0.1", port)[0][-1]
        try:
            server.bind(address)
        except OSError as error:
            server.close()
            if error.errno == errno.EADDRINUSE:
                continue
            raise
        server.listen(1)
        return server, address


def expect_error(name, call, *arguments):
    try:
        call(*arguments)
        print(name, "no error")
    except OSError as error:
        print(name, errno.errorcode.get(error.errno, error.errno))


server, address = listen_on_loopback()
print(socket.sockaddr(address)[0] == socket.AF_INET, socket.sockaddr(address)[1])

# Connecting without blocking: EINPROGRESS, then the poller says when it is done.
client = socket.socket()
client.setblocking(False)
expect_error("connect", client.connect, address)
poller = select.poll()
poller.register(server, select.POLLIN)
print("server ready:", [events for _, events in poller.poll(2000)])
connection, peer = server.accept()
print("peer:", socket.sockaddr(peer)[1])
poller.register(client, select.POLLOUT)
poller.unregister(server)
print("client writable:", [(s is client, events) for s, events in poller.poll(2000)])

# Nothing to read yet: a non-blocking recv raises EAGAIN, read returns None.
expect_error("recv", client.recv, 10)
print("read:", client.read(10))

# Writes and reads of each kind.
print("write:", client.write(b"hello, server\n"))
print("send:", client.send(b"second line\n"))
print("readline:", connection.readline())
print("recv:", connection.recv(7))
print("read:", connection.read(5))
connection.sendall(b"line one\nline two\npartial")
client.setblocking(True)
print("readline:", client.readline())
buffer = bytearray(5)
print("readinto:", client.readinto(buffer), buffer)
print("readline:", client.readline(3))

# A timeout ends a read that waits too long.
client.settimeout(0.05)
print("recv:", client.recv(100))
expect_error("recv with a timeout", client.recv, 100)
client.settimeout(None)

# The end of the stream: the peer closed.
connection.close()
print("read to the end:", client.read())
print("recv at the end:", client.recv(10))
print("fileno after close:", connection.fileno())
expect_error("recv on a closed socket", connection.recv, 1)

# A closed socket polls as POLLNVAL.
poller = select.poll()
poller.register(connection)
print("closed:", [events for _, events in poller.poll(0)])
client.close()
server.close()

# A connection refused.
refused = socket.socket()
expect_error("connect to a closed port", refused.connect, address)
refused.close()

# UDP datagrams between two loopback sockets.
receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for port in range(43200, 43400):
    target = socket.getaddrinfo("127.0.0.1", port)[0][-1]
    try:
        receiver.bind(target)
        break
    except OSError:
        pass
sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print("sendto:", sender.sendto(b"datagram one", target), sender.sendto(b"two", 0, target))
data, origin = receiver.recvfrom(100)
print("recvfrom:", data, socket.sockaddr(origin)[1])
print("recv:", receiver.recv(2))
receiver.setblocking(False)
expect_error("recv with nothing", receiver.recv, 10)
receiver.close()
sender.close()

# Address helpers.
packed = socket.inet_pton(socket.AF_INET, "192.168.1.20")
print(packed, socket.inet_ntop(socket.AF_INET, packed))
packed6 = socket.inet_pton(socket.AF_INET6, "::1")
print(packed6, socket.inet_ntop(socket.AF_INET6, packed6))
expect_error("inet_pton", socket.inet_pton, socket.AF_INET, "not an address")

# The u-prefixed name is the same module.
import usocket

print(usocket is socket)

# The constants, which are the host's own numbers (Linux's here, on both sides).
print(socket.AF_UNIX, socket.AF_INET, socket.AF_INET6, socket.SOCK_STREAM, socket.SOCK_DGRAM,
      socket.SOCK_RAW)
print(socket.MSG_DONTROUTE, socket.MSG_DONTWAIT, socket.MSG_PEEK, socket.SOL_SOCKET,
      socket.SO_BROADCAST, socket.SO_ERROR, socket.SO_KEEPALIVE, socket.SO_LINGER,
      socket.SO_REUSEADDR, socket.IP_ADD_MEMBERSHIP, socket.IP_DROP_MEMBERSHIP)
