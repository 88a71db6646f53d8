// The micropython module: the VM's own settings and introspection.
#include <cstdint>
#include <new>
#include <string>

#include "gc/heap.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
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

Value micropython_const(object::Runtime&, Arguments arguments) { return arguments[0]; }

Value micropython_opt_level(object::Runtime& runtime, Arguments arguments) {
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

Value micropython_mem_info(object::Runtime& runtime, Arguments) {
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
Value micropython_mem_total(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().bytes_allocated()));
}

Value micropython_mem_current(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().bytes_in_use()));
}

Value micropython_mem_peak(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().peak_bytes_in_use()));
}

// kbd_intr(character): which input character raises KeyboardInterrupt. The host owns the
// terminal, so xipy checks the argument and has nothing to change.
Value micropython_kbd_intr(object::Runtime& runtime, Arguments arguments) {
    return object::to_integer(runtime, arguments[0]) ? Value::none() : Value::empty();
}

Value micropython_qstr_info(object::Runtime& runtime, Arguments) {
    std::string text = "qstr pool: n_qstr=" + std::to_string(runtime.interned().size()) + "\n";
    runtime.write(object::OutputStream::standard_output, text);
    return Value::none();
}

Value micropython_heap_lock(object::Runtime& runtime, Arguments) {
    runtime.heap().lock();
    return Value::none();
}

Value micropython_heap_unlock(object::Runtime& runtime, Arguments) {
    runtime.heap().unlock();
    return Value::from_small_int(runtime.heap().is_locked() ? 1 : 0);
}

// xipy's Python calls do not use the C++ stack, so the call depth is the honest measure.
Value micropython_stack_use(object::Runtime& runtime, Arguments) {
    return Value::from_small_int(runtime.depth());
}

// Queues the call for the next backward jump (a loop's end), as the reference runs it at its
// next pending-events check.
Value micropython_schedule(object::Runtime& runtime, Arguments arguments) {
    if (!object::is_callable(arguments[0])) {
        return runtime.raise_new(&object::type_error_type, "function expected");
    }
    if (!vm::schedule_callback(runtime, arguments[0], arguments[1])) {
        return runtime.raise_new(&object::runtime_error_type, "schedule queue full");
    }
    return Value::none();
}

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

constinit const vm::ModuleDefinition micropython_module{names::micropython,
                                                        micropython_functions,
                                                        {},
                                                        initialise_micropython,
                                                        sizeof(MicropythonState)};

}  // namespace xipy::modules
