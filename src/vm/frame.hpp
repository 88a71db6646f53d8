// Frame and ExceptionHandler: the execution state of one running Python function.
#pragma once

#include <cstdint>

#include "image/image.hpp"
#include "image/opcodes.hpp"
#include "object/value.hpp"
#include "vm/module_context.hpp"

namespace xipy::vm {

struct GeneratorObject;

// Slots reserved just below every frame's value stack, holding valid values (None at first)
// that the collector traces: the verifier lets ROT_TWO and ROT_THREE reach up to this many
// slots below the stack (VerifiedCode::stack_guard is at most 2), so every frame gets the
// maximum instead of looking its code's own figure up.
constexpr std::uint32_t stack_guard_slots = 2;

// A for-loop iterator's stack slots (image/opcodes.hpp): GET_ITER_STACK pushes them, FOR_ITER
// drops them at the end, and UNWIND_JUMP's 0x80 flag drops them when a break leaves the loop.
constexpr int iterator_slots = image::iterator_buffer_slots;

// How a finally or with body was entered: falling in or by an exception (`none`), or by a
// `return` or a `break`/`continue` that resumes at its END_FINALLY.
enum class Unwind : std::uint8_t { none, returning, jumping };

// One entry of a frame's exception-handler stack (SETUP_EXCEPT,
// SETUP_FINALLY, SETUP_WITH). A handler is "active" once execution has
// reached its handler code (handler <= current instruction), which is how
// MicroPython tells a running finally/except body from a pending one.
//
// The unwind state lives here, in VM memory, and not in the two stack slots MicroPython keeps
// it in: bytecode can write any value to a stack slot, so a state read back from the stack
// could send END_FINALLY to any address. The two slots are still reserved (the verifier counts
// them) but their contents are never trusted.
struct ExceptionHandler {
    const std::uint8_t* handler = nullptr;
    object::Value* saved_stack_top = nullptr;
    bool is_finally = false;           // finally or with: runs on return/break too
    Unwind unwind = Unwind::none;      // meaningful once the handler is active
    std::uint8_t unwind_count = 0;     // jumping: UNWIND_JUMP's count byte still to apply
    std::uint32_t unwind_target = 0;   // jumping: bytecode offset of the jump's target
    object::Value previous_exception;  // the exception being handled, for bare `raise`
};

// The state of one function activation, laid out as MicroPython's: `state`
// holds n_state values, local i at state[n_state - 1 - i] and the value
// stack growing up from state[0]; `stack_top` points at the top item
// (state - 1 when empty).
//
// Invariants: every Value in state[-stack_guard_slots, n_state) is valid
// (unused slots are empty or stale values that stay alive), so the collector
// traces the whole array; handlers[0, handler_count) are in use.
struct Frame {
    const image::RawCode* code = nullptr;
    ModuleContext* context = nullptr;
    object::Value function;
    object::Value globals;
    object::Value locals;  // dict for LOAD_NAME / STORE_NAME (module and class bodies)
    const std::uint8_t* instruction = nullptr;          // where execution continues
    const std::uint8_t* current_instruction = nullptr;  // start of the running instruction
    object::Value* state = nullptr;
    object::Value* stack_top = nullptr;
    ExceptionHandler* handlers = nullptr;
    std::uint32_t handler_count = 0;
    std::uint32_t state_count = 0;
    std::uint32_t stack_base = 0;  // index in the VM stack where this frame's state starts
    std::uint32_t handler_base = 0;
    bool returns_to_native = false;  // run() returns to its C++ caller when this frame ends
    // An __init__ run for a class call (Interpreter::call_instruction): the caller's result
    // slot already holds the new instance, and __init__ must return None.
    bool constructs = false;
    GeneratorObject* generator = nullptr;
};

}  // namespace xipy::vm
