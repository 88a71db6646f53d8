// The socket module: TCP and UDP sockets behind the host's network grant, as MicroPython
// 1.29's unix port has them.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "modules/descriptor_wait.hpp"
#include "modules/module_constants.hpp"
#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/socket_object.hpp"
#include "modules/standard_modules.hpp"
#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/host_services.hpp"
#include "vm/threads.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;
using Network = vm::HostServices::Network;

namespace {

// ---- what one call on the host's socket came to

// A non-blocking system call's outcome: its result, or the host errno it failed with.
struct Outcome {
    long result = 0;
    int error = 0;
};

bool would_block(int error) { return error == EAGAIN || error == EWOULDBLOCK; }

// Runs `call` (a system call on the socket's non-blocking descriptor, returning -1 with errno
// set when it fails) until it stops failing with EINTR. When it would block and the socket
// blocks (timeout not 0), waits until the descriptor has `events` and calls again; once a
// socket's timeout has passed the call fails with `timed_out`: ETIMEDOUT for the stream
// calls, accept() and connect(), EAGAIN for recv() and send(), as on MicroPython's unix port.
// Nothing with the exception pending when the wait was interrupted.
template <typename Call>
std::optional<Outcome> run_call(Runtime& runtime, SocketObject* self, short events, Call call,
                                int timed_out = ETIMEDOUT) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    for (;;) {
        if (self->descriptor < 0) {
            return Outcome{-1, EBADF};
        }
        const long result = call(self->descriptor);
        if (result >= 0) {
            return Outcome{result, 0};
        }
        const int error = errno;
        if (error == EINTR) {
            continue;
        }
        if (!would_block(error) || self->timeout == 0) {
            return Outcome{-1, error};
        }
        std::int64_t timeout_ms = -1;
        if (self->timeout > 0) {
            const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
            if (elapsed >= self->timeout) {
                return Outcome{-1, timed_out};
            }
            timeout_ms = static_cast<std::int64_t>(std::ceil((self->timeout - elapsed) * 1000));
        }
        pollfd descriptor{self->descriptor, events, 0};
        if (!wait_for_descriptors(runtime, {&descriptor, 1}, timeout_ms)) {
            return std::nullopt;
        }
    }
}

SocketObject* self_of(Arguments arguments) {
    return static_cast<SocketObject*>(object::native_self(arguments[0]).as_object());
}

object::Raised raise_error(Runtime& runtime, int error) {
    return object::raise_os_error(runtime, error);
}

// ---- the network grant and addresses

Network network_of(Runtime& runtime) { return vm::host_services(runtime).network; }

bool is_loopback(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET) {
        const auto& ipv4 = reinterpret_cast<const sockaddr_in&>(address);
        return (ntohl(ipv4.sin_addr.s_addr) >> 24) == 127;
    }
    if (address.ss_family == AF_INET6) {
        const auto& ipv6 = reinterpret_cast<const sockaddr_in6&>(address);
        if (IN6_IS_ADDR_LOOPBACK(&ipv6.sin6_addr)) {
            return true;
        }
        return IN6_IS_ADDR_V4MAPPED(&ipv6.sin6_addr) && ipv6.sin6_addr.s6_addr[12] == 127;
    }
    return false;
}

// A resolved address, as the host's calls take it.
struct Address {
    sockaddr_storage storage{};
    socklen_t length = 0;
};

// getaddrinfo() run with the VM's lock released, since it may wait for a name server.
struct Lookup {
    const char* host;
    const char* service;
    addrinfo hints{};
    addrinfo* results = nullptr;
    int status = 0;
};

void look_up(void* context) {
    auto* lookup = static_cast<Lookup*>(context);
    lookup->status = ::getaddrinfo(lookup->host, lookup->service, &lookup->hints, &lookup->results);
}

