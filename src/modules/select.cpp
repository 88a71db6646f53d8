// The select module: poll(), waiting for sockets and streams to be ready, as MicroPython 1.29's
// unix port has it.
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "modules/descriptor_wait.hpp"
#include "modules/module_constants.hpp"
#include "modules/names.hpp"
#include "modules/socket_object.hpp"
#include "modules/standard_modules.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/roots.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;

namespace {

extern const object::Type poll_type;

// The event bits, which MicroPython numbers as Linux does.
constexpr std::int64_t readable = POLLIN;
constexpr std::int64_t writable = POLLOUT;
constexpr std::int64_t always_reported = POLLERR | POLLHUP | POLLNVAL;
constexpr std::int64_t poll_request = 3;  // a stream's ioctl asking for its ready events
constexpr std::int64_t one_shot = 1;      // ipoll's flag: an object reported stops being polled
constexpr std::int64_t event_bits = 0xFFFF;
constexpr std::int64_t closed_when_registered = 0x10000;

// Invariants: `entries` is a list of pairs laid flat (object, event mask as a small int), each
// object once (by identity); a socket that was closed when registered carries
// `closed_when_registered` in its mask and is never reported, as MicroPython's unix port
// polls the descriptor it had then (-1, which poll() skips); `results` is the list ipoll() hands
// out through __next__, and `next` the index of the next one.
struct PollObject : object::Object {
    Value entries;
    Value results = Value::none();
    std::uint32_t next = 0;

