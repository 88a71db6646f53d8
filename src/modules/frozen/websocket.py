# websocket for xipy: MicroPython 1.29's websocket stream, which frames data over another stream.
#
# websocket(stream, blocking_write=False) reads and writes WebSocket frames (RFC 6455) over any
# stream with read, write and ioctl (a socket, io.BytesIO). As in MicroPython:
# - read() returns the payload of data frames, unmasked, across frame boundaries; ping and pong
#   frames are skipped once read whole; a close frame answers with a close frame and reads as end of stream;
# - write() sends its bytes as one final frame of the type set by ioctl(9, type) (text, 1, by
#   default); payloads of 64 KiB or more are refused with ENOBUFS, and a 64-bit length
#   received ends the read with EIO, since neither is supported;
# - a stream that has nothing to read yet (read returns None) makes read() return None, and
#   the frame is resumed by the next call.

import errno

_TEXT = 1
_CONTROL = 8  # opcodes from here on are control frames
_CLOSE = 8
_OPCODE = 0x0F

# The stream requests ioctl() answers (MicroPython's MP_STREAM_*).
_STREAM_CLOSE = 4
_GET_DATA_OPTS = 8
_SET_DATA_OPTS = 9

# What the reader expects next.
_HEADER = 0  # the two bytes that start a frame
_EXTENSION = 1  # the 16-bit length and the mask that follow some headers
_PAYLOAD = 2  # the payload of a data frame
_CONTROL_PAYLOAD = 3  # the payload of a control frame


class websocket:
    def __init__(self, *arguments):
        if not 1 <= len(arguments) <= 2:
            raise TypeError("function expected at most 2 arguments, got %d" % (len(arguments) + 1))
        stream = arguments[0]
        for method in ("read", "write", "ioctl"):
            if not hasattr(stream, method) and not (method == "ioctl" and hasattr(stream, "close")):
                raise OSError("stream operation not supported")
        self._stream = stream
        self._blocking_write = len(arguments) > 1 and arguments[1] is True
        self._options = _TEXT  # the opcode write() sends
        self._flags = 0  # the first byte of the last data frame (its opcode says its type)
        self._frame = 0  # the first byte of the frame being read
        self._state = _HEADER
        self._pending = b""  # header bytes received so far
        self._wanted = 2  # header bytes still to receive
        self._left = 0  # payload bytes left in the frame
        self._mask = b"\0\0\0\0"
        self._mask_position = 0

    # Up to `size` payload bytes: bytes, b"" at the end of the stream, or None when the stream
    # has nothing yet. One pass of MicroPython's websocket_read().
    def _read_some(self, size):
        while True:
            if self._wanted:
                got = self._stream.read(self._wanted)
                if not got:
                    return got
                self._pending += got
                self._wanted -= len(got)
                if self._wanted:
                    return None
            state = self._state
            if state == _HEADER:
                first, second = self._pending[0], self._pending[1]
                self._frame = first
                if first & _OPCODE == 0:
                    # A continuation keeps the opcode of the message it continues.
                    self._flags = (self._flags & _OPCODE) | (first & ~_OPCODE)
                else:
                    # Control frames too, as in MicroPython: ioctl(8) then reports their type.
                    self._flags = first
                self._mask = b"\0\0\0\0"
                length = second & 0x7F
                wanted = 0
                if length == 126:
                    wanted = 2
                elif length == 127:
                    raise OSError(errno.EIO)
                if second & 0x80:
                    wanted += 4
                self._pending = b""
                self._wanted = wanted
                self._left = length
                if wanted:
                    self._state = _EXTENSION
                else:
                    self._state = self._payload_state()
                continue
            if state == _EXTENSION:
                pending = self._pending
                if len(pending) & 3 == 2:
                    self._left = (pending[0] << 8) | pending[1]
                if len(pending) >= 4:
                    self._mask = pending[-4:]
                self._pending = b""
                self._state = self._payload_state()
                continue
            data = b""
            if self._left:
                data = self._stream.read(min(size, self._left))
                if not data:
                    return data
                mask = self._mask
                position = self._mask_position
                data = bytes(byte ^ mask[(position + index) & 3] for index, byte in enumerate(data))
                self._mask_position = position + len(data)
                self._left -= len(data)
            if not self._left:
                self._state = _HEADER
                self._wanted = 2
                self._mask_position = 0
                if state == _CONTROL_PAYLOAD:
                    if self._frame & _OPCODE == _CLOSE:
                        self._write_exactly(b"\x88\x00")
                        return b""
                    continue
            if data:
                return data
            # An empty data frame is not the end of the stream.

    def _payload_state(self):
        return _CONTROL_PAYLOAD if self._frame & _OPCODE >= _CONTROL else _PAYLOAD

    # Reads until `size` bytes (all, when negative) or the end of the stream; None when the
    # stream had nothing at all yet.
    def _read(self, size):
        chunks = []
        count = 0
        while size < 0 or count < size:
            got = self._read_some(256 if size < 0 else size - count)
            if got is None:
                if not chunks:
                    return None
                break
            if not got:
                break
            chunks.append(got)
            count += len(got)
        return b"".join(chunks)

    def read(self, size=-1):
        return self._read(size)

    def readinto(self, buffer, size=-1):
        view = memoryview(buffer)
        if 0 <= size < len(view):
            view = view[:size]
        data = self._read(len(view))
        if data is None:
            return None
        view[: len(data)] = data
        return len(data)

    def readline(self, size=-1):
        line = b""
        while size < 0 or len(line) < size:
            byte = self._read(1)
            if byte is None:
                if not line:
                    return None
                break
            if not byte:
                break
            line += byte
            if byte == b"\n":
                break
        return line

    def _write_exactly(self, data):
        view = memoryview(data)
        while view:
            count = self._stream.write(view)
            if count is None:
                raise OSError(errno.EAGAIN)
            if not count:
                break
            view = view[count:]

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        size = len(data)
        if not size:
            return 0  # a stream write of nothing never reaches the websocket: no frame
        if size >= 0x10000:
            raise OSError(errno.ENOBUFS)
        first = 0x80 | (self._options & _OPCODE)
        if size < 126:
            header = bytes((first, size))
        else:
            header = bytes((first, 126, size >> 8, size & 0xFF))
        if self._blocking_write:
            self._stream.setblocking(True)
        try:
            self._write_exactly(header)
            self._write_exactly(data)
        finally:
            if self._blocking_write:
                self._stream.setblocking(False)
        return size

    def ioctl(self, request, argument=0):
        if request == _STREAM_CLOSE:
            self._close_stream()
            return 0
        if request == _GET_DATA_OPTS:
            return self._flags & _OPCODE
        if request == _SET_DATA_OPTS:
            current = self._options & _OPCODE
            self._options = (self._options & ~_OPCODE) | (argument & _OPCODE)
            return current
        raise OSError(errno.EINVAL)

    def _close_stream(self):
        stream = self._stream
        if hasattr(stream, "close"):
            stream.close()
        else:
            stream.ioctl(_STREAM_CLOSE, 0)

    def close(self):
        self._close_stream()
