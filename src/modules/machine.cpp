// The machine module as MicroPython's unix port has it: PinBase, Signal, time_pulse_us, idle,
// soft_reset and mem8/16/32, whose addresses are confined to this VM's buffers.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "modules/buffer_addresses.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "vm/module_definition.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;

namespace {

extern const object::Type pin_base_type;
extern const object::Type signal_type;

// ---- pins
//
// A pin is anything with a value() method: value() reads it, value(True or False) sets it.
// PinBase is the class Python pins derive from; a Signal wraps another pin and may invert it.
// MicroPython reaches a pin through its type's pin protocol (and crashes on an object without
// one); here any object with value() will do.

// Invariant: `pin` is the wrapped pin, fixed when the signal is made, so a chain of signals
// ends (at a pin that is not a signal) and holds no cycle.
struct SignalObject : object::Object {
    Value pin;
    bool invert;

    SignalObject(const object::Type* type, Value wrapped, bool inverted)
        : Object(type), pin(wrapped), invert(inverted) {}
};

void trace_signal(gc::Cell* cell, gc::Tracer& tracer) {
    auto* signal = static_cast<SignalObject*>(cell);
    if (signal->pin.is_object()) {
        tracer.mark(signal->pin.as_object());
    }
}

SignalObject* as_signal(Value value) {
    Value native = object::native_self(value);
    if (!native.is_object() || object::type_of(native) != &signal_type) {
        return nullptr;
    }
    return static_cast<SignalObject*>(native.as_object());
}

// Follows a chain of signals to the pin under them, gathering their inversions; iterative, as
// a chain may be as long as the heap allows.
std::optional<Value> underlying_pin(Runtime& runtime, Value pin, int& invert) {
    object::NativeWorkMeter meter(runtime);
    while (SignalObject* signal = as_signal(pin)) {
        invert ^= signal->invert ? 1 : 0;
        pin = signal->pin;
        if (!meter.add(1)) {
            return std::nullopt;
        }
    }
    return pin;
}

// The pin's level: its value() as a C int (MicroPython's pin protocol returns one), xor the
// inversions of the signals in between.
std::optional<std::int64_t> pin_read(Runtime& runtime, Value pin) {
    int invert = 0;
    std::optional<Value> target = underlying_pin(runtime, pin, invert);
    if (!target) {
        return std::nullopt;
    }
    Value level = object::call_method(runtime, *target, names::value, {});
    if (level.is_empty()) {
        return std::nullopt;
    }
    std::optional<std::int64_t> number = object::to_integer(runtime, level);
    if (!number) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(*number) ^ invert;
}

// Sets the pin to `level` (0 or 1) through the signals in between: value(False or True).
object::Status pin_write(Runtime& runtime, Value pin, int level) {
    std::optional<Value> target = underlying_pin(runtime, pin, level);
    if (!target) {
        return object::Raised{};
    }
    return object::call_method(runtime, *target, names::value, {Value::boolean(level != 0)}).ok();
}

// PinBase() holds nothing: a Python subclass gives it value().
object::Result<Value> pin_base_make_new(Runtime& runtime, const object::Type*, Arguments) {
    auto* made = runtime.make<object::Object>(0, &pin_base_type);
    return made == nullptr ? Value::empty() : Value::from_object(made);
}

object::Status pin_base_print(Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<PinBase>");
    return object::succeeded();
}

constinit const object::Type pin_base_type{names::PinBase,
                                           &object::object_type,
                                           object::TypeSlots{
                                               .make_new = pin_base_make_new,
                                               .print = pin_base_print,
                                           },
                                           {},
                                           object::type_flag_subclassable};

// Signal(pin, invert=False): exactly one positional argument and at most that keyword, or a
// bare TypeError, as MicroPython's unix port checks them.
object::Result<Value> signal_make_new(Runtime& runtime, const object::Type* type,
                                      Arguments arguments) {
    bool invert = false;
    bool valid = arguments.positional_count == 1 && arguments.keyword_count <= 1;
    if (valid && arguments.keyword_count == 1) {
        Value name = arguments.keyword_name(0);
        valid = name.is_interned_string() && name.as_interned_string() == names::invert;
        if (valid) {
            int truth = object::truth(runtime, arguments.keyword_value(0));
            if (truth < 0) {
                return Value::empty();
            }
            invert = truth != 0;
        }
    }
    if (!valid) {
        return runtime.raise_type(&object::type_error_type);
    }
    auto* made = runtime.make<SignalObject>(0, type, arguments[0], invert);
    return made == nullptr ? Value::empty() : Value::from_object(made);
}

// The signal's level (no argument) or setting it from an argument's truth.
object::Result<Value> signal_value_of(Runtime& runtime, Value self, Arguments arguments) {
    if (arguments.positional_count == 0) {
        std::optional<std::int64_t> level = pin_read(runtime, self);
        return level ? Value::from_small_int(*level) : Value::empty();
    }
    int truth = object::truth(runtime, arguments[0]);
    if (truth < 0 || !pin_write(runtime, self, truth)) {
        return Value::empty();
    }
    return Value::none();
}

// Calling a signal reads or sets it, as value() does.
object::Result<Value> signal_call(Runtime& runtime, Value self, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&object::type_error_type,
                                 "function doesn't take keyword arguments");
    }
    if (arguments.positional_count > 1) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 1 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    return signal_value_of(runtime, self, arguments);
}

