// The gc module: the VM's heap, collected and limited per VM.
#include "gc/heap.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/int_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

object::Result<Value> gc_collect(object::Runtime& runtime, Arguments) {
    runtime.heap().collect();
    return Value::none();
}

object::Result<Value> gc_enable(object::Runtime& runtime, Arguments) {
    runtime.heap().set_automatic_collection(true);
    return Value::none();
}

object::Result<Value> gc_disable(object::Runtime& runtime, Arguments) {
    runtime.heap().set_automatic_collection(false);
    return Value::none();
}

object::Result<Value> gc_isenabled(object::Runtime& runtime, Arguments) {
    return Value::boolean(runtime.heap().automatic_collection());
}

object::Result<Value> gc_mem_alloc(object::Runtime& runtime, Arguments) {
    return object::make_int(runtime, static_cast<std::int64_t>(runtime.heap().bytes_in_use()));
}

object::Result<Value> gc_mem_free(object::Runtime& runtime, Arguments) {
    gc::Heap& heap = runtime.heap();
    return object::make_int(runtime,
                            static_cast<std::int64_t>(heap.limit_bytes() - heap.bytes_in_use()));
}

// MicroPython counts the threshold in 16-byte blocks (on 32-bit builds) and reports what
// it kept, so a set value reads back rounded down.
constexpr std::int64_t threshold_granule = 16;

// gc.threshold() reads -1 while no threshold is set.
object::Result<Value> gc_threshold(object::Runtime& runtime, Arguments arguments) {
    gc::Heap& heap = runtime.heap();
    if (arguments.positional_count == 0) {
        std::size_t threshold = heap.threshold();
        return object::make_int(runtime, threshold == gc::Heap::no_threshold
                                             ? -1
                                             : static_cast<std::int64_t>(threshold));
    }
    auto threshold = object::to_integer(runtime, arguments[0]);
    if (!threshold) {
        return Value::empty();
    }
    if (*threshold < 0) {
        heap.set_threshold(gc::Heap::no_threshold);
        return Value::none();
    }
    // Past the address space it could never be reached: the same as none.
    std::int64_t rounded = *threshold / threshold_granule * threshold_granule;
    heap.set_threshold(static_cast<std::uint64_t>(rounded) >= SIZE_MAX
                           ? gc::Heap::no_threshold
                           : static_cast<std::size_t>(rounded));
    return Value::none();
}

constexpr NativeFunction gc_functions[] = {
    {names::collect, NativeKind::function, 0, 0, gc_collect},
    {names::enable, NativeKind::function, 0, 0, gc_enable},
    {names::disable, NativeKind::function, 0, 0, gc_disable},
    {names::isenabled, NativeKind::function, 0, 0, gc_isenabled},
    {names::mem_alloc, NativeKind::function, 0, 0, gc_mem_alloc},
    {names::mem_free, NativeKind::function, 0, 0, gc_mem_free},
    {names::threshold, NativeKind::function, 0, 1, gc_threshold},
};

}  // namespace

constinit const vm::ModuleDefinition gc_module{names::gc, gc_functions, {}};

}  // namespace xipy::modules
