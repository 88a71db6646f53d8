// The socket module's socket object, which select.poll() also reads (its descriptor).
#pragma once

#include "object/object.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::modules {

extern const object::Type socket_type;

// Invariants: `descriptor` is a non-blocking host socket owned by this object alone (closed
// on close() or when the object is collected), or -1 once closed. Whether a call waits is
// `timeout`, kept here rather than in the host's descriptor: negative waits for good, 0 never
// waits (a non-blocking socket), otherwise at most that many seconds.
struct SocketObject : object::Object {
    int descriptor;
    int family;
    double timeout = -1;

    SocketObject(int socket_descriptor, int address_family)
        : Object(&socket_type), descriptor(socket_descriptor), family(address_family) {}
};

// A socket object owning `descriptor`; empty with MemoryError pending (and the descriptor
// closed) when it cannot be allocated.
object::Value make_socket(object::Runtime& runtime, int descriptor, int family);
void close_socket(SocketObject* socket);
bool is_socket(object::Value value);

}  // namespace xipy::modules
