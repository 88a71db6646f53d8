// The micropython module: the VM's own settings and introspection.
#include <algorithm>
#include <cstdint>
#include <new>
#include <optional>
#include <string>

#include "gc/heap.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// Per VM: opt_level() reads back what it was set to. (gc.enable() and gc.threshold() are the
// heap's own settings: see gc::Heap.)
struct MicropythonState {
    std::int64_t optimisation_level = 0;
};

bool initialise_micropython(object::Runtime&, Value, void* state) {
    new (state) MicropythonState();
    return true;
}

object::Result<Value> micropython_const(object::Runtime&, Arguments arguments) {
    return arguments[0];
}

object::Result<Value> micropython_opt_level(object::Runtime& runtime, Arguments arguments) {
    MicropythonState& state = vm::module_state<MicropythonState>(runtime, micropython_module);
    if (arguments.positional_count == 0) {
        return object::make_int(runtime, state.optimisation_level);
    }
    auto level = object::to_integer(runtime, arguments[0]);
    if (!level) {
        return Value::empty();
    }
    state.optimisation_level = *level;
    return Value::none();
}

object::Result<Value> micropython_mem_info(object::Runtime& runtime, Arguments) {
    gc::Heap& heap = runtime.heap();
    std::size_t used = heap.bytes_in_use();
    std::string text = "stack: " + std::to_string(runtime.depth()) + " out of " +
                       std::to_string(runtime.config().max_depth) +
                       "\nGC: total: " + std::to_string(heap.limit_bytes()) +
                       ", used: " + std::to_string(used) +
                       ", free: " + std::to_string(heap.limit_bytes() - used) + "\n";
    runtime.write(object::OutputStream::standard_output, text);
    return Value::none();
}

// mem_total(), mem_current(), mem_peak(): the heap's bytes ever allocated, in use now, and
// the most ever in use.
object::Result<Value> micropython_mem_total(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().bytes_allocated()));
}

object::Result<Value> micropython_mem_current(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().bytes_in_use()));
}

object::Result<Value> micropython_mem_peak(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().peak_bytes_in_use()));
}

// kbd_intr(character): which input character raises KeyboardInterrupt. The host owns the
// terminal, so xipy checks the argument and has nothing to change.
object::Result<Value> micropython_kbd_intr(object::Runtime& runtime, Arguments arguments) {
    return object::to_integer(runtime, arguments[0]) ? Value::none() : Value::empty();
}

object::Result<Value> micropython_qstr_info(object::Runtime& runtime, Arguments) {
    std::string text = "qstr pool: n_qstr=" + std::to_string(runtime.interned().size()) + "\n";
    runtime.write(object::OutputStream::standard_output, text);
    return Value::none();
}

object::Result<Value> micropython_heap_lock(object::Runtime& runtime, Arguments) {
    runtime.heap().lock();
    return Value::none();
}

object::Result<Value> micropython_heap_unlock(object::Runtime& runtime, Arguments) {
    runtime.heap().unlock();
    return Value::from_small_int(runtime.heap().is_locked() ? 1 : 0);
}

// xipy's Python calls do not use the C++ stack, so the call depth is the honest measure.
object::Result<Value> micropython_stack_use(object::Runtime& runtime, Arguments) {
    return Value::from_small_int(runtime.depth());
}

// Queues the call for the next backward jump (a loop's end), as the reference runs it at its
// next pending-events check.
object::Result<Value> micropython_schedule(object::Runtime& runtime, Arguments arguments) {
    if (!object::is_callable(arguments[0])) {
        return runtime.raise_new(&object::type_error_type, "function expected");
    }
    if (!vm::schedule_callback(runtime, arguments[0], arguments[1])) {
        return runtime.raise_new(&object::runtime_error_type, "schedule queue full");
    }
    return Value::none();
}

// ---- RingIO: a byte ring over a bytearray (its own, or one the caller gives), so producers
// and consumers can share it without allocating.

extern const object::Type ring_io_type;

// Invariants: `buffer` has the buffer protocol and was at least `slots` bytes when made;
// `head` (next write) and `tail` (next read) are below `slots`; the ring holds
// (head - tail) mod slots bytes, so one slot always stays free and capacity is slots - 1.
struct RingObject : object::Object {
    Value buffer;
    std::uint32_t slots;
    std::uint32_t head = 0;
    std::uint32_t tail = 0;