// Resolves `host` and `service` as `hints` ask; a loopback-only VM may name its machine by
// number or as "localhost", never by a name a name server would be asked about. Nothing with
// OSError pending ("[addrinfo error N]", as the reference's text) when the lookup failed.
std::optional<addrinfo*> resolve(Runtime& runtime, const std::string& host,
                                 const std::string& service, addrinfo hints) {
    if (network_of(runtime) == Network::loopback && host != "localhost") {
        hints.ai_flags |= AI_NUMERICHOST;
    }
    // An empty host is every interface (INADDR_ANY), as CPython's bind(("", port)) takes it.
    Lookup lookup{host.empty() ? nullptr : host.c_str(),
                  service.empty() ? nullptr : service.c_str(), hints};
    if (!vm::run_released(runtime, look_up, &lookup)) {
        if (lookup.results != nullptr) {
            ::freeaddrinfo(lookup.results);
        }
        return std::nullopt;
    }
    if (lookup.status != 0) {
        runtime.raise_joined(
            &object::os_error_type,
            {"[addrinfo error ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(lookup.status)), "]"});
        return std::nullopt;
    }
    return lookup.results;
}

// The address a call was given: a sockaddr in a buffer (what getaddrinfo(), accept() and
// recvfrom() return, as on the reference), or (host, port) as CPython and MicroPython's
// bare-metal ports take it. A loopback-only VM may reach only its own machine: EACCES.
std::optional<Address> address_argument(Runtime& runtime, SocketObject* self, Value given) {
    Address address;
    if (std::optional<object::BufferView> buffer = object::get_buffer(given)) {
        address.length = static_cast<socklen_t>(std::min(buffer->size, sizeof address.storage));
        std::memcpy(&address.storage, buffer->data, address.length);
        const bool complete =
            (address.storage.ss_family == AF_INET && address.length >= sizeof(sockaddr_in)) ||
            (address.storage.ss_family == AF_INET6 && address.length >= sizeof(sockaddr_in6));
        if (!complete) {
            raise_error(runtime, EAFNOSUPPORT);
            return std::nullopt;
        }
    } else if (object::is_tuple(given) && object::as_tuple(given)->length >= 2) {
        std::span<const Value> items = object::as_tuple(given)->span();
        if (!object::is_str(items[0])) {
            runtime.raise_new(&object::type_error_type, "address must be (host, port)");
            return std::nullopt;
        }
        std::optional<std::int64_t> port = object::to_integer(runtime, items[1]);
        if (!port) {
            return std::nullopt;
        }
        if (*port < 0 || *port > 65535) {
            runtime.raise_new(&object::overflow_error_type, "port must be 0-65535.");
            return std::nullopt;
        }
        std::string host(object::str_view(runtime, items[0]));
        addrinfo hints{};
        hints.ai_family = self->family;
        hints.ai_flags = host.empty() ? AI_PASSIVE : 0;
        std::optional<addrinfo*> found = resolve(runtime, host, std::to_string(*port), hints);
        if (!found) {
            return std::nullopt;
        }
        address.length = (*found)->ai_addrlen;
        std::memcpy(&address.storage, (*found)->ai_addr, address.length);
        ::freeaddrinfo(*found);
    } else {
        runtime.raise_new(&object::type_error_type, "object with buffer protocol required");
        return std::nullopt;
    }
    if (network_of(runtime) == Network::loopback && !is_loopback(address.storage)) {
        raise_error(runtime, EACCES);
        return std::nullopt;
    }
    return address;
}

// A loopback-only VM's socket must not take an address of every interface, as the host gives
// an unbound socket on connect(), sendto() or listen(): it is bound to its loopback address
// first.
object::Status keep_on_loopback(Runtime& runtime, SocketObject* self) {
    if (network_of(runtime) != Network::loopback || self->descriptor < 0) {
        return object::succeeded();
    }
    sockaddr_storage local{};
    socklen_t length = sizeof local;
    if (::getsockname(self->descriptor, reinterpret_cast<sockaddr*>(&local), &length) != 0) {
        return raise_error(runtime, errno);
    }
    const bool unbound =
        (local.ss_family == AF_INET && reinterpret_cast<sockaddr_in&>(local).sin_port == 0) ||
        (local.ss_family == AF_INET6 && reinterpret_cast<sockaddr_in6&>(local).sin6_port == 0);
    if (!unbound) {
        return object::succeeded();
    }
    sockaddr_storage loopback{};
    if (self->family == AF_INET6) {
        auto& ipv6 = reinterpret_cast<sockaddr_in6&>(loopback);
        ipv6.sin6_family = AF_INET6;
        ipv6.sin6_addr = in6addr_loopback;
        length = sizeof ipv6;
    } else {
        auto& ipv4 = reinterpret_cast<sockaddr_in&>(loopback);
        ipv4.sin_family = AF_INET;
        ipv4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        length = sizeof ipv4;
    }
    if (::bind(self->descriptor, reinterpret_cast<sockaddr*>(&loopback), length) != 0) {
        return raise_error(runtime, errno);
    }
    return object::succeeded();
}

object::Result<Value> make_address(Runtime& runtime, const sockaddr_storage& address,
                                   socklen_t length) {
    return object::make_bytearray(
        runtime, std::string_view(reinterpret_cast<const char*>(&address), length));
}

// ---- the socket type

// socket(af=AF_INET, type=SOCK_STREAM, proto=0)
object::Result<Value> socket_make_new(Runtime& runtime, const object::Type*, Arguments arguments) {
    if (arguments.positional_count > 3) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 3 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    std::int64_t numbers[3] = {AF_INET, SOCK_STREAM, 0};
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        std::optional<std::int64_t> number = object::to_integer(runtime, arguments[index]);
        if (!number) {
            return Value::empty();
        }
        numbers[index] = *number;
    }
    if (network_of(runtime) == Network::none) {
        return raise_error(runtime, object::error_permission);
    }
    // Only the internet families: an AF_UNIX socket would reach paths outside the VM's
    // filesystem root. Raw sockets are for the host's administrator alone.
    if (numbers[0] != AF_INET && numbers[0] != AF_INET6) {
        return raise_error(runtime, EAFNOSUPPORT);
    }
    if (numbers[1] != SOCK_STREAM && numbers[1] != SOCK_DGRAM) {
        return raise_error(
            runtime, numbers[1] == SOCK_RAW ? object::error_permission : object::error_invalid);
    }
    const int descriptor = ::socket(static_cast<int>(numbers[0]),
                                    static_cast<int>(numbers[1]) | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                    static_cast<int>(numbers[2]));
    if (descriptor < 0) {
        return raise_error(runtime, errno);
    }
    return make_socket(runtime, descriptor, static_cast<int>(numbers[0]));
}

