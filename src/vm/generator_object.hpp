// Generators (and coroutines): a function's frame kept on the heap between resumptions.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "object/runtime.hpp"
#include "vm/frame.hpp"

namespace xipy::vm {

extern const object::Type generator_type;

enum class GeneratorState : std::uint8_t { created, suspended, running, finished };

// Invariants: `state` holds `state_count` Values, after stack_guard_slots guard Values, and
// `handlers` room for `handler_capacity` exception handlers, all in the same allocation after
// the object; `frame` describes where execution resumes (its pointers point
// into this object, which never moves). While `running`, the frame is also
// on the interpreter's frame stack.
struct alignas(8) GeneratorObject : object::Object {
    object::Value function;
    GeneratorState run_state = GeneratorState::created;
    // What pend_throw() set: thrown in by the next resume instead of the sent value.
    object::Value pending_throw;
    std::uint32_t state_count;
    std::uint32_t handler_capacity;
    Frame frame;

    GeneratorObject(object::Value generator_function, std::uint32_t states, std::uint32_t handlers)
        : object::Object(&generator_type),
          function(generator_function),
          state_count(states),
          handler_capacity(handlers) {}
    object::Value* state() {
        return reinterpret_cast<object::Value*>(this + 1) + stack_guard_slots;
    }
    ExceptionHandler* handler_storage() {
        return reinterpret_cast<ExceptionHandler*>(state() + state_count);
    }
};

inline bool is_generator(object::Value value) {
    return value.is_object() && value.as_object()->type() == &generator_type;
}

class Interpreter;

// A for loop's next item from a generator it iterates: what the generator yields, or
// Value::stop_iteration() when it returns (its value, which a for loop drops, unmade), or
// raised. The same as the generic iterate_next() without its type dispatch.
object::Result<object::Value> generator_loop_next(Interpreter& interpreter,
                                                  GeneratorObject* generator);

}  // namespace xipy::vm
