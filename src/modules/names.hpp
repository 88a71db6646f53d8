// The interned names that only the standard modules use, one list per module.
#pragma once

#include <cstdint>
#include <string_view>

#include "object/names.hpp"

// Each module names its own functions, types and attributes here rather than in
// object/names.hpp, which the whole runtime includes. The lists are appended to every VM's
// intern table right after the object layer's fixed names (object::AppendedNames), in the
// order of XIPY_MODULE_NAMES below, so each name's id is a compile-time constant, the same in
// every VM, and constant tables (NativeFunction, Type) can hold it. dir() orders names by
// text, as MicroPython does, so where a name is declared never changes what dir() prints;
// modules/registry.cpp checks at compile time that no text is declared twice.
// clang-format off
// the builtins namespace: input(), compile() and the REPL's printer
#define XIPY_BUILTINS_NAMES(X) \
    X(input, "input") \
    X(compile, "compile") \
    X(dunder_repl_print, "__repl_print__")
// sys
#define XIPY_SYS_NAMES(X) \
    X(sys, "sys") \
    X(exit, "exit") \
    X(argv, "argv") \
    X(stdout_, "stdout") \
    X(stderr_, "stderr") \
    X(stdin_, "stdin") \
    X(maxsize, "maxsize") \
    X(ps1, "ps1") \
    X(ps2, "ps2") \
    X(version, "version") \
    X(version_info, "version_info") \
    X(platform, "platform") \
    X(modules, "modules") \
    X(path, "path") \
    X(implementation, "implementation") \
    X(print_exception, "print_exception") \
    X(exc_info, "exc_info") \
    X(atexit, "atexit")
// math and cmath
#define XIPY_MATH_NAMES(X) \
    X(math, "math") \
    X(cmath, "cmath") \
    X(sqrt, "sqrt") \
    X(floor, "floor") \
    X(ceil, "ceil") \
    X(fabs, "fabs") \
    X(trunc, "trunc") \
    X(pi, "pi") \
    X(e, "e") \
    X(inf, "inf") \
    X(nan, "nan") \
    X(isnan_, "isnan") \
    X(isinf_, "isinf") \
    X(isfinite_, "isfinite") \
    X(exp, "exp") \
    X(log, "log") \
    X(log2, "log2") \
    X(log10, "log10") \
    X(sin, "sin") \
    X(cos, "cos") \
    X(tan, "tan") \
    X(asin, "asin") \
    X(acos, "acos") \
    X(atan, "atan") \
    X(atan2, "atan2") \
    X(degrees, "degrees") \
    X(radians, "radians") \
    X(copysign, "copysign") \
    X(fmod, "fmod") \
    X(modf, "modf") \
    X(frexp, "frexp") \
    X(ldexp, "ldexp") \
    X(gcd, "gcd") \
    X(factorial, "factorial") \
    X(hypot, "hypot") \
    X(isclose, "isclose") \
    X(tau, "tau") \
    X(rel_tol, "rel_tol") \
    X(abs_tol, "abs_tol") \
    X(cosh, "cosh") \
    X(sinh, "sinh") \
    X(tanh, "tanh") \
    X(acosh, "acosh") \
    X(asinh, "asinh") \
    X(atanh, "atanh") \
    X(erf, "erf") \
    X(erfc, "erfc") \
    X(gamma, "gamma") \
    X(lgamma, "lgamma") \
    X(expm1, "expm1") \
    X(phase, "phase") \
    X(polar, "polar") \
    X(rect, "rect")
// errno
#define XIPY_ERRNO_NAMES(X) \
    X(errorcode, "errorcode")
// gc
#define XIPY_GC_NAMES(X) \
    X(gc, "gc") \
    X(collect, "collect") \
    X(enable, "enable") \
    X(disable, "disable") \
    X(isenabled, "isenabled") \
    X(mem_alloc, "mem_alloc") \
    X(mem_free, "mem_free") \
    X(threshold, "threshold")
// micropython
#define XIPY_MICROPYTHON_NAMES(X) \
    X(opt_level, "opt_level") \
    X(mem_info, "mem_info") \
    X(qstr_info, "qstr_info") \
    X(heap_lock, "heap_lock") \
    X(heap_unlock, "heap_unlock") \
    X(stack_use, "stack_use") \
    X(schedule, "schedule") \
    X(kbd_intr, "kbd_intr") \
    X(mem_total, "mem_total") \
    X(mem_current, "mem_current") \
    X(mem_peak, "mem_peak") \
    X(RingIO, "RingIO")
