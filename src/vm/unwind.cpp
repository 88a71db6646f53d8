// Unwinding: the exception handler search, tracebacks, and leaving finally and with blocks.
#include "vm/unwind.hpp"

#include "image/opcodes.hpp"
#include "image/operand_reader.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"

namespace xipy::vm {

using image::Opcode;
using object::Arguments;
using object::Value;

namespace {

// Calls the (function, self-or-empty, arguments...) layout LOAD_METHOD and
// SETUP_WITH leave on the stack.
object::Result<Value> call_stacked_method(object::Runtime& runtime, Value* base,
                                          std::uint32_t count) {
    if (base[1].is_empty()) {
        return object::call(runtime, base[0], Arguments{base + 2, count, 0});
    }
    return object::call(runtime, base[0], Arguments{base + 1, count + 1, 0});
}

}  // namespace

bool Interpreter::unwind_exception(std::size_t base_depth) {
    for (;;) {
        Frame& frame = frames_.back();
        Value exception_value = take_exception();
        if (exception_value.is_empty()) {
            // A native call failed without raising, which only values a hostile file put in
            // the wrong place (LOAD_NULL's empty in a container) can cause: report it rather
            // than unwind with no exception.
            // (Should the message not fit in the heap, MemoryError is pending instead.)
            raise_new(&object::runtime_error_type, "invalid .mpy: operation on a null value");
            exception_value = take_exception();
        }
        // No longer in the pending slot: keep it rooted while unwinding allocates.
        keep(exception_value);
        // Each frame the exception passes adds its line, except where it is raised again
        // (END_FINALLY, a bare `raise`), which the traceback already holds.
        const std::uint8_t* where = frame.current_instruction;
        const std::uint8_t opcode = *where;
        if (opcode != static_cast<std::uint8_t>(Opcode::END_FINALLY) &&
            opcode != static_cast<std::uint8_t>(Opcode::RAISE_LAST)) {
            auto offset = static_cast<std::uint32_t>(
                where - frame.context->image.bytecode(*frame.code).data());
            std::uint32_t line = frame.context->image.line_for_offset(*frame.code, offset);
            object::add_traceback(
                *this, exception_value, frame.context->source_file, line,
                frame.context->qstr_id(frame.context->image.name_qstr(*frame.code)));
            if (has_exception()) {
                exception_value = take_exception();
            }
        }
        // Handlers whose code is already running (an exception inside an except or finally
        // body) do not catch it.
        while (frame.handler_count > 0 &&
               frame.handlers[frame.handler_count - 1].handler <= where) {
            --frame.handler_count;
        }
        if (step_budget_exhausted_) {
            // The step-budget stop is uncatchable: no except, finally or with body runs.
            frame.handler_count = 0;
        }
        if (frame.handler_count > 0) {
            ExceptionHandler& handler = frame.handlers[frame.handler_count - 1];
            handler.unwind = Unwind::none;
            handler.previous_exception = exception_value;
            frame.instruction = handler.handler;
            frame.stack_top = handler.saved_stack_top + 1;
            *frame.stack_top = exception_value;
            return true;
        }
        const bool to_native = finish_frame();
        set_exception(exception_value);
        if (to_native || frames_.size() < base_depth) {
            return false;
        }
    }
}

void cancel_active_finally(const ExceptionHandler& handler, Value*& top) {
    if (handler.unwind != Unwind::none) {
        top[-2] = top[0];
        top -= 2;
    } else {
        top[-1] = top[0];
        --top;
    }
}

const std::uint8_t* continue_unwind(Frame& frame, Value*& top, std::uint32_t target,
                                    std::uint32_t count, const std::uint8_t* instruction) {
    while ((count & 0x7f) > 0) {
        count -= 1;
        ExceptionHandler& handler = frame.handlers[frame.handler_count - 1];
        if (handler.is_finally) {
            if (handler.handler >= instruction) {
                *++top = Value::none();
                handler.unwind = Unwind::jumping;
                handler.unwind_count = static_cast<std::uint8_t>(count);
                handler.unwind_target = target;
                return handler.handler;
            }
            cancel_active_finally(handler, top);
        }
        --frame.handler_count;
    }
    --top;
    if (count != 0) {
        top -= iterator_slots;
    }
    return frame.context->image.bytecode(*frame.code).data() + target;
}

bool return_through_handlers(Frame& frame, Value*& top, const std::uint8_t*& instruction) {
    while (frame.handler_count > 0) {
        ExceptionHandler& handler = frame.handlers[frame.handler_count - 1];
        if (handler.is_finally) {
            if (handler.handler >= instruction) {
                // Run the finally body first; its END_FINALLY returns.
                Value* finally_top = handler.saved_stack_top;
                finally_top[1] = top[0];
                top = finally_top + 2;
                *top = Value::none();  // the unwind slot; see ExceptionHandler
                handler.unwind = Unwind::returning;
                instruction = handler.handler;
                return true;
            }
            cancel_active_finally(handler, top);
        }
        --frame.handler_count;
    }
    return false;
}

FinallyExit end_finally(Interpreter& interpreter, Frame& frame, Value*& top,
                        const std::uint8_t*& instruction) {
    const ExceptionHandler closing = frame.handlers[--frame.handler_count];
    if (closing.unwind == Unwind::returning) {
        --top;  // the return value is under the unwind slot
        return FinallyExit::returns;
    }
    if (closing.unwind == Unwind::jumping) {
        --top;  // the count slot; the target slot is now on top
        instruction =
            continue_unwind(frame, top, closing.unwind_target, closing.unwind_count, instruction);
        return FinallyExit::continues;
    }
    if (top[0].is_none()) {
        --top;
        return FinallyExit::continues;
    }
    // An exception to re-raise; raise() turns any other value a hostile file left there into
    // a TypeError.
    interpreter.raise(top[0]);
    return FinallyExit::raised;
}

object::Status enter_with(Interpreter& interpreter, Frame& frame, Value*& top,
                          const std::uint8_t* handler) {
    Value manager = top[0];
    object::Method exit_method;
    if (!object::load_method(interpreter, manager, object::names::dunder_exit, exit_method)) {
        return object::Raised{};
    }
    object::Method enter_method;
    if (!object::load_method(interpreter, manager, object::names::dunder_enter, enter_method)) {
        return object::Raised{};
    }
    top[0] = exit_method.function;
    top[1] = exit_method.self;
    top[2] = enter_method.function;
    top[3] = enter_method.self;
    Value entered = call_stacked_method(interpreter, top + 2, 0);
    if (entered.is_empty()) {
        return object::Raised{};
    }
    ++top;
    push_handler(frame, handler, top, true);
    *++top = entered;
    return object::succeeded();
}

object::Status exit_with(Interpreter& interpreter, Frame& frame, Value*& top) {
    if (frame.handler_count == 0) {
        interpreter.raise_new(&object::runtime_error_type,
                              "invalid .mpy: WITH_CLEANUP outside a with block");
        return object::Raised{};
    }
    // The with block's handler entry is still open; END_FINALLY closes it.
    const Unwind unwinding = frame.handlers[frame.handler_count - 1].unwind;
    if (unwinding != Unwind::none) {
        // Leaving by return/break/continue: __exit__(None, None, None) and
        // the two unwind slots move down over the method.
        Value data = top[-1];
        Value cause = top[0];
        top[-1] = Value::none();
        top[0] = Value::none();
        top[1] = Value::none();
        if (!call_stacked_method(interpreter, top - 3, 3).ok()) {
            return object::Raised{};
        }
        top[-3] = data;
        top[-2] = cause;
        top -= 2;
        return object::succeeded();
    }
    if (top[0].is_none()) {
        top[1] = Value::none();
        top[2] = Value::none();
        top -= 2;
        if (!call_stacked_method(interpreter, top, 3).ok()) {
            return object::Raised{};
        }
        top[0] = Value::none();
        return object::succeeded();
    }
    // Left by an exception: __exit__(type, exception, None), whose truth suppresses it.
    top[1] = top[0];
    top[0] = Value::from_object(object::type_of(top[0]));
    top[2] = Value::none();
    top -= 2;
    Value result = call_stacked_method(interpreter, top, 3);
    if (result.is_empty()) {
        return object::Raised{};
    }
    int truth = object::truth(interpreter, result);
    if (truth < 0) {
        return object::Raised{};
    }
    if (truth != 0) {
        top[0] = Value::none();
    } else {
        top[0] = top[3];
    }
    return object::succeeded();
}

Value Interpreter::handled_exception() const {
    for (std::uint32_t depth = frames_.size(); depth > 0; --depth) {
        const Frame& frame = frames_[depth - 1];
        for (std::uint32_t index = frame.handler_count; index > 0; --index) {
            if (!frame.handlers[index - 1].previous_exception.is_empty()) {
                return frame.handlers[index - 1].previous_exception;
            }
        }
    }
    return Value::empty();
}

void reraise_handled(Interpreter& interpreter, const Frame& frame) {
    for (std::uint32_t index = frame.handler_count; index > 0; --index) {
        if (!frame.handlers[index - 1].previous_exception.is_empty()) {
            interpreter.set_exception(frame.handlers[index - 1].previous_exception);
            return;
        }
    }
    interpreter.raise_new(&object::runtime_error_type, "no active exception to reraise");
}

const std::uint8_t* unwind_jump(Frame& frame, Value*& top, const std::uint8_t* instruction,
                                bool& is_backward) {
    const std::int32_t offset = image::read_jump_offset(instruction, true);
    const std::uint8_t count = *instruction++;
    // The target is relative to the end of the jump operand.
    const std::uint8_t* target = instruction - 1 + offset;
    is_backward = offset < 0;
    // The slot MicroPython keeps the target in; see ExceptionHandler.
    *++top = Value::none();
    return continue_unwind(
        frame, top,
        static_cast<std::uint32_t>(target - frame.context->image.bytecode(*frame.code).data()),
        count, instruction);
}

}  // namespace xipy::vm