object::Result<Value> signal_value(Runtime& runtime, Arguments arguments) {
    return signal_value_of(runtime, arguments[0], arguments.without_first());
}

template <int Level>
object::Result<Value> signal_set(Runtime& runtime, Arguments arguments) {
    if (!pin_write(runtime, arguments[0], Level)) {
        return Value::empty();
    }
    return Value::none();
}

object::Status signal_print(Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<Signal>");
    return object::succeeded();
}

constexpr NativeFunction signal_methods[] = {
    {names::value, NativeKind::method, 1, 2, signal_value},
    {names::on, NativeKind::method, 1, 1, signal_set<1>},
    {names::off, NativeKind::method, 1, 1, signal_set<0>},
};

constexpr object::Attribute signal_attributes[] = {
    {names::value, &signal_methods[0]},
    {names::on, &signal_methods[1]},
    {names::off, &signal_methods[2]},
};

constinit const object::Type signal_type{names::Signal,
                                         &object::object_type,
                                         object::TypeSlots{
                                             .make_new = signal_make_new,
                                             .call = signal_call,
                                             .print = signal_print,
                                         },
                                         signal_attributes,
                                         object::type_flag_subclassable,
                                         trace_signal};

// ---- time_pulse_us

constexpr std::int32_t permission_error_number = 1;  // EPERM: the host granted no clock

// time_pulse_us(pin, level, timeout_us=1000000): waits for the pin to reach `level`, then
// times how long it stays there, in microseconds; -2 when it never got there within the
// timeout, -1 when the pulse outlasted it. The pin is polled through value(), whose Python code
// counts against the step budget like any other.
object::Result<Value> machine_time_pulse_us(Runtime& runtime, Arguments arguments) {
    int truth = object::truth(runtime, arguments[1]);
    if (truth < 0) {
        return Value::empty();
    }
    std::uint64_t timeout = 1000000;
    if (arguments.positional_count > 2) {
        std::optional<std::int64_t> given = object::to_integer(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        // MicroPython holds it in an unsigned machine word.
        timeout = static_cast<std::uint64_t>(*given);
    }
    if (!vm::host_services(runtime).clock) {
        return object::raise_os_error(runtime, permission_error_number);
    }
    using Clock = std::chrono::steady_clock;
    auto microseconds_since = [](Clock::time_point start) {
        return static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
    };
    const std::int64_t level = truth;
    object::NativeWorkMeter meter(runtime);
    for (int phase = 0; phase < 2; ++phase) {
        // Phase 0 waits while the pin is not at the level, phase 1 while it is.
        const Clock::time_point start = Clock::now();
        for (;;) {
            std::optional<std::int64_t> read = pin_read(runtime, arguments[0]);
            if (!read) {
                return Value::empty();
            }
            if ((*read == level) == (phase == 1)) {
                if (microseconds_since(start) >= timeout) {
                    return Value::from_small_int(phase == 0 ? -2 : -1);
                }
            } else if (phase == 0) {
                break;
            } else {
                return object::make_int(runtime,
                                        static_cast<std::int64_t>(microseconds_since(start)));
            }
            if (!meter.add(1)) {
                return Value::empty();
            }
        }
    }
    return Value::none();
}

// ---- mem8, mem16, mem32

// Invariant: `width` is 1, 2 or 4, the bytes one item covers.
struct MemoryObject : object::Object {
    std::uint8_t width;