// time
#define XIPY_TIME_NAMES(X) \
    X(time, "time") \
    X(time_ns, "time_ns") \
    X(sleep, "sleep") \
    X(sleep_ms, "sleep_ms") \
    X(sleep_us, "sleep_us") \
    X(ticks_ms, "ticks_ms") \
    X(ticks_us, "ticks_us") \
    X(ticks_cpu, "ticks_cpu") \
    X(ticks_add, "ticks_add") \
    X(ticks_diff, "ticks_diff") \
    X(localtime, "localtime") \
    X(gmtime, "gmtime") \
    X(mktime, "mktime")
// os
#define XIPY_OS_NAMES(X) \
    X(os, "os") \
    X(getenv, "getenv") \
    X(putenv, "putenv") \
    X(unsetenv, "unsetenv") \
    X(listdir, "listdir") \
    X(stat, "stat") \
    X(urandom, "urandom") \
    X(mode, "mode") \
    X(buffering, "buffering") \
    X(encoding, "encoding") \
    X(getcwd, "getcwd") \
    X(rename, "rename") \
    X(mkdir, "mkdir") \
    X(rmdir, "rmdir")
// io
#define XIPY_IO_NAMES(X) \
    X(io, "io") \
    X(IOBase, "IOBase")
// json
#define XIPY_JSON_NAMES(X) \
    X(json, "json") \
    X(dumps, "dumps") \
    X(loads, "loads") \
    X(dump, "dump") \
    X(load, "load") \
    X(separators, "separators")
// collections
#define XIPY_COLLECTIONS_NAMES(X) \
    X(collections, "collections") \
    X(namedtuple, "namedtuple") \
    X(ordered_dict, "OrderedDict") \
    X(deque, "deque") \
    X(defaultdict, "defaultdict") \
    X(default_factory, "default_factory") \
    X(appendleft, "appendleft") \
    X(popleft, "popleft") \
    X(fields_attribute, "_fields")
// heapq
#define XIPY_HEAPQ_NAMES(X) \
    X(heapq, "heapq") \
    X(heappush, "heappush") \
    X(heappop, "heappop") \
    X(heapify, "heapify")
// struct
#define XIPY_STRUCT_NAMES(X) \
    X(struct_, "struct") \
    X(pack, "pack") \
    X(unpack, "unpack") \
    X(pack_into, "pack_into") \
    X(unpack_from, "unpack_from") \
    X(calcsize, "calcsize")
// re
#define XIPY_RE_NAMES(X) \
    X(re, "re") \
    X(match, "match") \
    X(search, "search") \
    X(fullmatch, "fullmatch") \
    X(sub, "sub") \
    X(group, "group") \
    X(groups, "groups") \
    X(span, "span")
// binascii
#define XIPY_BINASCII_NAMES(X) \
    X(binascii, "binascii") \
    X(hexlify, "hexlify") \
    X(unhexlify, "unhexlify") \
    X(a2b_base64, "a2b_base64") \
    X(b2a_base64, "b2a_base64") \
    X(crc32, "crc32") \
    X(newline_argument, "newline")
// hashlib
#define XIPY_HASHLIB_NAMES(X) \
    X(hashlib, "hashlib") \
    X(sha256, "sha256") \
    X(sha1, "sha1") \
    X(md5, "md5") \
    X(digest, "digest") \
    X(hexdigest, "hexdigest")
// random
#define XIPY_RANDOM_NAMES(X) \
    X(random, "random") \
    X(getrandbits, "getrandbits") \
    X(seed, "seed") \
    X(randrange, "randrange") \
    X(randint, "randint") \
    X(choice, "choice") \
    X(uniform, "uniform")
// vfs
#define XIPY_VFS_NAMES(X) \
    X(vfs, "vfs") \
    X(VfsRom, "VfsRom") \
    X(mount, "mount") \
    X(umount, "umount") \
    X(ilistdir, "ilistdir")
