"""The library names xipy promises: MicroPython's built-ins, methods and module members.

One definition shared by tools/compatibility_table.py (which of them xipy has) and
tools/check_name_coverage.py (which of them the conformance programs use). The method and
module lists are MicroPython 1.27's dir() output from the reference (the unix "standard"
build's names), plus the few xipy promises beyond the reference.
"""

# The built-in functions and types (MicroPython's unix "standard" build).
BUILTINS = (
    "__build_class__ __import__ abs all any bin bool bytearray bytes callable chr classmethod "
    "compile complex delattr dict dir divmod enumerate eval exec filter float format "
    "frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter len "
    "list locals map max memoryview min next object oct open ord pow print property range "
    "repr reversed round set setattr slice sorted staticmethod str sum super tuple type zip"
).split()

# Methods of built-in types: MicroPython 1.27's dir() of each type, plus what xipy promises
# beyond it (int.bit_length).
_STR_METHODS = (
    "center count encode endswith find format index isalpha isdigit islower isspace isupper "
    "join lower lstrip partition replace rfind rindex rpartition rsplit rstrip split "
    "splitlines startswith strip upper"
).split()
_BYTES_METHODS = [name for name in _STR_METHODS if name != "encode"] + "decode fromhex hex".split()
METHODS = {
    "str": _STR_METHODS,
    "bytes": sorted(_BYTES_METHODS),
    "bytearray": sorted(_BYTES_METHODS + "append extend".split()),
    "list": "append clear copy count extend index insert pop remove reverse sort".split(),
    "tuple": "count index".split(),
    "dict": "clear copy fromkeys get items keys pop popitem setdefault update values".split(),
    "set": (
        "add clear copy difference difference_update discard intersection "
        "intersection_update isdisjoint issubset issuperset pop remove symmetric_difference "
        "symmetric_difference_update union update"
    ).split(),
    "frozenset": (
        "copy difference intersection isdisjoint issubset issuperset symmetric_difference union"
    ).split(),
    "int": "bit_length from_bytes to_bytes".split(),
    "float": [],
    "memoryview": ["hex"],
}

# Modules, with MicroPython 1.27's public names in each (dir() of the unix port) plus the
# ones xipy promises that the reference lacks.
MODULES = {
    "sys": "argv byteorder exc_info exit implementation maxsize modules path platform "
    "print_exception stderr stdin stdout version version_info",
    "math": "acos acosh asin asinh atan atan2 atanh ceil copysign cos cosh degrees e erf erfc "
    "exp expm1 fabs factorial floor fmod frexp gamma inf isclose isfinite isinf isnan ldexp "
    "lgamma log log10 log2 modf nan pi pow radians sin sinh sqrt tan tanh tau trunc",
    "cmath": "cos e exp log log10 phase pi polar rect sin sqrt",
    "gc": "collect disable enable isenabled mem_alloc mem_free threshold",
    "micropython": "const heap_lock heap_unlock mem_info opt_level qstr_info schedule stack_use",
    "time": "gmtime localtime mktime sleep sleep_ms sleep_us ticks_add ticks_cpu ticks_diff "
    "ticks_ms ticks_us time time_ns",
    "struct": "calcsize pack pack_into unpack unpack_from",
    "array": "array",
    "collections": "OrderedDict defaultdict deque namedtuple",
    "io": "BytesIO StringIO",
    "json": "dump dumps load loads",
    "re": "compile fullmatch match search split sub",
    "binascii": "a2b_base64 b2a_base64 crc32 hexlify unhexlify",
    "hashlib": "md5 sha1 sha256",
    "random": "choice getrandbits randint random randrange seed uniform",
    "heapq": "heapify heappop heappush",
    "errno": "EACCES EADDRINUSE EAGAIN EALREADY EBADF ECONNABORTED ECONNREFUSED ECONNRESET "
    "EEXIST EHOSTUNREACH EINPROGRESS EINVAL EIO EISDIR ENOBUFS ENODEV ENOENT ENOMEM ENOTCONN "
    "EOPNOTSUPP EPERM ETIMEDOUT errorcode",
    "os": "getenv listdir mkdir remove rename rmdir stat urandom",
    "platform": "libc_ver platform python_compiler",
    "uctypes": "ARRAY BFINT16 BFINT32 BFINT8 BFUINT16 BFUINT32 BFUINT8 BF_LEN BF_POS BIG_ENDIAN "
    "FLOAT32 FLOAT64 INT INT16 INT32 INT64 INT8 LITTLE_ENDIAN LONG LONGLONG NATIVE PTR SHORT UINT "
    "UINT16 UINT32 UINT64 UINT8 ULONG ULONGLONG USHORT VOID addressof bytearray_at bytes_at sizeof "
    "struct",
    "framebuf": "FrameBuffer FrameBuffer1 GS2_HMSB GS4_HMSB GS8 MONO_HLSB MONO_HMSB MONO_VLSB MVLSB "
    "RGB565",
    "deflate": "AUTO DeflateIO GZIP RAW ZLIB",
    "machine": "PinBase Signal idle mem16 mem32 mem8 soft_reset time_pulse_us",
    "select": "POLLERR POLLHUP POLLIN POLLOUT poll",
    "socket": "AF_INET AF_INET6 AF_UNIX IP_ADD_MEMBERSHIP IP_DROP_MEMBERSHIP MSG_DONTROUTE "
    "MSG_DONTWAIT MSG_PEEK SOCK_DGRAM SOCK_RAW SOCK_STREAM SOL_SOCKET SO_BROADCAST SO_ERROR "
    "SO_KEEPALIVE SO_LINGER SO_REUSEADDR getaddrinfo inet_ntop inet_pton sockaddr socket",
    "websocket": "websocket",
}
MODULES = {module: names.split() for module, names in MODULES.items()}