    RingObject(Value storage, std::uint32_t size)
        : Object(&ring_io_type), buffer(storage), slots(size) {}
    std::uint32_t used() const { return (head + slots - tail) % slots; }
};

void trace_ring(gc::Cell* cell, gc::Tracer& tracer) {
    Value buffer = static_cast<RingObject*>(cell)->buffer;
    if (buffer.is_object()) {
        tracer.mark(buffer.as_object());
    }
}

RingObject* self_ring(Arguments arguments) {
    return static_cast<RingObject*>(arguments[0].as_object());
}

// The ring's bytes; nothing with an exception pending if the buffer went away or shrank.
std::uint8_t* ring_bytes(object::Runtime& runtime, RingObject* ring) {
    auto view = object::require_buffer(runtime, ring->buffer);
    if (!view) {
        return nullptr;
    }
    if (view->size < ring->slots) {
        runtime.raise_new(&object::value_error_type, "buffer too small");
        return nullptr;
    }
    return view->data;
}

// RingIO(size) or RingIO(buffer): a size of 1..65534 bytes, or a writable buffer of
// 2..65535 bytes whose last byte is the ring's spare slot.
object::Result<Value> ring_make_new(object::Runtime& runtime, const object::Type*,
                                    Arguments arguments) {
    if (arguments.positional_count != 1) {
        return runtime.raise_new(&object::type_error_type, "function takes 1 positional arguments");
    }
    Value given = arguments[0];
    auto view = object::is_int(given) ? std::nullopt : object::get_buffer(given);
    Value storage = given;
    std::uint64_t slots = 0;
    if (view && view->writable) {
        slots = view->size;
        if (slots < 2 || slots > 65535) {
            return runtime.raise_type(&object::value_error_type);
        }
    } else {
        auto size = object::to_integer(runtime, given);
        if (!size) {
            return Value::empty();
        }
        if (*size < 1 || *size > 65534) {
            return runtime.raise_type(&object::value_error_type);
        }
        slots = static_cast<std::uint64_t>(*size) + 1;
        storage = object::make_bytearray(runtime, std::string(slots, '\0'));
        if (storage.is_empty()) {
            return Value::empty();
        }
    }
    auto* ring = runtime.make<RingObject>(0, storage, static_cast<std::uint32_t>(slots));
    return ring == nullptr ? Value::empty() : Value::from_object(ring);
}

object::Status ring_print(object::Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<RingIO>");
    return object::succeeded();
}

// Takes up to `limit` bytes (negative: all), stopping after a newline when `line` is set.
std::optional<std::string> ring_take(object::Runtime& runtime, RingObject* ring, std::int64_t limit,
                                     bool line) {
    std::uint8_t* bytes = ring_bytes(runtime, ring);
    if (bytes == nullptr) {
        return std::nullopt;
    }
    std::string taken;
    while (ring->tail != ring->head &&
           (limit < 0 || static_cast<std::int64_t>(taken.size()) < limit)) {
        char byte = static_cast<char>(bytes[ring->tail]);
        ring->tail = (ring->tail + 1) % ring->slots;
        taken.push_back(byte);
        if (line && byte == '\n') {
            break;
        }
    }
    return taken;
}

// The optional size argument: absent, None or negative means everything.
std::optional<std::int64_t> ring_limit(object::Runtime& runtime, Arguments arguments,
                                       std::uint32_t index) {
    if (arguments.positional_count <= index || arguments[index].is_none()) {
        return -1;
    }
    return object::to_integer(runtime, arguments[index]);
}

template <bool Line>
object::Result<Value> ring_read(object::Runtime& runtime, Arguments arguments) {
    auto limit = ring_limit(runtime, arguments, 1);
    if (!limit) {
        return Value::empty();
    }
    auto taken = ring_take(runtime, self_ring(arguments), *limit, Line);
    return taken ? object::make_bytes(runtime, *taken) : object::Raised{};
}