// uctypes (its struct type is named by struct's "struct")
#define XIPY_UCTYPES_NAMES(X) \
    X(uctypes, "uctypes") \
    X(sizeof_, "sizeof") \
    X(addressof, "addressof") \
    X(bytes_at, "bytes_at") \
    X(bytearray_at, "bytearray_at") \
    X(little_endian_constant, "LITTLE_ENDIAN") \
    X(big_endian_constant, "BIG_ENDIAN") \
    X(native_constant, "NATIVE") \
    X(void_constant, "VOID") \
    X(uint8_constant, "UINT8") \
    X(int8_constant, "INT8") \
    X(uint16_constant, "UINT16") \
    X(int16_constant, "INT16") \
    X(uint32_constant, "UINT32") \
    X(int32_constant, "INT32") \
    X(uint64_constant, "UINT64") \
    X(int64_constant, "INT64") \
    X(bfuint8_constant, "BFUINT8") \
    X(bfint8_constant, "BFINT8") \
    X(bfuint16_constant, "BFUINT16") \
    X(bfint16_constant, "BFINT16") \
    X(bfuint32_constant, "BFUINT32") \
    X(bfint32_constant, "BFINT32") \
    X(bf_pos_constant, "BF_POS") \
    X(bf_len_constant, "BF_LEN") \
    X(float32_constant, "FLOAT32") \
    X(float64_constant, "FLOAT64") \
    X(short_constant, "SHORT") \
    X(ushort_constant, "USHORT") \
    X(int_constant, "INT") \
    X(uint_constant, "UINT") \
    X(long_constant, "LONG") \
    X(ulong_constant, "ULONG") \
    X(longlong_constant, "LONGLONG") \
    X(ulonglong_constant, "ULONGLONG") \
    X(ptr_constant, "PTR") \
    X(array_constant, "ARRAY")

// platform (its own name is sys.platform's)
#define XIPY_PLATFORM_NAMES(X) \
    X(python_compiler, "python_compiler") \
    X(libc_ver, "libc_ver")

// framebuf (its rect method uses math's "rect")
#define XIPY_FRAMEBUF_NAMES(X) \
    X(framebuf, "framebuf") \
    X(FrameBuffer, "FrameBuffer") \
    X(FrameBuffer1, "FrameBuffer1") \
    X(MONO_VLSB, "MONO_VLSB") \
    X(MVLSB, "MVLSB") \
    X(MONO_HLSB, "MONO_HLSB") \
    X(MONO_HMSB, "MONO_HMSB") \
    X(RGB565, "RGB565") \
    X(GS2_HMSB, "GS2_HMSB") \
    X(GS4_HMSB, "GS4_HMSB") \
    X(GS8, "GS8") \
    X(fill, "fill") \
    X(fill_rect, "fill_rect") \
    X(pixel, "pixel") \
    X(hline, "hline") \
    X(vline, "vline") \
    X(line, "line") \
    X(ellipse, "ellipse") \
    X(poly, "poly") \
    X(text, "text") \
    X(scroll, "scroll") \
    X(blit, "blit")

// deflate
#define XIPY_DEFLATE_NAMES(X) \
    X(deflate, "deflate") \
    X(DeflateIO, "DeflateIO") \
    X(AUTO, "AUTO") \
    X(RAW, "RAW") \
    X(ZLIB, "ZLIB") \
    X(GZIP, "GZIP") \
    X(ioctl, "ioctl")

// machine (the unix port's hardware-free part)
#define XIPY_MACHINE_NAMES(X) \
    X(machine, "machine") \
    X(PinBase, "PinBase") \
    X(Signal, "Signal") \
    X(time_pulse_us, "time_pulse_us") \
    X(mem, "mem") \
    X(mem8, "mem8") \
    X(mem16, "mem16") \
    X(mem32, "mem32") \
    X(idle, "idle") \
    X(soft_reset, "soft_reset") \
    X(on, "on") \
    X(off, "off") \
    X(invert, "invert")

// _thread
#define XIPY_THREAD_NAMES(X) \
    X(thread_module, "_thread") \
    X(start_new_thread, "start_new_thread") \
    X(allocate_lock, "allocate_lock") \
    X(get_ident, "get_ident") \
    X(stack_size, "stack_size") \
    X(lock_type_name, "LockType") \
    X(lock, "lock") \
    X(acquire, "acquire") \
    X(locked, "locked")