object::Result<Value> socket_fileno(Runtime&, Arguments arguments) {
    return Value::from_small_int(self_of(arguments)->descriptor);
}

object::Result<Value> socket_close(Runtime&, Arguments arguments) {
    close_socket(self_of(arguments));
    return Value::none();
}

object::Result<Value> socket_connect(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::optional<Address> address = address_argument(runtime, self, arguments[1]);
    if (!address || !keep_on_loopback(runtime, self)) {
        return Value::empty();
    }
    if (self->descriptor < 0) {
        return raise_error(runtime, EBADF);
    }
    if (::connect(self->descriptor, reinterpret_cast<const sockaddr*>(&address->storage),
                  address->length) == 0) {
        return Value::none();
    }
    int error = errno;
    if (error != EINPROGRESS && error != EINTR) {
        return raise_error(runtime, error);
    }
    if (self->timeout == 0) {
        return raise_error(runtime, EINPROGRESS);  // as a non-blocking socket reports it
    }
    // The connection completes when the socket becomes writable; SO_ERROR says how.
    std::optional<Outcome> outcome = run_call(runtime, self, POLLOUT, [](int descriptor) -> long {
        pollfd ready{descriptor, POLLOUT, 0};
        if (::poll(&ready, 1, 0) > 0) {
            return 0;
        }
        errno = EAGAIN;
        return -1;
    });
    if (!outcome) {
        return Value::empty();
    }
    if (outcome->error != 0) {
        return raise_error(runtime, outcome->error);
    }
    socklen_t length = sizeof error;
    if (::getsockopt(self->descriptor, SOL_SOCKET, SO_ERROR, &error, &length) != 0) {
        error = errno;
    }
    if (error != 0) {
        return raise_error(runtime, error);
    }
    return Value::none();
}

object::Result<Value> socket_bind(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::optional<Address> address = address_argument(runtime, self, arguments[1]);
    if (!address) {
        return Value::empty();
    }
    if (::bind(self->descriptor, reinterpret_cast<const sockaddr*>(&address->storage),
               address->length) != 0) {
        return raise_error(runtime, errno);
    }
    return Value::none();
}

// listen([backlog])
object::Result<Value> socket_listen(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::int64_t backlog = std::min(SOMAXCONN, 128);
    if (arguments.positional_count > 1) {
        std::optional<std::int64_t> given = object::to_integer(runtime, arguments[1]);
        if (!given) {
            return Value::empty();
        }
        backlog = std::clamp<std::int64_t>(*given, 0, SOMAXCONN);
    }
    if (!keep_on_loopback(runtime, self)) {
        return Value::empty();
    }
    if (::listen(self->descriptor, static_cast<int>(backlog)) != 0) {
        return raise_error(runtime, errno);
    }
    return Value::none();
}

// accept() -> (socket, address)
object::Result<Value> socket_accept(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    std::optional<Outcome> outcome = run_call(runtime, self, POLLIN, [&](int descriptor) -> long {
        length = sizeof address;
        return ::accept4(descriptor, reinterpret_cast<sockaddr*>(&address), &length,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);
    });
    if (!outcome) {
        return Value::empty();
    }
    if (outcome->error != 0) {
        return raise_error(runtime, outcome->error);
    }
    Value client = make_socket(runtime, static_cast<int>(outcome->result), self->family);
    if (client.is_empty()) {
        return Value::empty();
    }
    Value peer = make_address(runtime, address, length);
    if (peer.is_empty()) {
        return Value::empty();
    }
    const Value items[] = {client, peer};
    return object::new_tuple(runtime, items);
}

// The flags argument at `index`, if given; MSG_NOSIGNAL is always added, so that a peer that
// went away raises EPIPE rather than killing the host process with SIGPIPE.
std::optional<int> flags_argument(Runtime& runtime, Arguments arguments, std::uint32_t index) {
    std::int64_t flags = 0;
    if (arguments.positional_count > index) {
        std::optional<std::int64_t> given = object::to_integer(runtime, arguments[index]);
        if (!given) {
            return std::nullopt;
        }
        flags = *given;
    }
    return static_cast<int>(flags);
}

