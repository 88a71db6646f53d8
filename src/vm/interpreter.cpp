// The bytecode loop: one body per v6 opcode, plus the frame operations its hot paths inline.
#include "vm/interpreter.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "image/opcodes.hpp"
#include "image/operand_reader.hpp"
#include "object/array_object.hpp"
#include "object/cell_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/number_shortcuts.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/set_object.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/call.hpp"
#include "vm/for_loop.hpp"
#include "vm/generator_object.hpp"
#include "vm/inline_cache.hpp"
#include "vm/rare_opcodes.hpp"
#include "vm/slicing.hpp"
#include "vm/slow_paths.hpp"
#include "vm/threads.hpp"
#include "vm/unwind.hpp"

// Labels-as-values dispatch where the compiler has it (g++ and clang), unless the build
// turns it off with XIPY_COMPUTED_GOTO=0; the plain switch elsewhere.
#ifndef XIPY_COMPUTED_GOTO
#define XIPY_COMPUTED_GOTO 1
#endif
#if XIPY_COMPUTED_GOTO && defined(__GNUC__)
#define XIPY_DISPATCH_BY_LABEL 1
#else
#define XIPY_DISPATCH_BY_LABEL 0
#endif

namespace xipy::vm {

using image::Opcode;
using image::read_jump_offset;
using image::read_signed_var_int;
using image::read_var_uint;
using object::Arguments;
using object::BinaryOperator;
using object::UnaryOperator;
using object::Value;

namespace {

// Sizes of the per-VM stacks. A frame that does not fit raises
// RuntimeError like too deep a recursion.

object::Raised raise_unbound_local(object::Runtime& runtime) {
    return runtime.raise_new(&object::name_error_type,
                             "local variable referenced before assignment");
}

// LOAD_DEREF, STORE_DEREF or DELETE_DEREF (`opcode`) on the cell in a closure variable's local
// `slot`, with the value stack at `top`. The verifier bounds the slot's index but cannot know
// its type, and bytecode may store anything there, so the cell is checked first.
object::Status access_cell(object::Runtime& runtime, Value slot, std::uint8_t opcode, Value*& top) {
    if (!slot.is_object() || slot.as_object()->type() != &object::cell_type) {
        return runtime.raise_new(&object::runtime_error_type,
                                 "invalid .mpy: closure variable is not a cell");
    }
    auto* cell = static_cast<object::CellObject*>(slot.as_object());
    if (opcode == static_cast<std::uint8_t>(Opcode::STORE_DEREF)) {
        cell->value = *top--;
        return object::succeeded();
    }
    if (cell->value.is_empty()) {
        return raise_unbound_local(runtime);
    }
    if (opcode == static_cast<std::uint8_t>(Opcode::LOAD_DEREF)) {
        *++top = cell->value;
    } else {
        cell->value = Value::empty();
    }
    return object::succeeded();
}

// The dispatch number of each opcode body: `invalid` for bytes that are no opcode, then one
// per single opcode and one per range, in the order of image/opcodes.hpp. Both dispatch
// schemes (label table and switch) use it, so each body is written once and a whole range
// is one body.
enum class OpcodeBody : std::uint8_t {
    invalid,
#define XIPY_BODY_ENUMERATOR(name, ...) name,
    XIPY_SINGLE_OPCODES(XIPY_BODY_ENUMERATOR) XIPY_OPCODE_RANGES(XIPY_BODY_ENUMERATOR)
#undef XIPY_BODY_ENUMERATOR
};

// How many bodies there are, counted from the same lists.
constexpr std::size_t opcode_body_count = 1
#define XIPY_BODY_COUNT(...) +1
    XIPY_SINGLE_OPCODES(XIPY_BODY_COUNT) XIPY_OPCODE_RANGES(XIPY_BODY_COUNT)
#undef XIPY_BODY_COUNT
    ;

constexpr std::array<OpcodeBody, 256> build_opcode_bodies() {
    std::array<OpcodeBody, 256> bodies{};  // all invalid
#define XIPY_BODY_SINGLE(name, byte, ...) bodies[byte] = OpcodeBody::name;
    XIPY_SINGLE_OPCODES(XIPY_BODY_SINGLE)
#undef XIPY_BODY_SINGLE
#define XIPY_BODY_RANGE(name, first, count, ...)                   \
    for (int byte = first; byte < (first) + (count); ++byte) {     \
        bodies[static_cast<std::size_t>(byte)] = OpcodeBody::name; \
    }
    XIPY_OPCODE_RANGES(XIPY_BODY_RANGE)
#undef XIPY_BODY_RANGE
    return bodies;
}

static_assert(opcode_body_count <= 256, "OpcodeBody numbers must fit in a byte");

// Byte value -> the body that runs it.
constexpr std::array<OpcodeBody, 256> opcode_bodies = build_opcode_bodies();
static_assert(opcode_bodies[0x00] == OpcodeBody::invalid);
static_assert(opcode_bodies[0xb3] == OpcodeBody::LOAD_FAST_MULTI);
static_assert(opcode_bodies[0x69] == OpcodeBody::IMPORT_STAR);

// The label of every byte's body, from the labels of the bodies in OpcodeBody order.
[[maybe_unused]] std::array<const void*, 256> labels_by_byte(const void* const* body_labels) {
    std::array<const void*, 256> labels{};
    for (std::size_t byte = 0; byte < labels.size(); ++byte) {
        labels[byte] = body_labels[static_cast<std::uint8_t>(opcode_bodies[byte])];
    }
    return labels;
}

constexpr std::uint8_t byte_of(Opcode opcode) { return static_cast<std::uint8_t>(opcode); }

// Local variable `index` of a frame (MicroPython keeps locals in reverse order).
XIPY_ALWAYS_INLINE inline Value& local_slot(Frame& frame, std::uint32_t index) {
    return frame.state[frame.state_count - 1 - index];
}

// The dict a *_NAME opcode works on: the frame's locals if it has them (module and class
// bodies), else its globals; *_GLOBAL opcodes always use the globals.
Value name_scope(const Frame& frame, bool is_name_opcode) {
    return is_name_opcode && !frame.locals.is_empty() ? frame.locals : frame.globals;
}

// LOAD_NAME (which looks in the frame's locals first, when it has them) or LOAD_GLOBAL of
// qstr `qstr_index`: the globals through the name's inline cache, then the builtins; raises
// NameError when none has it. Inline: LOAD_GLOBAL is among the commonest opcodes.
[[gnu::always_inline]] inline object::Result<Value> load_name(object::Runtime& runtime,
                                                              Frame& frame, bool is_name_opcode,
                                                              std::uint32_t qstr_index,
                                                              SpareNameCache& spare_cache) {
    const std::uint32_t name = frame.context->qstr_ids[qstr_index];
    if (is_name_opcode && !frame.locals.is_empty()) {
        Value value = object::dict_find_name(runtime, object::as_dict(frame.locals), name);
        if (!value.is_empty()) {
            return value;
        }
    }
    // The globals and builtins are always dicts: cast in place rather than through the
    // out-of-line as_dict().
    Value value =
        cached_load_global(runtime, frame.context->name_caches.find(qstr_index, spare_cache),
                           static_cast<object::DictObject*>(frame.globals.as_object()),
                           static_cast<object::DictObject*>(runtime.builtins().as_object()), name);
    if (value.is_empty()) {
        raise_name_not_defined(runtime, name);
        return object::Raised{};
    }
    return value;
}

// object::truth() with the common case, a bool from a comparison, answered inline.
int truth_of(object::Runtime& runtime, Value value) {
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    return object::truth(runtime, value);
}

}  // namespace

Interpreter::Interpreter(const object::RuntimeConfig& config, std::vector<std::string> argv,
                         const ModuleRegistry& modules)
    : object::Runtime(config),
      frames_(heap()),
      values_(heap()),
      handlers_(heap()),
      argv_(std::move(argv)),
      module_registry_(modules),
      module_instances_(modules.modules.size(), ModuleInstance{},
                        support::SourceAllocator<ModuleInstance>(&scratch_memory())) {
    ready_ = initialize_builtins(*this);
}

Interpreter::~Interpreter() {
#if XIPY_THREADS
    threads_.reset();
#endif
}

void Interpreter::set_step_limit(std::uint64_t limit) {
    step_limit_ = limit == 0 ? UINT64_MAX : limit;
    steps_ = 0;
    step_budget_exhausted_ = false;
}

object::Status Interpreter::stop_or_interrupt() {
    if (steps_ > step_limit_) {
        // Stays exhausted: code that swallows the error stops again at its next step.
        steps_ = step_limit_;
        step_budget_exhausted_ = true;
        raise_new(&object::runtime_error_type, "step budget exhausted");
        return object::Raised{};
    }
    if (interrupt_requested_.exchange(false, std::memory_order_acquire)) {
#if XIPY_THREADS
        if (threads_ != nullptr) {
            return threads_->attend();  // an interrupt, a stop or a thread waiting to run
        }
#endif
        keyboard_interrupt_.store(false, std::memory_order_relaxed);
        raise_type(&object::keyboard_interrupt_type);
        return object::Raised{};
    }
    return object::succeeded();
}

bool Interpreter::schedule(Value function, Value argument) {
    if (scheduled_count_ == schedule_depth) {
        return false;
    }
    scheduled_[scheduled_count_++] = {function, argument};
    return true;
}

object::Status Interpreter::run_scheduled() {
    running_scheduled_ = true;
    // Only the callbacks queued before this point run now, as in MicroPython: one that queues
    // itself again runs at the next point, so it cannot keep the program from going on.
    for (std::uint32_t due = scheduled_count_; due > 0 && scheduled_count_ > 0; --due) {
        auto [function, argument] = scheduled_[0];
        std::move(scheduled_.begin() + 1, scheduled_.begin() + scheduled_count_,
                  scheduled_.begin());
        scheduled_[--scheduled_count_] = {};
        object::RootScope scope(*this);
        object::Root held_function(*this, function);
        object::Root held_argument(*this, argument);
        if (object::call_positional(*this, function, {argument}).ok()) {
            continue;
        }
        Value exception = exception_of_callback();
        if (exception.is_empty()) {
            running_scheduled_ = false;
            return object::Raised{};
        }
        object::print_traceback(*this, exception, object::OutputStream::standard_error);
    }
    running_scheduled_ = false;
    return object::succeeded();
}

// The exception a scheduled callback raised, taken so the program goes on; empty (and still
// pending) for SystemExit and KeyboardInterrupt, which end the program as anywhere else.
Value Interpreter::exception_of_callback() {
    const object::Type* type = object::type_of(exception());
    if (object::is_subtype(type, &object::system_exit_type) ||
        object::is_subtype(type, &object::keyboard_interrupt_type)) {
        return Value::empty();
    }
    return take_exception();
}

object::Status Interpreter::charge_native_work(std::uint64_t cost) {
    steps_ = cost > UINT64_MAX - steps_ ? UINT64_MAX : steps_ + cost;
    if (steps_ > step_limit_ || interrupt_requested_.load(std::memory_order_relaxed)) {
        return stop_or_interrupt();
    }
    return object::succeeded();
}

// Marks what the frames of one thread's frame stack refer to.
void Interpreter::trace_frames(const ItemStack<Frame, 8>& frames, gc::Tracer& tracer) {
    for (std::uint32_t frame_index = 0; frame_index < frames.size(); ++frame_index) {
        const Frame& frame = frames[frame_index];
        const Value* slots = frame.state - stack_guard_slots;
        for (std::uint32_t index = 0; index < stack_guard_slots + frame.state_count; ++index) {
            trace_value(tracer, slots[index]);
        }
        for (std::uint32_t index = 0; index < frame.handler_count; ++index) {
            trace_value(tracer, frame.handlers[index].previous_exception);
        }
        trace_value(tracer, frame.function);
        trace_value(tracer, frame.globals);
        trace_value(tracer, frame.locals);
        if (frame.generator != nullptr) {
            tracer.mark(frame.generator);
        }
    }
}

void Interpreter::trace_roots(gc::Tracer& tracer) {
    object::Runtime::trace_roots(tracer);
    trace_frames(frames_, tracer);
#if XIPY_THREADS
    if (threads_ != nullptr) {
        threads_->trace(tracer);
    }
#endif
    for (const auto& context : contexts_) {
        trace_value(tracer, context->globals);
        trace_value(tracer, context->owner);
        for (Value constant : context->constants) {
            trace_value(tracer, constant);
        }
        context->name_caches.trace(tracer);
    }
    trace_value(tracer, inject_);
    for (std::uint32_t index = 0; index < scheduled_count_; ++index) {
        trace_value(tracer, scheduled_[index].first);
        trace_value(tracer, scheduled_[index].second);
    }
    trace_value(tracer, main_module_);
    for (const Mount& mount : mounts_) {
        trace_value(tracer, mount.object);
        mount.source->trace(tracer);
    }
    trace_value(tracer, exit_function_);
    for (const ModuleInstance& instance : module_instances_) {
        trace_value(tracer, instance.module);
        trace_value(tracer, instance.state);
    }
}

[[gnu::always_inline]] inline bool Interpreter::push_frame_memory_inline(
    const image::Prelude& prelude, Value*& state, ExceptionHandler*& handlers) {
    const std::uint32_t stack_base = values_.top();
    Value* guard = nullptr;
    if (!values_.push(stack_guard_slots + prelude.n_state, guard)) {
        raise_memory_error();
        return false;
    }
    if (!handlers_.push(prelude.n_exc_stack, handlers) || !frames_.reserve_one()) {
        values_.pop_to(stack_base);
        raise_memory_error();
        return false;
    }
    for (std::uint32_t index = 0; index < stack_guard_slots; ++index) {
        guard[index] = Value::none();
    }
    state = guard + stack_guard_slots;
    return true;
}

object::Status Interpreter::push_direct_frame(Value function_value, Value first,
                                              const Value* values, std::uint32_t count) {
    if (!charge_step()) {
        return object::Raised{};
    }
    if (!enter_call()) {
        return object::Raised{};
    }
    FunctionObject* function = as_function(function_value);
    if (!function->is_verified() && !verify_function(function)) {
        leave_call();
        return object::Raised{};
    }
    const image::RawCode& code = *function->code;
    const image::Prelude& prelude = code.prelude;
    const std::uint32_t state_count = prelude.n_state;
    const std::uint32_t stack_base = values_.top();
    const std::uint32_t handler_base = handlers_.top();
    Value* state = nullptr;
    ExceptionHandler* handlers = nullptr;
    if (!push_frame_memory_inline(prelude, state, handlers)) {
        leave_call();
        return object::Raised{};
    }
    // Locals run downwards from state[state_count - 1]: the parameters fill the top
    // n_pos_args slots, the rest (other locals and the value stack) start empty.
    const std::uint32_t parameters = prelude.n_pos_args;
    for (std::uint32_t index = 0; index < state_count - parameters; ++index) {
        state[index] = Value::empty();
    }
    Value* parameter = state + state_count - 1;
    if (function->cell_count != 0) [[unlikely]] {
        for (Value cell : function->cells()) {
            *parameter-- = cell;
        }
    }
    if (!first.is_empty()) {
        *parameter-- = first;
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        *parameter-- = values[index];
    }
    ModuleContext* const context = function->context;
    for (std::uint8_t local_number :
         code.n_cell() == 0 ? std::span<const std::uint8_t>{} : context->image.cells(code)) {
        Value& local = state[state_count - 1 - local_number];
        Value cell = object::make_cell(*this, local);
        if (cell.is_empty()) {
            for (std::uint32_t index = 0; index < state_count; ++index) {
                state[index] = Value::empty();
            }
            values_.pop_to(stack_base);
            handlers_.pop_to(handler_base);
            leave_call();
            return object::Raised{};
        }
        local = cell;
    }
    // Every field written once, straight into the frame stack's slot.
    const std::uint8_t* const start = context->image.bytes().data() + code.bytecode_file_offset;
    ::new (static_cast<void*>(frames_.push_back_slot())) Frame{.code = &code,
                                                               .context = context,
                                                               .function = function_value,
                                                               .globals = context->globals,
                                                               .locals = Value(),
                                                               .instruction = start,
                                                               .current_instruction = start,
                                                               .state = state,
                                                               .stack_top = state - 1,
                                                               .handlers = handlers,
                                                               .handler_count = 0,
                                                               .state_count = state_count,
                                                               .stack_base = stack_base,
                                                               .handler_base = handler_base,
                                                               .returns_to_native = false,
                                                               .generator = nullptr};
    return object::succeeded();
}

bool Interpreter::push_frame_memory(const image::Prelude& prelude, Value*& state,
                                    ExceptionHandler*& handlers) {
    return push_frame_memory_inline(prelude, state, handlers);
}

bool Interpreter::finish_frame() {
    Frame& frame = frames_.back();
    const bool to_native = frame.returns_to_native;
    if (frame.generator != nullptr) {
        frame.generator->frame.handler_count = 0;
    }
    pop_frame();
    return to_native;
}

ExecutionResult Interpreter::suspend(Value yielded, std::size_t temporaries) {
    Frame& frame = frames_.back();
    // The rest of the generator's frame (its code, state and handler memory, globals and
    // locals) is what resume() copied in, unchanged by running it.
    Frame& saved = frame.generator->frame;
    saved.instruction = frame.instruction;
    saved.current_instruction = frame.current_instruction;
    saved.stack_top = frame.stack_top;
    saved.handler_count = frame.handler_count;
    pop_frame();
    release_temporaries(temporaries);
    return {ExitKind::yielded, yielded};
}

void Interpreter::pop_frame() {
    Frame& frame = frames_.back();
    // The popped slots keep their stale values: nothing traces slots above the innermost
    // frame, and every push (push_frame_memory and the state filling after it) writes all of a
    // new frame's slots before anything can allocate.
    values_.pop_to(frame.stack_base);
    handlers_.pop_to(frame.handler_base);
    frames_.pop_back();
    leave_call();
}

[[gnu::always_inline]] inline CallOutcome Interpreter::call_instruction(
    Frame& frame, std::uint8_t opcode, const std::uint8_t*& instruction, Value*& top) {
    const std::uint32_t operand = read_var_uint(instruction);
    const std::uint32_t positional = operand & 0xff;
    const std::uint32_t keywords = (operand >> 8) & 0xff;
    const bool is_method =
        opcode == byte_of(Opcode::CALL_METHOD) || opcode == byte_of(Opcode::CALL_METHOD_VAR_KW);
    const bool has_star = opcode == byte_of(Opcode::CALL_FUNCTION_VAR_KW) ||
                          opcode == byte_of(Opcode::CALL_METHOD_VAR_KW);
    top -= positional + 2 * keywords + (is_method ? 1 : 0) + (has_star ? 1 : 0);
    // top now points at the callable; the result replaces it.
    frame.instruction = instruction;
    frame.stack_top = top;
    DirectCall direct;
    if (!has_star && keywords == 0) {
        if (find_direct_call(top, positional, is_method, direct)) {
            // The common call, positional arguments to a plain Python function: its frame is
            // pushed here and the loop goes on in it, without C++ recursion.
            if (!push_direct_frame(direct.function, direct.first, direct.values, direct.count)) {
                return CallOutcome::raised;
            }
            return CallOutcome::pushed_frame;
        }
        if (top[0].is_object() && top[0].as_object()->type() == &object::bound_method_type &&
            !(is_method && !top[1].is_empty())) {
            // A built-in method fetched earlier (`pop = items.pop`): its self takes the slot
            // just below the arguments (the callable's, or LOAD_METHOD's empty self slot).
            auto* bound = static_cast<object::BoundMethodObject*>(top[0].as_object());
            if (bound->function.is_object() &&
                bound->function.as_object()->type() == &object::native_function_type) {
                Value* self_slot = top + (is_method ? 1 : 0);
                const auto* function =
                    static_cast<const object::NativeFunction*>(bound->function.as_object());
                *self_slot = bound->self;
                const Value result = object::call_native(
                    *this, function, object::Arguments{self_slot, positional + 1, 0});
                if (result.is_empty()) {
                    return CallOutcome::raised;
                }
                top[0] = result;
                return CallOutcome::returned;
            }
        }
        if (top[0].is_object() && top[0].as_object()->type() == &object::native_function_type) {
            // A built-in function or a method of a built-in type (LOAD_METHOD put its self
            // in the self slot): called straight from the stack.
            const bool bound = is_method && !top[1].is_empty();
            const Value result = object::call_native(
                *this, static_cast<const object::NativeFunction*>(top[0].as_object()),
                object::Arguments{top + (is_method && !bound ? 2 : 1), positional + (bound ? 1 : 0),
                                  0});
            if (result.is_empty()) {
                return CallOutcome::raised;
            }
            top[0] = result;
            return CallOutcome::returned;
        }
        if (object::is_type(top[0]) && !(is_method && !top[1].is_empty())) {
            // A class call that makes a plain instance: the instance takes the result slot
            // and its __init__ runs in this loop, as a direct call would.
            const object::Type* type = object::as_type(top[0]);
            const Value init = object::plain_init_of(*this, type);
            if (is_function(init) && binds_directly(as_function(init), positional + 1)) {
                const Value instance = object::make_plain_instance(*this, type);
                if (instance.is_empty()) {
                    return CallOutcome::raised;
                }
                top[0] = instance;
                if (!push_direct_frame(init, instance, top + (is_method ? 2 : 1), positional)) {
                    return CallOutcome::raised;
                }
                frames_.back().constructs = true;
                return CallOutcome::pushed_frame;
            }
        }
    }
    // Every other call, and each one that raises a binding error (vm/call.cpp).
    return call_from_stack(top, positional, keywords, is_method, has_star);
}

// The loop's vocabulary. run() keeps its hot state in locals rather than in the Frame, so the
// compiler can hold them in registers across the whole loop: `frame` (the innermost frame),
// `instruction` (the next byte to decode), `top` (the value stack's top item), `local_zero`
// (the slot of local 0: locals run downwards from it, LOCAL(index)) and `opcode`.
// SAVE_FRAME() writes `instruction` and `top` back before anything that may read the frame
// (a call, an allocation that collects, a traceback); LOAD_FRAME() reloads them after the
// innermost frame changed (a call pushed one, a return or an unwind popped one).
#define PUSH(value) (*++top = (value))
#define POP() (*top--)
#define TOP() (*top)
#define SAVE_FRAME()                      \
    do {                                  \
        frame->instruction = instruction; \
        frame->stack_top = top;           \
    } while (0)
#define LOAD_FRAME()                         \
    do {                                     \
        frame = &frames_.back();             \
        instruction = frame->instruction;    \
        top = frame->stack_top;              \
        local_zero = &local_slot(*frame, 0); \
    } while (0)
#define LOCAL(index) (local_zero[-static_cast<std::ptrdiff_t>(index)])
// Runs `statement`, a call of an out-of-line helper that moves the stack top or the
// instruction pointer, with copies of them: the statement names `lent_top` and
// `lent_instruction` (locals of run(), shared by every use), and the copies are taken back
// afterwards. Passing `top` or `instruction` itself by reference would make the compiler keep
// it in memory for the whole loop (an address-taken local), which on the Cortex-M3 cost a load
// and a store of each per instruction. Shared copies, rather than a lambda or locals per use,
// keep run()'s frame small in unoptimised builds too, where every local has its own slot (a
// sanitizer build's deep generator recursion depends on it).
#define LEND(statement)                 \
    do {                                \
        lent_top = top;                 \
        lent_instruction = instruction; \
        statement;                      \
        top = lent_top;                 \
        instruction = lent_instruction; \
    } while (0)
#define CHECK(value)               \
    do {                           \
        if ((value).is_empty()) {  \
            goto handle_exception; \
        }                          \
    } while (0)
// A taken backward jump is a step: it polls the step budget and interrupts, and runs the
// callbacks micropython.schedule queued (between instructions, where a call may run). It
// then drops what those rooted (another thread's turn, a callback), so a jump body may end
// with NEXT_NOTHING_KEPT().
#define CHARGE_BACKWARD_JUMP(is_backward)                  \
    do {                                                   \
        if (is_backward) {                                 \
            if (!charge_step()) {                          \
                goto handle_exception;                     \
            }                                              \
            if (has_scheduled()) {                         \
                SAVE_FRAME();                              \
                bool scheduled_ran = run_scheduled().ok(); \
                LOAD_FRAME();                              \
                if (!scheduled_ran) {                      \
                    goto handle_exception;                 \
                }                                          \
            }                                              \
            /* What another thread's turn or a callback */ \
            /* rooted: the jump may end with            */ \
            /* NEXT_NOTHING_KEPT().                     */ \
            release_temporaries(temporaries);              \
        }                                                  \
    } while (0)
#ifdef XIPY_OPCODE_COUNTS
// One increment per instruction (a build option); lets tests prove opcode coverage.
#define COUNT_OPCODE() ++opcode_counts_[opcode]
#else
#define COUNT_OPCODE() ((void)0)
#endif
// Starts the next instruction: fetches its opcode.
#define BEGIN_INSTRUCTION()                       \
    do {                                          \
        frame->current_instruction = instruction; \
        opcode = *instruction++;                  \
        COUNT_OPCODE();                           \
    } while (0)
// A body is a label (computed goto) or a case (switch); NEXT() or NEXT_NOTHING_KEPT() ends
// every body. NEXT() first drops the temporaries the body's helpers rooted (Runtime::keep),
// so the root stack stays bounded however long the loop runs. A path that called no helper
// rooted nothing, and ends with NEXT_NOTHING_KEPT(), which skips that test: every way into a
// body (the loop's start, NEXT(), an unwind, a return) leaves the root stack at its mark.
// Debug builds (the sanitizer build runs every suite) check that claim at each use.
#if XIPY_DISPATCH_BY_LABEL
#define OPCODE(name) body_##name
#define NEXT_NOTHING_KEPT()                                                             \
    do {                                                                                \
        assert(temporaries_mark() == temporaries && "a NEXT_NOTHING_KEPT() body kept"); \
        BEGIN_INSTRUCTION();                                                            \
        goto* byte_labels[opcode];                                                      \
    } while (0)
#else
#define OPCODE(name) case OpcodeBody::name
// Not `continue`: inside a body's own loop that would continue the body's loop.
#define NEXT_NOTHING_KEPT()                                                             \
    do {                                                                                \
        assert(temporaries_mark() == temporaries && "a NEXT_NOTHING_KEPT() body kept"); \
        goto next_instruction;                                                          \
    } while (0)
#endif
#define NEXT()                            \
    do {                                  \
        release_temporaries(temporaries); \
        NEXT_NOTHING_KEPT();              \
    } while (0)

ExecutionResult Interpreter::run() {
    const std::size_t base_depth = frames_.size();
    const std::size_t temporaries = temporaries_mark();
    Frame* frame = &frames_.back();
    const std::uint8_t* instruction = frame->instruction;
    Value* top = frame->stack_top;
    Value* local_zero = &local_slot(*frame, 0);
    // What LEND() lends to helpers in place of `top` and `instruction`, and their verdict.
    Value* lent_top = nullptr;
    const std::uint8_t* lent_instruction = nullptr;
    bool lent_ok = false;
    Value pending_inject = inject_;
    inject_ = Value::empty();
    std::uint8_t opcode = 0;
    // The local slot of a LOAD_FAST / STORE_FAST, decoded by its _N or _MULTI form.
    std::uint32_t local_index = 0;
    // Stands in for a name's inline cache while the heap cannot make it (full or locked), so
    // the lookup runs uncached instead of failing.
    SpareNameCache spare_cache;

#if XIPY_DISPATCH_BY_LABEL
    // Each body ends with its own indirect jump, so the branch predictor learns which
    // body tends to follow which (one shared switch jump would mix them all).
    static const void* const body_labels[] = {
        &&body_invalid,
#define XIPY_BODY_LABEL(name, ...) &&body_##name,
        XIPY_SINGLE_OPCODES(XIPY_BODY_LABEL) XIPY_OPCODE_RANGES(XIPY_BODY_LABEL)
#undef XIPY_BODY_LABEL
    };
    static_assert(sizeof(body_labels) / sizeof(body_labels[0]) == opcode_body_count);
    // Byte value -> its body's label, so that dispatch is one table load rather than two.
    // Made once (a constant from then on, initialised thread-safely as any local static).
    static const std::array<const void*, 256> byte_labels = labels_by_byte(body_labels);
#endif

    if (!pending_inject.is_empty() &&
        *instruction != static_cast<std::uint8_t>(Opcode::YIELD_FROM)) {
        // An exception thrown into a generator is raised where it paused; YIELD_FROM
        // passes it on to the generator it delegates to instead.
        frame->current_instruction = instruction;
        raise(pending_inject);
        pending_inject = Value::empty();
        goto handle_exception;
    }

    release_temporaries(temporaries);
    for (;;) {
        BEGIN_INSTRUCTION();
#if XIPY_DISPATCH_BY_LABEL
        goto* byte_labels[opcode];
        {
#else
        switch (opcode_bodies[opcode]) {
#endif
            OPCODE(LOAD_CONST_FALSE) : {
                PUSH(Value::false_value());
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_CONST_NONE) : {
                PUSH(Value::none());
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_CONST_TRUE) : {
                PUSH(Value::true_value());
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_NULL) : {
                PUSH(Value::empty());
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_CONST_SMALL_INT) : {
                std::int64_t value = read_signed_var_int(instruction);
                // A small int inline; only a constant past 48 bits (32-bit images) allocates.
                if (Value::fits_small_int(value)) {
                    PUSH(Value::from_small_int(value));
                    NEXT_NOTHING_KEPT();
                }
                Value result = object::make_int(*this, value);
                CHECK(result);
                PUSH(result);
                NEXT();
            }
            OPCODE(LOAD_CONST_SMALL_INT_MULTI) : {
                PUSH(Value::from_small_int(
                    static_cast<std::int64_t>(opcode -
                                              byte_of(Opcode::LOAD_CONST_SMALL_INT_MULTI)) -
                    image::small_int_multi_excess));
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_CONST_STRING) : {
                std::uint32_t index = read_var_uint(instruction);
                PUSH(Value::from_interned_string(frame->context->qstr_ids[index]));
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_CONST_OBJ) : {
                std::uint32_t index = read_var_uint(instruction);
                Value constant = load_constant(*this, *frame->context, index);
                CHECK(constant);
                PUSH(constant);
                NEXT();
            }
            OPCODE(LOAD_FAST_N) : {
                local_index = read_var_uint(instruction);
                goto load_fast;
            }
            OPCODE(LOAD_FAST_MULTI) : {
                local_index = opcode - byte_of(Opcode::LOAD_FAST_MULTI);
            load_fast:
                Value value = LOCAL(local_index);
                if (value.is_empty()) {
                    goto unbound_local;
                }
                PUSH(value);
                NEXT_NOTHING_KEPT();
            }
            OPCODE(STORE_FAST_N) : {
                local_index = read_var_uint(instruction);
                goto store_fast;
            }
            OPCODE(STORE_FAST_MULTI) : {
                local_index = opcode - byte_of(Opcode::STORE_FAST_MULTI);
            store_fast:
                LOCAL(local_index) = POP();
                NEXT_NOTHING_KEPT();
            }
            OPCODE(DELETE_FAST) : {
                Value& slot = LOCAL(read_var_uint(instruction));
                if (slot.is_empty()) {
                    goto unbound_local;
                }
                slot = Value::empty();
                NEXT_NOTHING_KEPT();
            }
            OPCODE(LOAD_DEREF) : OPCODE(STORE_DEREF) : OPCODE(DELETE_DEREF) : {
                Value slot = LOCAL(read_var_uint(instruction));
                LEND(lent_ok = access_cell(*this, slot, opcode, lent_top).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(LOAD_NAME) : OPCODE(LOAD_GLOBAL) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                Value value = load_name(*this, *frame, opcode == byte_of(Opcode::LOAD_NAME),
                                        qstr_index, spare_cache);
                CHECK(value);
                PUSH(value);
                NEXT();
            }
            OPCODE(STORE_NAME) : OPCODE(STORE_GLOBAL) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                Value target = name_scope(*frame, opcode == byte_of(Opcode::STORE_NAME));
                object::DictObject* dict = object::as_dict(target);
                if (!cached_store_global(frame->context->name_caches.find_existing(qstr_index),
                                         dict, TOP()) &&
                    !object::dict_store_name(*this, dict, frame->context->qstr_ids[qstr_index],
                                             TOP())) {
                    goto handle_exception;
                }
                --top;
                NEXT();
            }
            OPCODE(DELETE_NAME) : OPCODE(DELETE_GLOBAL) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                Value scope = name_scope(*frame, opcode == byte_of(Opcode::DELETE_NAME));
                if (!delete_name(*this, scope, name)) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(LOAD_ATTR) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                Value result = cached_load_attribute(
                    *this, frame->context->name_caches.find(qstr_index, spare_cache), TOP(),
                    frame->context->qstr_ids[qstr_index]);
                CHECK(result);
                TOP() = result;
                NEXT();
            }
            OPCODE(LOAD_METHOD) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                object::Method method;
                if (!cached_load_method(*this,
                                        frame->context->name_caches.find(qstr_index, spare_cache),
                                        TOP(), frame->context->qstr_ids[qstr_index], method)) {
                    goto handle_exception;
                }
                top[0] = method.function;
                top[1] = method.self;
                ++top;
                NEXT();
            }
            OPCODE(LOAD_SUPER_METHOD) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                LEND(lent_ok = load_super_method(*this, lent_top, name).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(STORE_ATTR) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                if (!cached_store_attribute(
                        *this, frame->context->name_caches.find(qstr_index, spare_cache), top[0],
                        frame->context->qstr_ids[qstr_index], top[-1])) {
                    goto handle_exception;
                }
                top -= 2;
                NEXT();
            }
            OPCODE(LOAD_SUBSCR) : {
                Value result = object::load_subscript(*this, top[-1], top[0]);
                CHECK(result);
                --top;
                TOP() = result;
                NEXT();
            }
            OPCODE(STORE_SUBSCR) : {
                if (!object::store_subscript(*this, top[-1], top[0], top[-2])) {
                    goto handle_exception;
                }
                top -= 3;
                NEXT();
            }
            OPCODE(DUP_TOP) : {
                Value value = TOP();
                PUSH(value);
                NEXT_NOTHING_KEPT();
            }
            OPCODE(DUP_TOP_TWO) : {
                top += 2;
                top[0] = top[-2];
                top[-1] = top[-3];
                NEXT_NOTHING_KEPT();
            }
            OPCODE(POP_TOP) : {
                --top;
                NEXT_NOTHING_KEPT();
            }
            OPCODE(ROT_TWO) : {
                std::swap(top[0], top[-1]);
                NEXT_NOTHING_KEPT();
            }
            OPCODE(ROT_THREE) : {
                Value value = top[0];
                top[0] = top[-1];
                top[-1] = top[-2];
                top[-2] = value;
                NEXT_NOTHING_KEPT();
            }
            OPCODE(JUMP) : {
                std::int32_t offset = read_jump_offset(instruction, true);
                instruction += offset;
                CHARGE_BACKWARD_JUMP(offset < 0);
                NEXT_NOTHING_KEPT();
            }
            OPCODE(POP_JUMP_IF_TRUE) : OPCODE(POP_JUMP_IF_FALSE) : {
                std::int32_t offset = read_jump_offset(instruction, true);
                int truth = truth_of(*this, TOP());
                if (truth < 0) {
                    goto handle_exception;
                }
                --top;
                if ((truth != 0) == (opcode == byte_of(Opcode::POP_JUMP_IF_TRUE))) {
                    instruction += offset;
                    CHARGE_BACKWARD_JUMP(offset < 0);
                }
                NEXT();
            }
            OPCODE(JUMP_IF_TRUE_OR_POP) : OPCODE(JUMP_IF_FALSE_OR_POP) : {
                std::int32_t offset = read_jump_offset(instruction, false);
                int truth = truth_of(*this, TOP());
                if (truth < 0) {
                    goto handle_exception;
                }
                if ((truth != 0) == (opcode == byte_of(Opcode::JUMP_IF_TRUE_OR_POP))) {
                    instruction += offset;
                } else {
                    --top;
                }
                NEXT();
            }
            OPCODE(SETUP_WITH) : {
                const std::int32_t offset = read_jump_offset(instruction, false);
                SAVE_FRAME();
                LEND(lent_ok = enter_with(*this, *frame, lent_top, lent_instruction + offset).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(WITH_CLEANUP) : {
                SAVE_FRAME();
                LEND(lent_ok = exit_with(*this, *frame, lent_top).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(UNWIND_JUMP) : {
                // break or continue out of try, with or for blocks (vm/unwind.cpp).
                bool is_backward = false;
                LEND(lent_instruction =
                         unwind_jump(*frame, lent_top, lent_instruction, is_backward));
                CHARGE_BACKWARD_JUMP(is_backward);
                NEXT();
            }
            OPCODE(SETUP_EXCEPT) : OPCODE(SETUP_FINALLY) : {
                std::int32_t offset = read_jump_offset(instruction, false);
                push_handler(*frame, instruction + offset, top,
                             opcode == byte_of(Opcode::SETUP_FINALLY));
                NEXT();
            }
            OPCODE(END_FINALLY) : {
                // Leaves a finally or with body the way it was entered (vm/unwind.cpp).
                const std::uint8_t* from = instruction;
                FinallyExit exit;
                LEND(exit = end_finally(*this, *frame, lent_top, lent_instruction));
                if (exit == FinallyExit::returns) {
                    goto unwind_return;
                }
                if (exit == FinallyExit::raised) {
                    goto handle_exception;
                }
                CHARGE_BACKWARD_JUMP(instruction < from);
                NEXT();
            }
            OPCODE(POP_EXCEPT_JUMP) : {
                std::int32_t offset = read_jump_offset(instruction, false);
                --frame->handler_count;
                instruction += offset;
                NEXT_NOTHING_KEPT();
            }
            OPCODE(GET_ITER) : {
                Value iterator = object::get_iterator(*this, TOP());
                CHECK(iterator);
                TOP() = iterator;
                NEXT();
            }
            OPCODE(GET_ITER_STACK) : {
                // A for loop's iterator slots (vm/for_loop.hpp).
                if (!start_for_loop(*this, top)) {
                    goto handle_exception;
                }
                top += iterator_slots - 1;
                NEXT();
            }
            OPCODE(FOR_ITER) : {
                std::int32_t offset = read_jump_offset(instruction, false);
                SAVE_FRAME();
                Value* const slots = top + 1 - iterator_slots;
                // A loop over a generator resumes it directly (no iterator slot dispatch).
                Value next = slots[0].is_empty() && is_generator(slots[1])
                                 ? Value(generator_loop_next(
                                       *this, static_cast<GeneratorObject*>(slots[1].as_object())))
                                 : Value(next_for_loop_item(*this, slots));
                CHECK(next);
                if (next.is_stop_iteration()) {
                    top -= iterator_slots;
                    instruction += offset;
                } else {
                    PUSH(next);
                }
                NEXT();
            }
            OPCODE(BUILD_TUPLE) : OPCODE(BUILD_LIST) : {
                std::uint32_t count = read_var_uint(instruction);
                top -= count;
                const std::span<const Value> items(top + 1, count);
                Value sequence = opcode == byte_of(Opcode::BUILD_TUPLE)
                                     ? object::new_tuple(*this, items)
                                     : object::make_list(*this, items);
                CHECK(sequence);
                PUSH(sequence);
                NEXT();
            }
            OPCODE(BUILD_MAP) : {
                read_var_uint(instruction);
                Value dict = object::make_dict(*this);
                CHECK(dict);
                PUSH(dict);
                NEXT();
            }
            OPCODE(STORE_MAP) : {
                LEND(lent_ok = store_map(*this, lent_top).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(BUILD_SET) : {
                std::uint32_t count = read_var_uint(instruction);
                top -= count;
                Value set = build_set(*this, top + 1, count);
                CHECK(set);
                PUSH(set);
                NEXT();
            }
            OPCODE(BUILD_SLICE) : {
                std::uint32_t count = read_var_uint(instruction);
                // May run the subscript that follows as well (vm/slicing.hpp).
                LEND(lent_ok = build_slice(*this, *frame, lent_top, lent_instruction, count).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(STORE_COMP) : {
                const std::uint32_t operand = read_var_uint(instruction);
                LEND(lent_ok = store_comprehension(*this, lent_top, operand).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(UNPACK_SEQUENCE) : {
                std::uint32_t count = read_var_uint(instruction);
                SAVE_FRAME();
                if (!unpack_sequence(*this, top, count)) {
                    goto handle_exception;
                }
                top += static_cast<std::int64_t>(count) - 1;
                NEXT();
            }
            OPCODE(UNPACK_EX) : {
                std::uint32_t operand = read_var_uint(instruction);
                SAVE_FRAME();
                if (!unpack_extended(*this, top, operand)) {
                    goto handle_exception;
                }
                top += (operand & 0xff) + ((operand >> 8) & 0xff);
                NEXT();
            }
            OPCODE(MAKE_FUNCTION)
                : OPCODE(MAKE_FUNCTION_DEFARGS)
                : OPCODE(MAKE_CLOSURE) : OPCODE(MAKE_CLOSURE_DEFARGS) : {
                Value function;
                LEND(function = make_function_from_stack(*this, *frame, opcode, lent_instruction,
                                                         lent_top));
                CHECK(function);
                PUSH(function);
                NEXT();
            }
            OPCODE(CALL_FUNCTION)
                : OPCODE(CALL_METHOD)
                : OPCODE(CALL_FUNCTION_VAR_KW) : OPCODE(CALL_METHOD_VAR_KW) : {
                CallOutcome outcome;
                LEND(outcome = call_instruction(*frame, opcode, lent_instruction, lent_top));
                if (outcome == CallOutcome::raised) {
                    goto handle_exception;
                }
                if (outcome == CallOutcome::pushed_frame) {
                    LOAD_FRAME();
                }
                NEXT();
            }
            OPCODE(RETURN_VALUE) : unwind_return : {
                // A finally body may have to run first (vm/unwind.cpp).
                lent_ok = false;
                if (frame->handler_count > 0) {
                    LEND(lent_ok = return_through_handlers(*frame, lent_top, lent_instruction));
                }
                if (lent_ok) {
                    NEXT();
                }
                // LOAD_NULL's marker is no Python value; callers would read it as "raised".
                const Value result = TOP().is_empty() ? Value::none() : TOP();
                const bool constructed = frame->constructs;
                if (finish_frame()) {
                    release_temporaries(temporaries);
                    return {ExitKind::returned, result};
                }
                LOAD_FRAME();
                if (constructed) [[unlikely]] {
                    // The caller's slot keeps the instance; raised at the call, as type
                    // __call__ raises it.
                    if (!result.is_none()) {
                        object::raise_init_result(*this, result);
                        goto handle_exception;
                    }
                    NEXT();
                }
                TOP() = result;
                NEXT();
            }
            OPCODE(RAISE_LAST) : OPCODE(RAISE_OBJ) : OPCODE(RAISE_FROM) : {
                raise_from_stack(*this, *frame, opcode, top);
                goto handle_exception;
            }
            OPCODE(YIELD_VALUE) : {
                // The common yield, inline: the generator's frame is saved and left.
                if (frame->generator != nullptr) {
                    SAVE_FRAME();
                    return suspend(TOP().is_empty() ? Value::none() : TOP(), temporaries);
                }
                goto yield_general;
            }
            OPCODE(YIELD_FROM) : {
            yield_general:
                // Works on the saved frame: YIELD_FROM may step back to run again on resume.
                SAVE_FRAME();
                Value yielded;
                const YieldStep step =
                    yield_from_stack(*this, *frame, opcode, pending_inject, yielded);
                if (step == YieldStep::suspends) {
                    return suspend(yielded, temporaries);
                }
                LOAD_FRAME();
                if (step == YieldStep::raised) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(LOAD_BUILD_CLASS) : {
                Value build_class = object::dict_find_name(*this, object::as_dict(builtins()),
                                                           object::names::dunder_build_class);
                PUSH(build_class);
                NEXT();
            }
            OPCODE(IMPORT_NAME) : OPCODE(IMPORT_FROM) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                SAVE_FRAME();
                LEND(lent_ok = import_from_stack(*this, opcode, name, lent_top).ok());
                if (!lent_ok) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(IMPORT_STAR) : {
                Value module = POP();
                if (!import_all(*this, module, name_scope(*frame, true))) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(UNARY_OP_MULTI) : {
                SAVE_FRAME();
                Value result = object::unary_operation(
                    *this, static_cast<UnaryOperator>(opcode - byte_of(Opcode::UNARY_OP_MULTI)),
                    TOP());
                CHECK(result);
                TOP() = result;
                NEXT();
            }
            OPCODE(BINARY_OP_MULTI) : {
                const auto operation =
                    static_cast<BinaryOperator>(opcode - byte_of(Opcode::BINARY_OP_MULTI));
                Value result;
                if (top[-1].is_small_int() && top[0].is_small_int()) {
                    result = object::small_int_shortcut(operation, top[-1], top[0]);
                } else if (top[-1].is_double() || top[0].is_double()) {
                    result = object::float_shortcut(*this, operation, top[-1], top[0]);
                }
#if XIPY_VALUE_BITS == 32
                double arithmetic = 0.0;
                if (result.is_empty() &&
                    object::float_arithmetic(operation, top[-1], top[0], arithmetic)) {
                    // A new float box, which make() roots: NEXT() drops it from the root stack.
                    result = object::make_float(*this, arithmetic);
                    CHECK(result);
                    --top;
                    TOP() = result;
                    NEXT();
                }
#endif
                if (result.is_empty()) {
                    SAVE_FRAME();
                    result = object::binary_operation(*this, operation, top[-1], top[0]);
                    CHECK(result);
                    --top;
                    TOP() = result;
                    NEXT();
                }
                // The fast paths answered: they call nothing and root nothing.
                if (result.is_bool() && (*instruction == byte_of(Opcode::POP_JUMP_IF_FALSE) ||
                                         *instruction == byte_of(Opcode::POP_JUMP_IF_TRUE))) {
                    // A comparison the fast paths answered, followed by the conditional jump
                    // that consumes it (a loop or `if` test): the jump runs here, without
                    // pushing the bool and dispatching again. It is still its own instruction
                    // for tracebacks and the step budget.
                    opcode = *instruction;
                    frame->current_instruction = instruction++;
                    COUNT_OPCODE();
                    const std::int32_t offset = read_jump_offset(instruction, true);
                    top -= 2;
                    if (result.is_true_value() == (opcode == byte_of(Opcode::POP_JUMP_IF_TRUE))) {
                        instruction += offset;
                        CHARGE_BACKWARD_JUMP(offset < 0);
                    }
                    NEXT_NOTHING_KEPT();
                }
                --top;
                TOP() = result;
                NEXT_NOTHING_KEPT();
            }
            OPCODE(invalid) : {
                raise_new(&object::not_implemented_error_type, "opcode");
                goto handle_exception;
            }
        }
        // Every body ends in NEXT(), a goto or a return: none falls out of the dispatch.

#if !XIPY_DISPATCH_BY_LABEL
    next_instruction:
        continue;
#endif

    unbound_local:
        raise_unbound_local(*this);
        goto handle_exception;

    handle_exception:
        // Unwinds to the innermost handler that takes the exception (vm/unwind.cpp).
        if (!unwind_exception(base_depth)) {
            release_temporaries(temporaries);
            return {ExitKind::raised, Value::empty()};
        }
        LOAD_FRAME();
        NEXT();
    }
}
#undef PUSH
#undef POP
#undef TOP
#undef SAVE_FRAME
#undef LOAD_FRAME
#undef CHECK
#undef CHARGE_BACKWARD_JUMP
#undef COUNT_OPCODE
#undef BEGIN_INSTRUCTION
#undef OPCODE
#undef NEXT_NOTHING_KEPT
#undef NEXT

}  // namespace xipy::vm