// select
#define XIPY_SELECT_NAMES(X) \
    X(select, "select") \
    X(poll, "poll") \
    X(ipoll, "ipoll") \
    X(register_, "register") \
    X(unregister, "unregister") \
    X(modify, "modify") \
    X(pollin_constant, "POLLIN") \
    X(pollout_constant, "POLLOUT") \
    X(pollerr_constant, "POLLERR") \
    X(pollhup_constant, "POLLHUP")

// socket
#define XIPY_SOCKET_NAMES(X) \
    X(socket, "socket") \
    X(getaddrinfo, "getaddrinfo") \
    X(inet_pton, "inet_pton") \
    X(inet_ntop, "inet_ntop") \
    X(sockaddr, "sockaddr") \
    X(accept, "accept") \
    X(bind, "bind") \
    X(connect, "connect") \
    X(listen, "listen") \
    X(makefile, "makefile") \
    X(recv, "recv") \
    X(recvfrom, "recvfrom") \
    X(sendall, "sendall") \
    X(sendto, "sendto") \
    X(setblocking, "setblocking") \
    X(setsockopt, "setsockopt") \
    X(settimeout, "settimeout") \
    X(af_unix_constant, "AF_UNIX") \
    X(af_inet_constant, "AF_INET") \
    X(af_inet6_constant, "AF_INET6") \
    X(sock_stream_constant, "SOCK_STREAM") \
    X(sock_dgram_constant, "SOCK_DGRAM") \
    X(sock_raw_constant, "SOCK_RAW") \
    X(msg_dontroute_constant, "MSG_DONTROUTE") \
    X(msg_dontwait_constant, "MSG_DONTWAIT") \
    X(msg_peek_constant, "MSG_PEEK") \
    X(sol_socket_constant, "SOL_SOCKET") \
    X(so_broadcast_constant, "SO_BROADCAST") \
    X(so_error_constant, "SO_ERROR") \
    X(so_keepalive_constant, "SO_KEEPALIVE") \
    X(so_linger_constant, "SO_LINGER") \
    X(so_reuseaddr_constant, "SO_REUSEADDR") \
    X(ip_add_membership_constant, "IP_ADD_MEMBERSHIP") \
    X(ip_drop_membership_constant, "IP_DROP_MEMBERSHIP")

#define XIPY_MODULE_NAMES(X) \
    XIPY_BUILTINS_NAMES(X) \
    XIPY_SYS_NAMES(X) \
    XIPY_MATH_NAMES(X) \
    XIPY_ERRNO_NAMES(X) \
    XIPY_GC_NAMES(X) \
    XIPY_MICROPYTHON_NAMES(X) \
    XIPY_TIME_NAMES(X) \
    XIPY_OS_NAMES(X) \
    XIPY_IO_NAMES(X) \
    XIPY_JSON_NAMES(X) \
    XIPY_COLLECTIONS_NAMES(X) \
    XIPY_HEAPQ_NAMES(X) \
    XIPY_STRUCT_NAMES(X) \
    XIPY_RE_NAMES(X) \
    XIPY_BINASCII_NAMES(X) \
    XIPY_HASHLIB_NAMES(X) \
    XIPY_RANDOM_NAMES(X) \
    XIPY_VFS_NAMES(X) \
    XIPY_PLATFORM_NAMES(X) \
    XIPY_UCTYPES_NAMES(X) \
    XIPY_FRAMEBUF_NAMES(X) \
    XIPY_DEFLATE_NAMES(X) \
    XIPY_MACHINE_NAMES(X) \
    XIPY_THREAD_NAMES(X) \
    XIPY_SELECT_NAMES(X) \
    XIPY_SOCKET_NAMES(X)
// clang-format on

namespace xipy::modules {

// Module code writes names::x for a module name and an object-layer name alike: lookup
// finds the object layer's names through the using-directive.
namespace names {
using namespace object::names;

enum : std::uint32_t {
    first_module_name = object::names::fixed_name_count - 1,
#define XIPY_MODULE_NAME_ENUMERATOR(identifier, text) identifier,
    XIPY_MODULE_NAMES(XIPY_MODULE_NAME_ENUMERATOR)
#undef XIPY_MODULE_NAME_ENUMERATOR
    // One past the last module name: the first id a VM with these modules hands out at run time.
    end_of_module_names,
};

}  // namespace names

}  // namespace xipy::modules