// At most this many bytes per host call, so that a huge size asks the VM's heap (which counts
// every byte) for what arrived, never the C heap for what was asked.
constexpr std::size_t chunk_size = 16384;

// recv(size[, flags]) and recvfrom(size[, flags]): one host call; a non-blocking socket with
// nothing to read raises EAGAIN.
object::Result<Value> receive(Runtime& runtime, Arguments arguments, bool with_address) {
    SocketObject* self = self_of(arguments);
    std::optional<std::int64_t> size = object::to_integer(runtime, arguments[1]);
    std::optional<int> flags = size ? flags_argument(runtime, arguments, 2) : std::nullopt;
    if (!flags) {
        return Value::empty();
    }
    char chunk[chunk_size];
    const std::size_t wanted =
        static_cast<std::size_t>(std::clamp<std::int64_t>(*size, 0, chunk_size));
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    std::optional<Outcome> outcome = run_call(
        runtime, self, POLLIN,
        [&](int descriptor) -> long {
            length = sizeof address;
            return ::recvfrom(descriptor, chunk, wanted, *flags,
                              reinterpret_cast<sockaddr*>(&address), &length);
        },
        EAGAIN);
    if (!outcome) {
        return Value::empty();
    }
    if (outcome->error != 0) {
        return raise_error(runtime, outcome->error);
    }
    Value data = object::make_bytes(runtime, std::string_view(chunk, outcome->result));
    if (data.is_empty() || !with_address) {
        return data;
    }
    Value peer = make_address(runtime, address, length);
    if (peer.is_empty()) {
        return Value::empty();
    }
    const Value items[] = {data, peer};
    return object::new_tuple(runtime, items);
}

object::Result<Value> socket_recv(Runtime& runtime, Arguments arguments) {
    return receive(runtime, arguments, false);
}

object::Result<Value> socket_recvfrom(Runtime& runtime, Arguments arguments) {
    return receive(runtime, arguments, true);
}

// Sends `buffer` once (or, with `all`, until all of it went); the count sent, or nothing with
// the exception pending. The buffer is looked up again at every call: another thread of the
// program may resize it while this one waits.
std::optional<std::size_t> send_data(Runtime& runtime, SocketObject* self, Value buffer, int flags,
                                     const Address* address, bool all) {
    if (!object::require_buffer(runtime, buffer)) {
        return std::nullopt;
    }
    std::size_t sent = 0;
    do {
        std::optional<Outcome> outcome = run_call(
            runtime, self, POLLOUT,
            [&](int descriptor) -> long {
                std::optional<object::BufferView> current = object::get_buffer(buffer);
                const std::size_t size = current ? current->size : 0;
                const std::size_t offset = std::min(sent, size);
                return ::sendto(
                    descriptor, current ? current->data + offset : nullptr, size - offset,
                    flags | MSG_NOSIGNAL,
                    address ? reinterpret_cast<const sockaddr*>(&address->storage) : nullptr,
                    address ? address->length : 0);
            },
            EAGAIN);
        if (!outcome) {
            return std::nullopt;
        }
        if (outcome->error != 0) {
            raise_error(runtime, outcome->error);
            return std::nullopt;
        }
        sent += static_cast<std::size_t>(outcome->result);
        std::optional<object::BufferView> current = object::get_buffer(buffer);
        if (!current || sent >= current->size || outcome->result == 0) {
            break;
        }
    } while (all);
    return sent;
}

// send(bytes[, flags])
object::Result<Value> socket_send(Runtime& runtime, Arguments arguments) {
    std::optional<int> flags = flags_argument(runtime, arguments, 2);
    if (!flags) {
        return Value::empty();
    }
    std::optional<std::size_t> sent =
        send_data(runtime, self_of(arguments), arguments[1], *flags, nullptr, false);
    return sent ? Value::from_small_int(static_cast<std::int64_t>(*sent)) : Value::empty();
}

// sendall(bytes[, flags])
object::Result<Value> socket_sendall(Runtime& runtime, Arguments arguments) {
    std::optional<int> flags = flags_argument(runtime, arguments, 2);
    if (!flags) {
        return Value::empty();
    }
    std::optional<std::size_t> sent =
        send_data(runtime, self_of(arguments), arguments[1], *flags, nullptr, true);
    return sent ? Value::none() : Value::empty();
}