    constexpr MemoryObject(const object::Type* type, std::uint8_t bytes)
        : Object(type, gc::Cell::flag_static), width(bytes) {}
};

// The address an index names, checked for alignment first as MicroPython checks it; then the
// buffer of this VM holding it (ValueError when none does, where MicroPython would touch
// whatever lies there).
std::optional<std::uint8_t*> item_address(Runtime& runtime, Value self, Value index, bool write) {
    const unsigned width = static_cast<const MemoryObject*>(self.as_object())->width;
    std::optional<std::uint64_t> bits = truncated(runtime, index);
    if (!bits) {
        return std::nullopt;
    }
    auto address = static_cast<std::uintptr_t>(*bits);
    if ((address & (width - 1)) != 0) {
        // MicroPython formats the address as a C unsigned int: its low 32 bits.
        char text[64];
        std::snprintf(text, sizeof text, "address %08x is not aligned to %u bytes",
                      static_cast<unsigned>(address & 0xffffffffu), width);
        runtime.raise_new(&object::value_error_type, text);
        return std::nullopt;
    }
    std::optional<Location> location = locate(runtime, address, width);
    if (!location) {
        if (!runtime.has_exception()) {
            runtime.raise_new(&object::value_error_type, outside_text);
        }
        return std::nullopt;
    }
    std::optional<Memory> memory = memory_of(runtime, location->base);
    if (!memory || location->offset + width > memory->size) {
        runtime.raise_new(&object::value_error_type, outside_text);
        return std::nullopt;
    }
    if (write && !memory->writable) {
        runtime.raise_new(&object::value_error_type, "memory at address is read-only");
        return std::nullopt;
    }
    return memory->data + location->offset;
}

// An item in the host's byte order, as MicroPython reads it through a pointer.
object::Result<Value> memory_load(Runtime& runtime, Value self, Value index) {
    std::optional<std::uint8_t*> address = item_address(runtime, self, index, false);
    if (!address) {
        return Value::empty();
    }
    const unsigned width = static_cast<const MemoryObject*>(self.as_object())->width;
    std::uint32_t item = 0;
    if (width == 1) {
        item = **address;
    } else if (width == 2) {
        std::uint16_t half = 0;
        std::memcpy(&half, *address, 2);
        item = half;
    } else {
        std::memcpy(&item, *address, 4);
    }
    return object::make_int(runtime, static_cast<std::int64_t>(item));
}

object::Status memory_store(Runtime& runtime, Value self, Value index, Value value) {
    if (value.is_empty()) {
        return runtime.raise_new(&object::type_error_type,
                                 "'mem' object doesn't support item deletion");
    }
    // The address first, as MicroPython converts it before the value; the value may run no
    // Python code (it is an int or fails), so the address stays valid.
    std::optional<std::uint8_t*> address = item_address(runtime, self, index, true);
    if (!address) {
        return object::Raised{};
    }
    std::optional<std::uint64_t> bits = truncated(runtime, value);
    if (!bits) {
        return object::Raised{};
    }
    const unsigned width = static_cast<const MemoryObject*>(self.as_object())->width;
    const auto item = static_cast<std::uint32_t>(*bits);
    if (width == 1) {
        **address = static_cast<std::uint8_t>(item);
    } else if (width == 2) {
        const auto half = static_cast<std::uint16_t>(item);
        std::memcpy(*address, &half, 2);
    } else {
        std::memcpy(*address, &item, 4);
    }
    return object::succeeded();
}

object::Status memory_print(Runtime&, Value self, object::Printer& printer, object::PrintKind) {
    const unsigned width = static_cast<const MemoryObject*>(self.as_object())->width;
    printer.write(width == 1   ? "<8-bit memory>"
                  : width == 2 ? "<16-bit memory>"
                               : "<32-bit memory>");
    return object::succeeded();
}

constinit const object::Type memory_type{names::mem,
                                         &object::object_type,
                                         object::TypeSlots{
                                             .print = memory_print,
                                             .load_subscript = memory_load,
                                             .store_subscript = memory_store,
                                         },
                                         {}};

constinit const MemoryObject memory_8{&memory_type, 1};
constinit const MemoryObject memory_16{&memory_type, 2};
constinit const MemoryObject memory_32{&memory_type, 4};

// ---- the module

// idle() waits for an interrupt on a board; there is none to wait for here.
object::Result<Value> machine_idle(Runtime&, Arguments) { return Value::none(); }

// soft_reset() ends the program as the unix port does: SystemExit.
object::Result<Value> machine_soft_reset(Runtime& runtime, Arguments) {
    return runtime.raise_type(&object::system_exit_type);
}

constexpr NativeFunction machine_functions[] = {
    {names::idle, NativeKind::function, 0, 0, machine_idle},
    {names::soft_reset, NativeKind::function, 0, 0, machine_soft_reset},
    {names::time_pulse_us, NativeKind::function, 2, 3, machine_time_pulse_us},
};

constexpr object::Attribute machine_objects[] = {
    {names::PinBase, &pin_base_type}, {names::Signal, &signal_type}, {names::mem8, &memory_8},
    {names::mem16, &memory_16},       {names::mem32, &memory_32},
};

}  // namespace

constinit const vm::ModuleDefinition machine_module{.name = names::machine,
                                                    .functions = machine_functions,
                                                    .objects = machine_objects,
                                                    .extensible = true,
                                                    .u_alias = true};

}  // namespace xipy::modules
