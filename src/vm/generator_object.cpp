// Generator objects: iteration, send, throw and close.
#include "vm/generator_object.hpp"

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

using object::Arguments;
using object::Value;

namespace {

GeneratorObject* as_generator(Value value) {
    return static_cast<GeneratorObject*>(value.as_object());
}

void trace_generator(gc::Cell* cell, gc::Tracer& tracer) {
    auto* generator = static_cast<GeneratorObject*>(cell);
    if (generator->function.is_object()) {
        tracer.mark(generator->function.as_object());
    }
    const Value* slots = generator->state() - stack_guard_slots;
    for (std::uint32_t index = 0; index < stack_guard_slots + generator->state_count; ++index) {
        if (slots[index].is_object()) {
            tracer.mark(slots[index].as_object());
        }
    }
    for (std::uint32_t index = 0; index < generator->frame.handler_count; ++index) {
        Value previous = generator->handler_storage()[index].previous_exception;
        if (previous.is_object()) {
            tracer.mark(previous.as_object());
        }
    }
    for (Value value :
         {generator->frame.globals, generator->frame.locals, generator->pending_throw}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Interpreter& interpreter_of(object::Runtime& runtime) { return static_cast<Interpreter&>(runtime); }

object::Result<Value> generator_next(object::Runtime& runtime, Value self) {
    ExecutionResult result =
        interpreter_of(runtime).resume(as_generator(self), Value::none(), Value::empty());
    switch (result.kind) {
        case ExitKind::yielded:
            return result.value;
        case ExitKind::returned:
            if (!result.value.is_none()) {
                // Keep the return value for next() and `yield from`.
                Value exception = object::make_exception(runtime, &object::stop_iteration_type,
                                                         {&result.value, 1});
                if (exception.is_empty()) {
                    return Value::empty();
                }
                return runtime.set_exception(exception);
            }
            return Value::stop_iteration();
        default:
            return Value::empty();
    }
}

object::Result<Value> self_iterator(object::Runtime&, Value self) { return self; }

// The value a finished send/throw reports: StopIteration(value).
object::Result<Value> finish(object::Runtime& runtime, ExecutionResult result) {
    switch (result.kind) {
        case ExitKind::yielded:
            return result.value;
        case ExitKind::returned: {
            if (result.value.is_none()) {
                return runtime.raise_type(&object::stop_iteration_type);
            }
            Value exception =
                object::make_exception(runtime, &object::stop_iteration_type, {&result.value, 1});
            if (exception.is_empty()) {
                return Value::empty();
            }
            return runtime.set_exception(exception);
        }
        default:
            return Value::empty();
    }
}

object::Result<Value> generator_send(object::Runtime& runtime, Arguments arguments) {
    return finish(runtime, interpreter_of(runtime).resume(as_generator(arguments[0]), arguments[1],
                                                          Value::empty()));
}

object::Result<Value> generator_throw(object::Runtime& runtime, Arguments arguments) {
    Value thrown = arguments[1];
    // throw(type, value): as in MicroPython, a value other than None is what is raised.
    if (arguments.positional_count > 2 && !arguments[2].is_none()) {
        thrown = arguments[2];
    }
    // Passed on as given: a generator it is raised in makes an instance of a class (or a
    // TypeError of a non-exception), while a `yield from` target's own throw() gets it as is.
    return finish(
        runtime, interpreter_of(runtime).resume(as_generator(arguments[0]), Value::none(), thrown));
}

object::Result<Value> generator_close(object::Runtime& runtime, Arguments arguments) {
    GeneratorObject* generator = as_generator(arguments[0]);
    if (generator->run_state == GeneratorState::created) {
        generator->run_state = GeneratorState::finished;
        return Value::none();
    }
    if (generator->run_state == GeneratorState::finished) {
        return Value::none();
    }
    Value exit = object::make_exception(runtime, &object::generator_exit_type, {});
    if (exit.is_empty()) {
        return Value::empty();
    }
    ExecutionResult result = interpreter_of(runtime).resume(generator, Value::none(), exit);
    switch (result.kind) {
        case ExitKind::yielded:
            return runtime.raise_new(&object::runtime_error_type,
                                     "generator ignored GeneratorExit");
        case ExitKind::returned:
            return Value::none();
        default:
            if (object::is_instance(runtime.exception(), &object::generator_exit_type) ||
                object::is_instance(runtime.exception(), &object::stop_iteration_type)) {
                runtime.clear_exception();
                return Value::none();
            }
            return Value::empty();
    }
}

// pend_throw(value): MicroPython's; the next resume throws `value` in (None cancels).
// Returns what was pending before, or None.
object::Result<Value> generator_pend_throw(object::Runtime& runtime, Arguments arguments) {
    GeneratorObject* generator = as_generator(arguments[0]);
    if (generator->run_state == GeneratorState::running) {
        return runtime.raise_new(&object::value_error_type, "generator already executing");
    }
    Value previous = generator->pending_throw;
    generator->pending_throw = arguments[1].is_none() ? Value::empty() : arguments[1];
    return previous.is_empty() ? Value::none() : previous;
}

object::Status generator_print(object::Runtime& runtime, Value self, object::Printer& printer,
                               object::PrintKind) {
    printer.write("<generator object '");
    printer.write(runtime.name_text(as_function(as_generator(self)->function)->name));
    printer.write("'>");
    return object::succeeded();
}

using object::NativeFunction;
using object::NativeKind;

constexpr NativeFunction send_function{object::names::send, NativeKind::method, 2, 2,
                                       generator_send};
constexpr NativeFunction throw_function{object::names::throw_, NativeKind::method, 2, 4,
                                        generator_throw};
constexpr NativeFunction close_function{object::names::close, NativeKind::method, 1, 1,
                                        generator_close};
constexpr NativeFunction pend_throw_function{object::names::pend_throw, NativeKind::method, 2, 2,
                                             generator_pend_throw};
constexpr object::Attribute generator_attributes[] = {
    {object::names::pend_throw, &pend_throw_function},
    {object::names::send, &send_function},
    {object::names::throw_, &throw_function},
    {object::names::close, &close_function},
};

}  // namespace

constinit const object::Type generator_type{object::names::generator,
                                            &object::object_type,
                                            object::TypeSlots{
                                                .print = generator_print,
                                                .get_iterator = self_iterator,
                                                .iterate_next = generator_next,
                                            },
                                            generator_attributes,
                                            0,
                                            trace_generator};

object::Result<Value> generator_loop_next(Interpreter& interpreter, GeneratorObject* generator) {
    // One step per item, as iterate_next() charges.
    if (!interpreter.charge_step()) {
        return object::Raised{};
    }
    ExecutionResult result = interpreter.resume(generator, Value::none(), Value::empty());
    switch (result.kind) {
        case ExitKind::yielded:
            return result.value;
        case ExitKind::returned:
            return Value::stop_iteration();
        default:
            return object::Raised{};
    }
}

}  // namespace xipy::vm