// sendto(bytes[, flags], address)
object::Result<Value> socket_sendto(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    const bool has_flags = arguments.positional_count > 3;
    std::optional<int> flags = has_flags ? flags_argument(runtime, arguments, 2) : 0;
    if (!flags) {
        return Value::empty();
    }
    std::optional<Address> address = address_argument(runtime, self, arguments[has_flags ? 3 : 2]);
    if (!address || !keep_on_loopback(runtime, self)) {
        return Value::empty();
    }
    std::optional<std::size_t> sent =
        send_data(runtime, self, arguments[1], *flags, &*address, false);
    return sent ? Value::from_small_int(static_cast<std::int64_t>(*sent)) : Value::empty();
}

// setsockopt(level, option, value): an int or a buffer, passed to the host as it is.
object::Result<Value> socket_setsockopt(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::optional<std::int64_t> level = object::to_integer(runtime, arguments[1]);
    std::optional<std::int64_t> option =
        level ? object::to_integer(runtime, arguments[2]) : std::nullopt;
    if (!option) {
        return Value::empty();
    }
    int number = 0;
    const void* value = &number;
    socklen_t length = sizeof number;
    if (std::optional<object::BufferView> buffer = object::get_buffer(arguments[3])) {
        value = buffer->data;
        length = static_cast<socklen_t>(buffer->size);
    } else {
        std::optional<std::int64_t> given = object::to_integer(runtime, arguments[3]);
        if (!given) {
            return Value::empty();
        }
        number = static_cast<int>(*given);
    }
    if (::setsockopt(self->descriptor, static_cast<int>(*level), static_cast<int>(*option), value,
                     length) != 0) {
        return raise_error(runtime, errno);
    }
    return Value::none();
}

object::Result<Value> socket_setblocking(Runtime& runtime, Arguments arguments) {
    const int blocking = object::truth(runtime, arguments[1]);
    if (blocking < 0) {
        return Value::empty();
    }
    self_of(arguments)->timeout = blocking ? -1.0 : 0.0;
    return Value::none();
}

// settimeout(None | seconds): None blocks for good, 0 never blocks.
object::Result<Value> socket_settimeout(Runtime& runtime, Arguments arguments) {
    double timeout = -1;
    if (!arguments[1].is_none()) {
        std::optional<double> seconds = object::to_double(runtime, arguments[1]);
        if (!seconds) {
            return Value::empty();
        }
        if (*seconds < 0 || std::isnan(*seconds)) {
            return runtime.raise_new(&object::value_error_type, "Timeout value out of range");
        }
        timeout = *seconds;
    }
    self_of(arguments)->timeout = timeout;
    return Value::none();
}

// makefile(mode='rb', buffering=0): the socket itself, which is already a stream.
object::Result<Value> socket_makefile(Runtime&, Arguments arguments) { return arguments[0]; }

// ---- the stream methods (read, readinto, readline, write), as MicroPython's streams have
// them: read(n) waits for all n bytes unless the stream ends; a non-blocking socket with
// nothing at all returns None.

// Appends up to `limit` bytes (all until the end, when negative) to `array`, one byte at a
// time when `line` (stopping after a newline). False with the exception pending; `starved`
// is set when a non-blocking socket had nothing more.
object::Status read_into_array(Runtime& runtime, SocketObject* self, object::ArrayObject* array,
                               std::int64_t limit, bool line, bool& starved) {
    char chunk[chunk_size];
    while (limit < 0 || array->byte_length() < static_cast<std::uint64_t>(limit)) {
        std::size_t wanted = line ? 1 : chunk_size;
        if (limit >= 0) {
            wanted = std::min<std::uint64_t>(wanted, limit - array->byte_length());
        }
        std::optional<Outcome> outcome = run_call(runtime, self, POLLIN, [&](int descriptor) {
            return static_cast<long>(::recv(descriptor, chunk, wanted, 0));
        });
        if (!outcome) {
            return object::Raised{};
        }
        if (outcome->error != 0) {
            if (would_block(outcome->error)) {
                starved = true;
                break;
            }
            return raise_error(runtime, outcome->error);
        }
        if (outcome->result == 0) {
            break;
        }
        if (!object::array_append_bytes(
                runtime, array,
                std::string_view(chunk, static_cast<std::size_t>(outcome->result)))) {
            return object::Raised{};
        }
        if (line && chunk[0] == '\n') {
            break;
        }
    }
    return object::succeeded();
}

object::Result<Value> read_stream(Runtime& runtime, Arguments arguments, bool line) {
    std::int64_t limit = -1;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        std::optional<std::int64_t> size = object::to_integer(runtime, arguments[1]);
        if (!size) {
            return Value::empty();
        }
        limit = *size;
    }
    Value collected = object::make_bytearray(runtime, {});
    if (collected.is_empty()) {
        return Value::empty();
    }
    object::ArrayObject* array = object::as_array_like(collected);
    bool starved = false;
    if (!read_into_array(runtime, self_of(arguments), array, limit, line, starved)) {
        return Value::empty();
    }
    if (starved && array->byte_length() == 0) {
        return Value::none();
    }
    return object::make_bytes(
        runtime,
        std::string_view(reinterpret_cast<const char*>(array->data()), array->byte_length()));
}