object::Result<Value> ring_readinto(object::Runtime& runtime, Arguments arguments) {
    auto target = object::require_buffer(runtime, arguments[1]);
    if (!target) {
        return Value::empty();
    }
    if (!target->writable) {
        return runtime.raise_new(&object::type_error_type, "object with buffer protocol required");
    }
    auto limit = ring_limit(runtime, arguments, 2);
    if (!limit) {
        return Value::empty();
    }
    std::int64_t room = static_cast<std::int64_t>(target->size);
    auto taken =
        ring_take(runtime, self_ring(arguments), *limit < 0 ? room : std::min(room, *limit), false);
    if (!taken) {
        return Value::empty();
    }
    std::copy(taken->begin(), taken->end(), target->data);
    return Value::from_small_int(static_cast<std::int64_t>(taken->size()));
}

object::Result<Value> ring_write(object::Runtime& runtime, Arguments arguments) {
    RingObject* ring = self_ring(arguments);
    auto source = object::require_buffer(runtime, arguments[1]);
    if (!source) {
        return Value::empty();
    }
    std::string data(source->bytes());
    std::uint8_t* bytes = ring_bytes(runtime, ring);
    if (bytes == nullptr) {
        return Value::empty();
    }
    std::size_t written = 0;
    for (; written < data.size() && (ring->head + 1) % ring->slots != ring->tail; ++written) {
        bytes[ring->head] = static_cast<std::uint8_t>(data[written]);
        ring->head = (ring->head + 1) % ring->slots;
    }
    return Value::from_small_int(static_cast<std::int64_t>(written));
}

object::Result<Value> ring_any(object::Runtime&, Arguments arguments) {
    return Value::from_small_int(self_ring(arguments)->used());
}

object::Result<Value> ring_close(object::Runtime&, Arguments) { return Value::none(); }

constexpr NativeFunction ring_functions[] = {
    {names::any, NativeKind::method, 1, 1, ring_any},
    {names::read, NativeKind::method, 1, 2, ring_read<false>},
    {names::readline, NativeKind::method, 1, 2, ring_read<true>},
    {names::readinto, NativeKind::method, 2, 3, ring_readinto},
    {names::write, NativeKind::method, 2, 2, ring_write},
    {names::close, NativeKind::method, 1, 1, ring_close},
};

constexpr object::Attribute ring_attributes[] = {
    {names::any, &ring_functions[0]},      {names::read, &ring_functions[1]},
    {names::readline, &ring_functions[2]}, {names::readinto, &ring_functions[3]},
    {names::write, &ring_functions[4]},    {names::close, &ring_functions[5]},
};

constinit const object::Type ring_io_type{names::RingIO,
                                          &object::object_type,
                                          object::TypeSlots{
                                              .make_new = ring_make_new,
                                              .print = ring_print,
                                          },
                                          ring_attributes,
                                          0,
                                          trace_ring};

constexpr object::Attribute micropython_types[] = {
    {names::RingIO, &ring_io_type},
};

constexpr NativeFunction micropython_functions[] = {
    {names::const_, NativeKind::function, 1, 1, micropython_const},
    {names::opt_level, NativeKind::function, 0, 1, micropython_opt_level},
    {names::mem_info, NativeKind::function, 0, 1, micropython_mem_info},
    {names::qstr_info, NativeKind::function, 0, 1, micropython_qstr_info},
    {names::heap_lock, NativeKind::function, 0, 0, micropython_heap_lock},
    {names::heap_unlock, NativeKind::function, 0, 0, micropython_heap_unlock},
    {names::stack_use, NativeKind::function, 0, 0, micropython_stack_use},
    {names::schedule, NativeKind::function, 2, 2, micropython_schedule},
    {names::kbd_intr, NativeKind::function, 1, 1, micropython_kbd_intr},
    {names::mem_total, NativeKind::function, 0, 0, micropython_mem_total},
    {names::mem_current, NativeKind::function, 0, 0, micropython_mem_current},
    {names::mem_peak, NativeKind::function, 0, 0, micropython_mem_peak},
};

}  // namespace

constinit const vm::ModuleDefinition micropython_module{names::micropython, micropython_functions,
                                                        micropython_types, initialise_micropython,
                                                        sizeof(MicropythonState)};

unsigned optimisation_level(object::Runtime& runtime) {
    const void* state = vm::module_state(runtime, micropython_module);
    if (state == nullptr) {
        return 0;  // micropython never imported: the default level
    }
    const std::int64_t level = static_cast<const MicropythonState*>(state)->optimisation_level;
    return level < 0 ? 0 : level > 3 ? 3 : static_cast<unsigned>(level);
}

}  // namespace xipy::modules
