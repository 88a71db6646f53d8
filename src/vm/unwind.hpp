// Leaving blocks: try/finally/with handlers, return and break through them, and re-raising.
#pragma once

#include <cstdint>

#include "object/value.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

// Opens a try/finally/with block whose handler starts at `target` (SETUP_EXCEPT,
// SETUP_FINALLY and SETUP_WITH); its body runs with `top` as the stack top.
inline void push_handler(Frame& frame, const std::uint8_t* target, object::Value* top,
                         bool is_finally) {
    ExceptionHandler& handler = frame.handlers[frame.handler_count++];
    handler.handler = target;
    handler.saved_stack_top = top;
    handler.is_finally = is_finally;
    handler.unwind = Unwind::none;
    handler.previous_exception = object::Value::empty();
}

// Leaving a finally or with block that is running (return, break or
// continue inside it): drops its saved state under the value being carried
// (two slots if `handler` was entered by an unwind, else one).
void cancel_active_finally(const ExceptionHandler& handler, object::Value*& top);

// Continues a break/continue that leaves the low 7 bits of `count` blocks towards the bytecode
// offset `target`, with the slot that carries the target on top of the stack. Returns where
// execution continues: a finally body that must run first (its handler records the rest of
// the jump, and the count slot is pushed above the target slot, as in MicroPython's layout),
// or the target itself (after dropping the target slot and, if count's 0x80 flag is set, the
// for-loop iterator).
const std::uint8_t* continue_unwind(Frame& frame, object::Value*& top, std::uint32_t target,
                                    std::uint32_t count, const std::uint8_t* instruction);

// UNWIND_JUMP: reads its jump offset and count after `instruction`, pushes the slot that
// carries the target and continues the jump (continue_unwind). Returns where execution
// continues; `is_backward` says whether the jump goes backward (the loop charges a step).
const std::uint8_t* unwind_jump(Frame& frame, object::Value*& top, const std::uint8_t* instruction,
                                bool& is_backward);

// How END_FINALLY leaves a finally or with body.
enum class FinallyExit : std::uint8_t {
    continues,  // at `instruction`: the next one, or where a break/continue goes on
    returns,    // a return goes on, its value on top (run RETURN_VALUE again)
    raised,     // the exception it was entered by (or a bad value) is raised again
};

// END_FINALLY: closes the innermost handler and goes on with what entered its body: falling
// in (None on top), an exception, a return or a break/continue (which may move
// `instruction` to its target or to the next finally body it passes).
FinallyExit end_finally(Interpreter& interpreter, Frame& frame, object::Value*& top,
                        const std::uint8_t*& instruction);

// RETURN_VALUE (or END_FINALLY resuming one) with the return value on top, in a frame with
// open handlers: closes the handlers it leaves. True when a finally body must run before the
// return: `instruction` moves to its start and the return value to its stack, under the
// unwind slot. False when the frame can return now.
bool return_through_handlers(Frame& frame, object::Value*& top, const std::uint8_t*& instruction);

// SETUP_WITH on the context manager at `top`: leaves __exit__ (as method and self) in its
// place, calls __enter__, opens the block's handler at `handler` and pushes __enter__'s result.
// False if it raised.
object::Status enter_with(Interpreter& interpreter, Frame& frame, object::Value*& top,
                          const std::uint8_t* handler);

// WITH_CLEANUP: calls __exit__ for a with block left normally, by an exception (which it may
// suppress) or by return/break/continue. False if it raised.
object::Status exit_with(Interpreter& interpreter, Frame& frame, object::Value*& top);

// RAISE_LAST (a bare `raise`): makes the exception being handled pending again, or a
// RuntimeError when there is none.
void reraise_handled(Interpreter& interpreter, const Frame& frame);

}  // namespace xipy::vm