object::Result<Value> socket_read(Runtime& runtime, Arguments arguments) {
    return read_stream(runtime, arguments, false);
}

object::Result<Value> socket_readline(Runtime& runtime, Arguments arguments) {
    return read_stream(runtime, arguments, true);
}

// readinto(buffer[, size]): the count read, or None when a non-blocking socket had nothing.
object::Result<Value> socket_readinto(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::optional<std::uint64_t> wanted = readinto_limit(runtime, arguments, 1);
    if (!wanted) {
        return Value::empty();
    }
    const std::uint64_t limit = *wanted;
    std::uint64_t filled = 0;
    while (filled < limit) {
        std::optional<Outcome> outcome =
            run_call(runtime, self, POLLIN, [&](int descriptor) -> long {
                // Looked up at each call: another thread may have resized the buffer meanwhile.
                std::optional<object::BufferView> current = object::get_buffer(arguments[1]);
                if (!current || current->size < limit) {
                    errno = EINVAL;
                    return -1;
                }
                return ::recv(descriptor, current->data + filled, limit - filled, 0);
            });
        if (!outcome) {
            return Value::empty();
        }
        if (outcome->error != 0) {
            if (would_block(outcome->error)) {
                if (filled == 0) {
                    return Value::none();
                }
                break;
            }
            return raise_error(runtime, outcome->error);
        }
        if (outcome->result == 0) {
            break;
        }
        filled += static_cast<std::uint64_t>(outcome->result);
    }
    return Value::from_small_int(static_cast<std::int64_t>(filled));
}

// write(buffer): all of it on a blocking socket; on a non-blocking one what went, or None
// when nothing could.
object::Result<Value> socket_write(Runtime& runtime, Arguments arguments) {
    SocketObject* self = self_of(arguments);
    std::optional<object::BufferView> view = object::require_buffer(runtime, arguments[1]);
    if (!view) {
        return Value::empty();
    }
    if (view->size == 0) {
        return Value::from_small_int(0);
    }
    std::size_t sent = 0;
    while (true) {
        std::optional<object::BufferView> current = object::get_buffer(arguments[1]);
        if (!current || sent >= current->size) {
            break;
        }
        std::optional<Outcome> outcome =
            run_call(runtime, self, POLLOUT, [&](int descriptor) -> long {
                std::optional<object::BufferView> now = object::get_buffer(arguments[1]);
                if (!now || sent >= now->size) {
                    return 0;
                }
                return ::send(descriptor, now->data + sent, now->size - sent, MSG_NOSIGNAL);
            });
        if (!outcome) {
            return Value::empty();
        }
        if (outcome->error != 0) {
            if (would_block(outcome->error)) {
                if (sent == 0) {
                    return Value::none();
                }
                break;
            }
            return raise_error(runtime, outcome->error);
        }
        if (outcome->result == 0) {
            break;
        }
        sent += static_cast<std::size_t>(outcome->result);
    }
    return Value::from_small_int(static_cast<std::int64_t>(sent));
}

object::Status socket_print(Runtime&, Value self, object::Printer& printer, object::PrintKind) {
    printer.write("<_socket ");
    printer.write(std::to_string(static_cast<const SocketObject*>(self.as_object())->descriptor));
    printer.write(">");
    return object::succeeded();
}

void finalize_socket(gc::Cell* cell) { close_socket(static_cast<SocketObject*>(cell)); }

using Kind = NativeKind;

constexpr NativeFunction socket_methods[] = {
    {names::accept, Kind::method, 1, 1, socket_accept},
    {names::bind, Kind::method, 2, 2, socket_bind},
    {names::close, Kind::method, 1, 1, socket_close},
    {names::connect, Kind::method, 2, 2, socket_connect},
    {names::fileno, Kind::method, 1, 1, socket_fileno},
    {names::listen, Kind::method, 1, 2, socket_listen},
    {names::makefile, Kind::method, 1, 3, socket_makefile},
    {names::read, Kind::method, 1, 2, socket_read},
    {names::readinto, Kind::method, 2, 3, socket_readinto},
    {names::readline, Kind::method, 1, 2, socket_readline},
    {names::recv, Kind::method, 2, 3, socket_recv},
    {names::recvfrom, Kind::method, 2, 3, socket_recvfrom},
    {names::send, Kind::method, 2, 3, socket_send},
    {names::sendall, Kind::method, 2, 3, socket_sendall},
    {names::sendto, Kind::method, 3, 4, socket_sendto},
    {names::setblocking, Kind::method, 2, 2, socket_setblocking},
    {names::setsockopt, Kind::method, 4, 4, socket_setsockopt},
    {names::settimeout, Kind::method, 2, 2, socket_settimeout},
    {names::write, Kind::method, 2, 2, socket_write},
};