    explicit PollObject(Value list) : Object(&poll_type), entries(list) {}
};

void trace_poll(gc::Cell* cell, gc::Tracer& tracer) {
    auto* self = static_cast<PollObject*>(cell);
    for (Value value : {self->entries, self->results}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

PollObject* self_of(Arguments arguments) {
    return static_cast<PollObject*>(arguments[0].as_object());
}

object::ListObject* entries_of(PollObject* self) { return object::as_list(self->entries); }

// The index of `target`'s object in the entries, or -1.
std::int64_t find_entry(PollObject* self, Value target) {
    std::span<const Value> items = object::sequence_items(self->entries);
    for (std::size_t index = 0; index + 1 < items.size(); index += 2) {
        if (items[index] == target) {
            return static_cast<std::int64_t>(index);
        }
    }
    return -1;
}

// How an object is polled: a socket through its host descriptor; a stream written in Python
// through its ioctl(3, events), as MicroPython polls it; any other stream with a fileno()
// (sys.stdin, sys.stdout, an open file) is ready at once, as a regular file is. Anything
// else (an int, which the unix port takes as a host descriptor, included) cannot be polled
// from inside a VM.
enum class Kind { socket, python_stream, always_ready };

std::optional<Kind> kind_of(Runtime& runtime, Value target) {
    if (is_socket(target)) {
        return Kind::socket;
    }
    if (target.is_object() && !object::is_int(target)) {
        if (!object::find_attribute(runtime, target, names::ioctl).is_empty()) {
            return Kind::python_stream;
        }
        runtime.clear_exception();
        if (!object::find_attribute(runtime, target, names::fileno).is_empty()) {
            return Kind::always_ready;
        }
        runtime.clear_exception();
    }
    runtime.raise_new(&object::os_error_type, "stream operation not supported");
    return std::nullopt;
}

std::optional<std::int64_t> mask_argument(Runtime& runtime, Arguments arguments,
                                          std::uint32_t index, std::int64_t otherwise) {
    if (arguments.positional_count <= index) {
        return otherwise;
    }
    return object::to_integer(runtime, arguments[index]);
}

// register(object[, events]): polled for `events` (default POLLIN | POLLOUT) from now on;
// registering it again only changes the events.
object::Result<Value> poll_register(Runtime& runtime, Arguments arguments) {
    PollObject* self = self_of(arguments);
    std::optional<std::int64_t> mask = mask_argument(runtime, arguments, 2, readable | writable);
    if (!mask || !kind_of(runtime, arguments[1])) {
        return Value::empty();
    }
    std::int64_t entry = *mask & event_bits;
    if (is_socket(arguments[1]) &&
        static_cast<SocketObject*>(arguments[1].as_object())->descriptor < 0) {
        entry |= closed_when_registered;
    }
    const std::int64_t found = find_entry(self, arguments[1]);
    if (found >= 0) {
        entries_of(self)->items()[found + 1] = Value::from_small_int(entry);
        return Value::none();
    }
    if (!object::list_append(runtime, self->entries, arguments[1]) ||
        !object::list_append(runtime, self->entries, Value::from_small_int(entry))) {
        return Value::empty();
    }
    return Value::none();
}

// Takes the pair at `index` out of the entries.
void remove_entry(PollObject* self, std::int64_t index) {
    object::ListObject* list = entries_of(self);
    Value* items = list->items();
    const std::uint32_t length = list->length;
    std::copy(items + index + 2, items + length, items + index);
    list->length = length - 2;
}

// unregister(object): a missing object is no error, as in MicroPython.
object::Result<Value> poll_unregister(Runtime&, Arguments arguments) {
    PollObject* self = self_of(arguments);
    const std::int64_t found = find_entry(self, arguments[1]);
    if (found >= 0) {
        remove_entry(self, found);
    }
    return Value::none();
}

// modify(object, events): ENOENT for an object not registered.
object::Result<Value> poll_modify(Runtime& runtime, Arguments arguments) {
    PollObject* self = self_of(arguments);
    std::optional<std::int64_t> mask = object::to_integer(runtime, arguments[2]);
    if (!mask) {
        return Value::empty();
    }
    const std::int64_t found = find_entry(self, arguments[1]);
    if (found < 0) {
        return object::raise_os_error(runtime, object::error_no_entry);
    }
    Value& entry = entries_of(self)->items()[found + 1];
    entry = Value::from_small_int((*mask & event_bits) |
                                  (entry.as_small_int() & closed_when_registered));
    return Value::none();
}

// The timeout argument at `index` in milliseconds: None, absent or negative wait for good (-1).
std::optional<std::int64_t> timeout_argument(Runtime& runtime, Arguments arguments,
                                             std::uint32_t index) {
    if (arguments.positional_count <= index || arguments[index].is_none()) {
        return -1;
    }
    std::optional<std::int64_t> timeout = object::to_integer(runtime, arguments[index]);
    if (timeout && *timeout < 0) {
        return -1;
    }
    return timeout;
}

// One object's events as reported: what it asked for, and errors always.
std::int64_t reported(std::int64_t events, std::int64_t mask) {
    return events & (mask | always_reported);
}

// Waits until a registered object is ready or `timeout_ms` passes; the list of
// (object, events) of the ready ones, empty when the time ran out. A stream written in Python
// is asked again every millisecond, since nothing wakes the wait when it becomes ready.
object::Result<Value> poll_ready(Runtime& runtime, PollObject* self, std::int64_t timeout_ms) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    object::LoopRoots roots(runtime);
    for (;;) {
        roots.next_round();
        // A copy, since a stream's ioctl may change the registrations.
        Value snapshot = object::make_list(runtime, object::sequence_items(self->entries));
        if (snapshot.is_empty()) {
            return Value::empty();
        }
        std::span<const Value> items = object::sequence_items(snapshot);
        const std::size_t count = items.size() / 2;
        support::ScratchVector<std::int64_t> events(count, 0);
        support::ScratchVector<pollfd> descriptors;
        support::ScratchVector<std::size_t> owners;
        bool ready = false;
        bool python_streams = false;
        for (std::size_t index = 0; index < count; ++index) {
            const Value target = items[2 * index];
            const std::int64_t entry = items[2 * index + 1].as_small_int();
            const std::int64_t mask = entry & event_bits;
            if (mask == 0 || (entry & closed_when_registered) != 0) {
                continue;  // one-shot and already reported, or never polled
            }
            std::optional<Kind> kind = kind_of(runtime, target);
            if (!kind) {
                return Value::empty();
            }
            if (*kind == Kind::socket) {
                const int descriptor = static_cast<SocketObject*>(target.as_object())->descriptor;
                if (descriptor < 0) {
                    events[index] = POLLNVAL;
                    ready = true;
                } else {
                    descriptors.push_back({descriptor, static_cast<short>(mask), 0});
                    owners.push_back(index);
                }
            } else if (*kind == Kind::python_stream) {
                python_streams = true;
                Value answer = object::call_method(
                    runtime, target, names::ioctl,
                    {Value::from_small_int(poll_request), Value::from_small_int(mask)});
                if (answer.is_empty()) {
                    return Value::empty();
                }
                std::optional<std::int64_t> bits = object::to_integer(runtime, answer);
                if (!bits) {
                    return Value::empty();
                }
                if (*bits < 0) {
                    // A stream's ioctl reports its failure as a negative errno.
                    return object::raise_os_error(runtime, -*bits);
                }
                events[index] = reported(*bits, mask);
                ready = ready || events[index] != 0;
            } else {
                events[index] = mask & (readable | writable);
                ready = ready || events[index] != 0;
            }
        }
        std::int64_t wait = timeout_ms;
        if (timeout_ms >= 0) {
            const auto elapsed =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            wait = std::max<std::int64_t>(timeout_ms - elapsed, 0);
        }
        if (ready) {
            wait = 0;
        } else if (python_streams) {
            wait = wait < 0 ? 1 : std::min<std::int64_t>(wait, 1);
        }
        std::optional<int> woken = wait_for_descriptors(runtime, descriptors, wait);
        if (!woken) {
            return Value::empty();
        }
        for (std::size_t slot = 0; slot < descriptors.size(); ++slot) {
            const std::size_t index = owners[slot];
            events[index] = reported(descriptors[slot].revents,
                                     items[2 * index + 1].as_small_int() & event_bits);
            ready = ready || events[index] != 0;
        }
        const bool expired =
            timeout_ms >= 0 && Clock::now() - start >= std::chrono::milliseconds(timeout_ms);
        if (!ready && !expired) {
            continue;
        }
        Value list = object::make_list(runtime, {});
        if (list.is_empty()) {
            return Value::empty();
        }
        for (std::size_t index = 0; index < count; ++index) {
            if (events[index] == 0) {
                continue;
            }
            const Value pair[] = {items[2 * index], Value::from_small_int(events[index])};
            Value tuple = object::new_tuple(runtime, pair);
            if (tuple.is_empty() || !object::list_append(runtime, list, tuple)) {
                return Value::empty();
            }
        }
        return list;
    }
}

// poll([timeout_ms]) -> [(object, events), ...]
object::Result<Value> poll_poll(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> timeout = timeout_argument(runtime, arguments, 1);
    if (!timeout) {
        return Value::empty();
    }
    return poll_ready(runtime, self_of(arguments), *timeout);
}

// ipoll([timeout_ms[, flags]]): the poll object itself, iterating over the (object, events)
// that were ready; with flags 1, each object reported is polled no more until modify().
object::Result<Value> poll_ipoll(Runtime& runtime, Arguments arguments) {
    PollObject* self = self_of(arguments);
    std::optional<std::int64_t> timeout = timeout_argument(runtime, arguments, 1);
    std::optional<std::int64_t> flags =
        timeout ? mask_argument(runtime, arguments, 2, 0) : std::nullopt;
    if (!flags) {
        return Value::empty();
    }
    Value results = poll_ready(runtime, self, *timeout);
    if (results.is_empty()) {
        return Value::empty();
    }
    if (*flags & one_shot) {
        for (Value pair : object::sequence_items(results)) {
            const std::int64_t found = find_entry(self, object::as_tuple(pair)->items()[0]);
            if (found >= 0) {
                Value& entry = entries_of(self)->items()[found + 1];
                entry = Value::from_small_int(entry.as_small_int() & closed_when_registered);
            }
        }
    }
    self->results = results;
    self->next = 0;
    return arguments[0];
}

object::Result<Value> poll_next(Runtime&, Value self_value) {
    auto* self = static_cast<PollObject*>(self_value.as_object());
    std::span<const Value> results =
        self->results.is_none() ? std::span<const Value>{} : object::sequence_items(self->results);
    if (self->next >= results.size()) {
        self->results = Value::none();
        return Value::stop_iteration();
    }
    return results[self->next++];
}

object::Result<Value> poll_next_method(Runtime& runtime, Arguments arguments) {
    Value item = poll_next(runtime, arguments[0]);
    if (item.is_stop_iteration()) {
        return runtime.raise_type(&object::stop_iteration_type);
    }
    return item;
}

object::Status poll_print(Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<poll>");
    return object::succeeded();
}

using Kinds = NativeKind;

constexpr NativeFunction poll_methods[] = {
    {names::dunder_next, Kinds::method, 1, 1, poll_next_method},
    {names::ipoll, Kinds::method, 1, 3, poll_ipoll},
    {names::modify, Kinds::method, 3, 3, poll_modify},
    {names::poll, Kinds::method, 1, 2, poll_poll},
    {names::register_, Kinds::method, 2, 3, poll_register},
    {names::unregister, Kinds::method, 2, 2, poll_unregister},
};

constexpr object::Attribute poll_attributes[] = {
    {names::dunder_next, &poll_methods[0]}, {names::ipoll, &poll_methods[1]},
    {names::modify, &poll_methods[2]},      {names::poll, &poll_methods[3]},
    {names::register_, &poll_methods[4]},   {names::unregister, &poll_methods[5]},
};

constinit const object::Type poll_type{
    names::poll,
    &object::object_type,
    object::TypeSlots{
        .print = poll_print, .get_iterator = object::iterator_self, .iterate_next = poll_next},
    poll_attributes,
    0,
    trace_poll};

// select.poll()
object::Result<Value> select_poll(Runtime& runtime, Arguments) {
    Value entries = object::make_list(runtime, {});
    if (entries.is_empty()) {
        return Value::empty();
    }
    auto* made = runtime.make<PollObject>(0, entries);
    if (made == nullptr) {
        return Value::empty();
    }
    return Value::from_object(made);
}

constexpr NativeFunction select_functions[] = {
    {names::poll, Kinds::function, 0, 0, select_poll},
};

constexpr object::Attribute select_objects[] = {{names::poll, &select_functions[0]}};

bool initialise_select(Runtime& runtime, Value globals, void*) {
    constexpr IntegerConstant constants[] = {
        {names::pollin_constant, POLLIN},
        {names::pollout_constant, POLLOUT},
        {names::pollerr_constant, POLLERR},
        {names::pollhup_constant, POLLHUP},
    };
    return store_integer_constants(runtime, globals, constants);
}

}  // namespace

constinit const vm::ModuleDefinition select_module{.name = names::select,
                                                   .objects = select_objects,
                                                   .initialise = initialise_select,
                                                   .extensible = true,
                                                   .u_alias = true};

}  // namespace xipy::modules