constexpr auto socket_attributes = object::native_attributes<socket_methods>();

// ---- the module's functions

std::optional<std::string> text_argument(Runtime& runtime, Value value) {
    if (!object::is_str(value)) {
        runtime.raise_joined(&object::type_error_type,
                             {"can't convert '", object::type_name_of(runtime, value),
                              "' object to str implicitly"});
        return std::nullopt;
    }
    return std::string(object::str_view(runtime, value));
}

// getaddrinfo(host, port, af=0, type=0, proto=0, flags=0) -> [(af, type, proto, None, address)]
object::Result<Value> socket_getaddrinfo(Runtime& runtime, Arguments arguments) {
    if (network_of(runtime) == Network::none) {
        return raise_error(runtime, object::error_permission);
    }
    std::optional<std::string> host = text_argument(runtime, arguments[0]);
    if (!host) {
        return Value::empty();
    }
    addrinfo hints{};
    std::string service;
    if (arguments[1].is_small_int()) {
        service = std::to_string(static_cast<std::uint16_t>(arguments[1].as_small_int()));
        hints.ai_flags = AI_NUMERICSERV;
    } else {
        std::optional<std::string> name = text_argument(runtime, arguments[1]);
        if (!name) {
            return Value::empty();
        }
        service = *name;
    }
    int* fields[] = {&hints.ai_family, &hints.ai_socktype, &hints.ai_protocol, &hints.ai_flags};
    for (std::uint32_t index = 2; index < arguments.positional_count; ++index) {
        std::optional<std::int64_t> number = object::to_integer(runtime, arguments[index]);
        if (!number) {
            return Value::empty();
        }
        *fields[index - 2] = static_cast<int>(*number);
    }
    std::optional<addrinfo*> found = resolve(runtime, *host, service, hints);
    if (!found) {
        return Value::empty();
    }
    Value list = object::make_list(runtime, {});
    for (const addrinfo* entry = *found; entry != nullptr && !list.is_empty();
         entry = entry->ai_next) {
        sockaddr_storage address{};
        std::memcpy(&address, entry->ai_addr,
                    std::min<std::size_t>(entry->ai_addrlen, sizeof address));
        Value packed = make_address(runtime, address, entry->ai_addrlen);
        if (packed.is_empty()) {
            list = Value::empty();
            break;
        }
        const Value items[] = {Value::from_small_int(entry->ai_family),
                               Value::from_small_int(entry->ai_socktype),
                               Value::from_small_int(entry->ai_protocol), Value::none(), packed};
        Value tuple = object::new_tuple(runtime, items);
        if (tuple.is_empty() || !object::list_append(runtime, list, tuple)) {
            list = Value::empty();
        }
    }
    ::freeaddrinfo(*found);
    return list;
}

// inet_pton(af, text) -> the packed address
object::Result<Value> socket_inet_pton(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> family = object::to_integer(runtime, arguments[0]);
    std::optional<std::string> text = family ? text_argument(runtime, arguments[1]) : std::nullopt;
    if (!text) {
        return Value::empty();
    }
    unsigned char packed[sizeof(in6_addr)];
    const int status = ::inet_pton(static_cast<int>(*family), text->c_str(), packed);
    if (status < 0) {
        return raise_error(runtime, errno);
    }
    if (status == 0) {
        return raise_error(runtime, object::error_invalid);
    }
    const std::size_t length = *family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr);
    return object::make_bytes(runtime, std::string_view(reinterpret_cast<char*>(packed), length));
}

// inet_ntop(af, packed) -> text
object::Result<Value> socket_inet_ntop(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> family = object::to_integer(runtime, arguments[0]);
    std::optional<object::BufferView> packed =
        family ? object::require_buffer(runtime, arguments[1]) : std::nullopt;
    if (!packed) {
        return Value::empty();
    }
    const std::size_t needed = *family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr);
    unsigned char address[sizeof(in6_addr)] = {};
    std::memcpy(address, packed->data, std::min(needed, packed->size));
    char text[INET6_ADDRSTRLEN] = {};
    if (packed->size < needed ||
        ::inet_ntop(static_cast<int>(*family), address, text, sizeof text) == nullptr) {
        return raise_error(runtime, packed->size < needed ? object::error_invalid : errno);
    }
    return object::make_str(runtime, text);
}

// sockaddr(packed) -> (af, packed host, port[, flowinfo, scope_id])
object::Result<Value> socket_sockaddr(Runtime& runtime, Arguments arguments) {
    std::optional<object::BufferView> packed = object::require_buffer(runtime, arguments[0]);
    if (!packed) {
        return Value::empty();
    }
    sockaddr_storage address{};
    std::memcpy(&address, packed->data, std::min(packed->size, sizeof address));
    if (address.ss_family == AF_INET && packed->size >= sizeof(sockaddr_in)) {
        const auto& ipv4 = reinterpret_cast<const sockaddr_in&>(address);
        Value host = object::make_bytes(
            runtime, std::string_view(reinterpret_cast<const char*>(&ipv4.sin_addr), 4));
        if (host.is_empty()) {
            return Value::empty();
        }
        const Value items[] = {Value::from_small_int(AF_INET), host,
                               Value::from_small_int(ntohs(ipv4.sin_port))};
        return object::new_tuple(runtime, items);
    }
    if (address.ss_family == AF_INET6 && packed->size >= sizeof(sockaddr_in6)) {
        const auto& ipv6 = reinterpret_cast<const sockaddr_in6&>(address);
        Value host = object::make_bytes(
            runtime, std::string_view(reinterpret_cast<const char*>(&ipv6.sin6_addr), 16));
        if (host.is_empty()) {
            return Value::empty();
        }
        const Value items[] = {Value::from_small_int(AF_INET6), host,
                               Value::from_small_int(ntohs(ipv6.sin6_port)),
                               object::make_int(runtime, ntohl(ipv6.sin6_flowinfo)),
                               object::make_int(runtime, ntohl(ipv6.sin6_scope_id))};
        return object::new_tuple(runtime, items);
    }
    const std::size_t offset = offsetof(sockaddr, sa_data);
    Value data = object::make_bytes(
        runtime, std::string_view(
                     reinterpret_cast<const char*>(packed->data) + std::min(offset, packed->size),
                     packed->size - std::min(offset, packed->size)));
    if (data.is_empty()) {
        return Value::empty();
    }
    const Value items[] = {Value::from_small_int(address.ss_family), data};
    return object::new_tuple(runtime, items);
}

constexpr NativeFunction socket_functions[] = {
    {names::getaddrinfo, Kind::function, 2, 6, socket_getaddrinfo},
    {names::inet_pton, Kind::function, 2, 2, socket_inet_pton},
    {names::inet_ntop, Kind::function, 2, 2, socket_inet_ntop},
    {names::sockaddr, Kind::function, 1, 1, socket_sockaddr},
};

constexpr object::Attribute socket_module_objects[] = {
    {names::socket, &socket_type},
    {names::getaddrinfo, &socket_functions[0]},
    {names::inet_pton, &socket_functions[1]},
    {names::inet_ntop, &socket_functions[2]},
    {names::sockaddr, &socket_functions[3]},
};

bool initialise_socket(Runtime& runtime, Value globals, void*) {
    constexpr IntegerConstant constants[] = {
        {names::af_unix_constant, AF_UNIX},
        {names::af_inet_constant, AF_INET},
        {names::af_inet6_constant, AF_INET6},
        {names::sock_stream_constant, SOCK_STREAM},
        {names::sock_dgram_constant, SOCK_DGRAM},
        {names::sock_raw_constant, SOCK_RAW},
        {names::msg_dontroute_constant, MSG_DONTROUTE},
        {names::msg_dontwait_constant, MSG_DONTWAIT},
        {names::msg_peek_constant, MSG_PEEK},
        {names::sol_socket_constant, SOL_SOCKET},
        {names::so_broadcast_constant, SO_BROADCAST},
        {names::so_error_constant, SO_ERROR},
        {names::so_keepalive_constant, SO_KEEPALIVE},
        {names::so_linger_constant, SO_LINGER},
        {names::so_reuseaddr_constant, SO_REUSEADDR},
        {names::ip_add_membership_constant, IP_ADD_MEMBERSHIP},
        {names::ip_drop_membership_constant, IP_DROP_MEMBERSHIP},
    };
    return store_integer_constants(runtime, globals, constants);
}

}  // namespace

constinit const object::Type socket_type{
    names::socket,
    &object::object_type,
    object::TypeSlots{.make_new = socket_make_new, .print = socket_print},
    socket_attributes,
    0,
    nullptr,
    finalize_socket};

Value make_socket(Runtime& runtime, int descriptor, int family) {
    auto* made = runtime.make<SocketObject>(0, descriptor, family);
    if (made == nullptr) {
        ::close(descriptor);
        return Value::empty();
    }
    return Value::from_object(made);
}

void close_socket(SocketObject* socket) {
    if (socket->descriptor >= 0) {
        ::close(socket->descriptor);
        socket->descriptor = -1;
    }
}

bool is_socket(Value value) {
    return value.is_object() && object::is_instance(value, &socket_type);
}

constinit const vm::ModuleDefinition socket_module{.name = names::socket,
                                                   .objects = socket_module_objects,
                                                   .initialise = initialise_socket,
                                                   .extensible = true,
                                                   .u_alias = true};

}  // namespace xipy::modules
