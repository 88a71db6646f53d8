// The bytecode loop: every v6 opcode, frames without C++ recursion, and exception unwinding.
#include "vm/interpreter.hpp"

#include <algorithm>
#include <vector>

#include "image/opcodes.hpp"
#include "object/cell_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/set_object.hpp"
#include "object/slice_object.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/inline_cache.hpp"
#include "vm/slow_paths.hpp"

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
using object::Arguments;
using object::BinaryOperator;
using object::UnaryOperator;
using object::Value;

namespace {

// Sizes of the per-VM stacks. A frame that does not fit raises
// RuntimeError like too deep a recursion.
constexpr std::size_t value_stack_capacity = 64 * 1024;
constexpr std::size_t handler_stack_capacity = 8 * 1024;

// A for-loop iterator takes this many stack slots (MicroPython's
// MP_OBJ_ITER_BUF_NSLOTS), which UNWIND_JUMP's 0x80 flag drops.
constexpr int iterator_slots = 4;

std::uint32_t read_var_uint(const std::uint8_t*& instruction) {
    std::uint32_t value = 0;
    std::uint8_t byte;
    do {
        byte = *instruction++;
        value = (value << 7) | (byte & 0x7f);
    } while ((byte & 0x80) != 0);
    return value;
}

std::int64_t read_signed_var_int(const std::uint8_t*& instruction) {
    std::uint64_t value = (*instruction & 0x40) != 0 ? ~std::uint64_t{0} : 0;
    std::uint8_t byte;
    do {
        byte = *instruction++;
        value = (value << 7) | (byte & 0x7f);
    } while ((byte & 0x80) != 0);
    return static_cast<std::int64_t>(value);
}

// A jump operand; the result is relative to the end of the operand.
std::int32_t read_jump(const std::uint8_t*& instruction, bool is_signed) {
    std::int32_t offset;
    if ((instruction[0] & 0x80) != 0) {
        offset = (instruction[0] & 0x7f) | (instruction[1] << 7);
        instruction += 2;
        if (is_signed) {
            offset -= 0x4000;
        }
    } else {
        offset = instruction[0];
        instruction += 1;
        if (is_signed) {
            offset -= 0x40;
        }
    }
    return offset;
}

// The cell a LOAD_DEREF / STORE_DEREF / DELETE_DEREF slot holds, or null: the verifier bounds
// the index but cannot know the slot's type, and bytecode may store anything there.
object::CellObject* cell_in(object::Runtime& runtime, Value slot) {
    if (slot.is_object() && slot.as_object()->type() == &object::cell_type) {
        return static_cast<object::CellObject*>(slot.as_object());
    }
    runtime.raise_new(&object::runtime_error_type, "invalid .mpy: closure variable is not a cell");
    return nullptr;
}

// True if `value` is an object of exactly `type` (what BUILD_MAP and the comprehension
// openers made); STORE_MAP and STORE_COMP check it because bytecode may replace the slot.
bool is_exactly(Value value, const object::Type* type) {
    return value.is_object() && value.as_object()->type() == type;
}

// Continues a break/continue that leaves the low 7 bits of `count` blocks towards the bytecode
// offset `target`, with the slot that carries the target on top of the stack. Returns where
// execution continues: a finally body that must run first (its handler records the rest of
// the jump, and the count slot is pushed above the target slot, as in MicroPython's layout),
// or the target itself (after dropping the target slot and, if count's 0x80 flag is set, the
// for-loop iterator).
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
    return frame.code->bytecode.data() + target;
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

constexpr std::uint8_t byte_of(Opcode opcode) { return static_cast<std::uint8_t>(opcode); }

// True if a call with `given` positional arguments and no keywords binds to `function` by
// copying them into its first locals (Interpreter::push_direct_frame): it is no generator, has
// no *args, **kwargs or keyword-only parameters, and its positional parameters are exactly
// its closure's cells plus `given`, so no default applies and no count error is possible.
bool binds_directly(const FunctionObject* function, std::uint32_t given) {
    const image::Prelude& prelude = function->code->prelude;
    constexpr std::uint32_t general_flags =
        scope_generator | scope_var_arguments | scope_var_keywords | scope_default_keywords;
    if ((prelude.scope_flags & general_flags) != 0 || prelude.n_kwonly_args != 0) {
        return false;
    }
    if (!function->closure.is_empty()) {
        given += static_cast<std::uint32_t>(object::as_tuple(function->closure)->span().size());
    }
    return given == prelude.n_pos_args;
}

// Local variable `index` of a frame (MicroPython keeps locals in reverse order).
Value& local_slot(Frame& frame, std::uint32_t index) {
    return frame.state[frame.state_count - 1 - index];
}

// The dict a *_NAME opcode works on: the frame's locals if it has them (module and class
// bodies), else its globals; *_GLOBAL opcodes always use the globals.
Value name_scope(const Frame& frame, bool is_name_opcode) {
    return is_name_opcode && !frame.locals.is_empty() ? frame.locals : frame.globals;
}

void raise_name_not_defined(object::Runtime& runtime, std::uint32_t name) {
    runtime.raise_new(&object::name_error_type,
                      "name '" + std::string(runtime.name_text(name)) + "' isn't defined");
}

// Opens a try/finally/with block whose handler starts at `target`.
void push_handler(Frame& frame, const std::uint8_t* target, Value* top, bool is_finally) {
    ExceptionHandler& handler = frame.handlers[frame.handler_count++];
    handler.handler = target;
    handler.saved_stack_top = top;
    handler.is_finally = is_finally;
    handler.unwind = Unwind::none;
    handler.previous_exception = Value::empty();
}

// `left operation right` for two small ints when the answer needs no allocation and no
// error (comparisons, and +, -, &, |, ^ whose result stays a small int), else empty: the
// common case of loop counters and indices, without a call into the object layer. The
// object layer gives the same answers (int_binary_operation).
Value small_int_operation(BinaryOperator operation, Value left, Value right) {
    const std::int64_t a = left.as_small_int();
    const std::int64_t b = right.as_small_int();
    std::int64_t result;  // 48-bit operands: sums and differences cannot overflow 64 bits
    switch (operation) {
        case BinaryOperator::less:
            return Value::boolean(a < b);
        case BinaryOperator::more:
            return Value::boolean(a > b);
        case BinaryOperator::equal:
            return Value::boolean(a == b);
        case BinaryOperator::less_equal:
            return Value::boolean(a <= b);
        case BinaryOperator::more_equal:
            return Value::boolean(a >= b);
        case BinaryOperator::not_equal:
            return Value::boolean(a != b);
        case BinaryOperator::add:
        case BinaryOperator::inplace_add:
            result = a + b;
            break;
        case BinaryOperator::subtract:
        case BinaryOperator::inplace_subtract:
            result = a - b;
            break;
        case BinaryOperator::and_:
        case BinaryOperator::inplace_and:
            return Value::from_small_int(a & b);
        case BinaryOperator::or_:
        case BinaryOperator::inplace_or:
            return Value::from_small_int(a | b);
        case BinaryOperator::xor_:
        case BinaryOperator::inplace_xor:
            return Value::from_small_int(a ^ b);
        default:
            return Value::empty();
    }
    return Value::fits_small_int(result) ? Value::from_small_int(result) : Value::empty();
}

// object::truth() with the common case, a bool from a comparison, answered inline.
int truth_of(object::Runtime& runtime, Value value) {
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    return object::truth(runtime, value);
}

// Calls the (function, self-or-empty, arguments...) layout LOAD_METHOD and
// SETUP_WITH leave on the stack.
Value call_stacked_method(object::Runtime& runtime, Value* base, std::uint32_t count) {
    if (base[1].is_empty()) {
        return object::call(runtime, base[0], Arguments{base + 2, count, 0});
    }
    return object::call(runtime, base[0], Arguments{base + 1, count + 1, 0});
}

}  // namespace

Interpreter::Interpreter(const object::RuntimeConfig& config, std::vector<std::string> argv,
                         const ModuleRegistry& modules)
    : object::Runtime(config),
      argv_(std::move(argv)),
      module_registry_(modules),
      module_instances_(modules.modules.size()) {
    frames_.reserve(config.max_depth + 8);
    stack_.resize(value_stack_capacity);
    handler_stack_.resize(handler_stack_capacity);
    initialize_builtins(*this);
}

Interpreter::~Interpreter() = default;

void Interpreter::set_step_limit(std::uint64_t limit) {
    step_limit_ = limit == 0 ? UINT64_MAX : limit;
    steps_ = 0;
    step_budget_exhausted_ = false;
}

bool Interpreter::stop_or_interrupt() {
    if (steps_ > step_limit_) {
        // Stays exhausted: code that swallows the error stops again at its next step.
        steps_ = step_limit_;
        step_budget_exhausted_ = true;
        raise_new(&object::runtime_error_type, "step budget exhausted");
        return false;
    }
    if (interrupt_requested_.exchange(false, std::memory_order_relaxed)) {
        raise_type(&object::keyboard_interrupt_type);
        return false;
    }
    return true;
}

bool Interpreter::charge_native_work(std::uint64_t cost) {
    steps_ = cost > UINT64_MAX - steps_ ? UINT64_MAX : steps_ + cost;
    if (steps_ > step_limit_ || interrupt_requested_.load(std::memory_order_relaxed)) {
        return stop_or_interrupt();
    }
    return true;
}

void Interpreter::trace_roots(gc::Tracer& tracer) {
    object::Runtime::trace_roots(tracer);
    for (Frame& frame : frames_) {
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
    for (const auto& context : contexts_) {
        trace_value(tracer, context->globals);
        for (Value constant : context->constants) {
            trace_value(tracer, constant);
        }
        trace_name_caches(context->name_caches, tracer);
    }
    trace_value(tracer, inject_);
    for (const ModuleInstance& instance : module_instances_) {
        trace_value(tracer, instance.module);
        trace_value(tracer, instance.state);
    }
}

bool Interpreter::bind_arguments(FunctionObject* function, Value* state, Arguments arguments) {
    const image::RawCode& code = *function->code;
    const image::Prelude& prelude = code.prelude;
    const std::uint32_t state_count = prelude.n_state;
    const std::uint32_t flags = prelude.scope_flags;
    const std::uint32_t positional_parameters = prelude.n_pos_args;
    const std::uint32_t keyword_only = prelude.n_kwonly_args;
    const std::uint32_t default_count = prelude.n_def_pos_args;
    auto local = [&](std::uint32_t index) -> Value& { return state[state_count - 1 - index]; };

    std::span<const Value> cells;
    if (!function->closure.is_empty()) {
        cells = object::as_tuple(function->closure)->span();
    }
    const auto cell_count = static_cast<std::uint32_t>(cells.size());
    std::uint32_t given = cell_count + arguments.positional_count;
    auto positional = [&](std::uint32_t index) -> Value {
        return index < cell_count ? cells[index] : arguments.values[index - cell_count];
    };
    std::span<const Value> defaults;
    if (!function->defaults.is_empty()) {
        defaults = object::as_tuple(function->defaults)->span();
    }
    auto mismatch = [&](std::uint32_t expected, std::uint32_t actual) {
        raise_new(&object::type_error_type,
                  std::string(name_text(function->name)) + "() takes " + std::to_string(expected) +
                      " positional arguments but " + std::to_string(actual) + " were given");
        return false;
    };

    for (std::uint32_t index = 0; index < state_count; ++index) {
        state[index] = Value::empty();
    }
    std::int64_t extra_slot =
        static_cast<std::int64_t>(state_count) - 1 - positional_parameters - keyword_only;
    if (given > positional_parameters) {
        if ((flags & scope_var_arguments) == 0) {
            return mismatch(positional_parameters, given);
        }
        std::vector<Value> rest;
        for (std::uint32_t index = positional_parameters; index < given; ++index) {
            rest.push_back(positional(index));
        }
        Value tuple = object::new_tuple(*this, rest);
        if (tuple.is_empty()) {
            return false;
        }
        state[extra_slot--] = tuple;
        given = positional_parameters;
    } else {
        if ((flags & scope_var_arguments) != 0) {
            state[extra_slot--] = object::empty_tuple();
        }
        if (arguments.keyword_count == 0 && (flags & scope_default_keywords) == 0) {
            if (given + default_count >= positional_parameters) {
                for (std::uint32_t index = given; index < positional_parameters; ++index) {
                    std::uint32_t default_index = index - (positional_parameters - default_count);
                    local(index) =
                        default_index < defaults.size() ? defaults[default_index] : Value::none();
                }
            } else {
                return mismatch(positional_parameters - default_count, given);
            }
        }
    }
    for (std::uint32_t index = 0; index < given; ++index) {
        local(index) = positional(index);
    }
    if (arguments.keyword_count != 0 || (flags & scope_default_keywords) != 0) {
        Value keywords_dict;
        if ((flags & scope_var_keywords) != 0) {
            keywords_dict = object::make_dict(*this);
            if (keywords_dict.is_empty()) {
                return false;
            }
            state[extra_slot] = keywords_dict;
        }
        std::vector<std::uint32_t> parameter_names;
        if (arguments.keyword_count != 0 || keyword_only != 0) {
            for (std::uint32_t index : function->context->image.argument_name_qstrs(code)) {
                parameter_names.push_back(function->context->qstr_ids[index]);
            }
        }
        for (std::uint32_t keyword = 0; keyword < arguments.keyword_count; ++keyword) {
            Value name = arguments.keyword_name(keyword);
            Value value = arguments.keyword_value(keyword);
            std::uint32_t name_id = name.is_interned_string()
                                        ? name.as_interned_string()
                                        : interned().intern_copy(object::str_view(*this, name));
            bool matched = false;
            for (std::uint32_t index = 0; index < parameter_names.size(); ++index) {
                if (parameter_names[index] == name_id) {
                    if (!local(index).is_empty()) {
                        raise_new(&object::type_error_type,
                                  "function got multiple values for argument '" +
                                      std::string(name_text(name_id)) + "'");
                        return false;
                    }
                    local(index) = value;
                    matched = true;
                    break;
                }
            }
            if (matched) {
                continue;
            }
            if (keywords_dict.is_empty()) {
                raise_new(&object::type_error_type,
                          "unexpected keyword argument '" + std::string(name_text(name_id)) + "'");
                return false;
            }
            object::DictObject* dict = object::as_dict(keywords_dict);
            Value key = Value::from_interned_string(name_id);
            if (!object::dict_find_name(*this, dict, name_id).is_empty()) {
                raise_new(&object::type_error_type, "function got multiple values for argument '" +
                                                        std::string(name_text(name_id)) + "'");
                return false;
            }
            if (!object::dict_store(*this, dict, key, value)) {
                return false;
            }
        }
        // Fill missing positional parameters from the defaults, last first.
        for (std::uint32_t offset = 0; offset < default_count; ++offset) {
            std::uint32_t index = positional_parameters - 1 - offset;
            std::size_t default_index = default_count - 1 - offset;
            if (local(index).is_empty() && default_index < defaults.size()) {
                local(index) = defaults[default_index];
            }
        }
        for (std::uint32_t index = 0; index < positional_parameters; ++index) {
            if (local(index).is_empty()) {
                raise_new(
                    &object::type_error_type,
                    "function missing required positional argument #" + std::to_string(index + 1));
                return false;
            }
        }
        for (std::uint32_t offset = 0; offset < keyword_only; ++offset) {
            std::uint32_t index = positional_parameters + offset;
            if (!local(index).is_empty()) {
                continue;
            }
            Value found;
            if ((flags & scope_default_keywords) != 0 && !function->keyword_defaults.is_empty()) {
                found = object::dict_find_name(*this, object::as_dict(function->keyword_defaults),
                                               parameter_names[index]);
            }
            if (found.is_empty()) {
                raise_new(&object::type_error_type,
                          "function missing required keyword argument '" +
                              std::string(name_text(parameter_names[index])) + "'");
                return false;
            }
            local(index) = found;
        }
    } else {
        if (keyword_only != 0) {
            raise_new(&object::type_error_type, "function missing keyword-only argument");
            return false;
        }
        if ((flags & scope_var_keywords) != 0) {
            Value dict = object::make_dict(*this);
            if (dict.is_empty()) {
                return false;
            }
            state[extra_slot] = dict;
        }
    }
    for (std::uint8_t local_number : code.cells) {
        Value cell = object::make_cell(*this, local(local_number));
        if (cell.is_empty()) {
            return false;
        }
        local(local_number) = cell;
    }
    return true;
}

bool Interpreter::push_frame(Value function_value, Arguments arguments, Value locals,
                             bool returns_to_native) {
    if (!charge_step()) {
        return false;
    }
    if (!enter_call()) {
        return false;
    }
    FunctionObject* function = as_function(function_value);
    const image::Prelude& prelude = function->code->prelude;
    if (std::size_t{stack_used_} + stack_guard_slots + prelude.n_state > stack_.size() ||
        std::size_t{handlers_used_} + prelude.n_exc_stack > handler_stack_.size()) {
        leave_call();
        raise_new(&object::runtime_error_type, "maximum recursion depth exceeded");
        return false;
    }
    for (std::uint32_t index = 0; index < stack_guard_slots; ++index) {
        stack_[stack_used_ + index] = Value::none();
    }
    Value* state = &stack_[stack_used_ + stack_guard_slots];
    if (!bind_arguments(function, state, arguments)) {
        for (std::uint32_t index = 0; index < prelude.n_state; ++index) {
            state[index] = Value::empty();
        }
        leave_call();
        return false;
    }
    Frame frame = start_frame(function_value, state, &handler_stack_[handlers_used_]);
    frame.locals = locals;
    frame.stack_base = stack_used_;
    frame.handler_base = handlers_used_;
    frame.returns_to_native = returns_to_native;
    stack_used_ += stack_guard_slots + prelude.n_state;
    handlers_used_ += prelude.n_exc_stack;
    frames_.push_back(frame);
    return true;
}

bool Interpreter::push_direct_frame(Value function_value, Value first, const Value* values,
                                    std::uint32_t count) {
    if (!charge_step()) {
        return false;
    }
    if (!enter_call()) {
        return false;
    }
    FunctionObject* function = as_function(function_value);
    const image::RawCode& code = *function->code;
    const image::Prelude& prelude = code.prelude;
    const std::uint32_t state_count = prelude.n_state;
    if (std::size_t{stack_used_} + stack_guard_slots + state_count > stack_.size() ||
        std::size_t{handlers_used_} + prelude.n_exc_stack > handler_stack_.size()) {
        leave_call();
        raise_new(&object::runtime_error_type, "maximum recursion depth exceeded");
        return false;
    }
    Value* guard = &stack_[stack_used_];
    for (std::uint32_t index = 0; index < stack_guard_slots; ++index) {
        guard[index] = Value::none();
    }
    Value* state = guard + stack_guard_slots;
    // Locals run downwards from state[state_count - 1]: the parameters fill the top
    // n_pos_args slots, the rest (other locals and the value stack) start empty.
    const std::uint32_t parameters = prelude.n_pos_args;
    for (std::uint32_t index = 0; index < state_count - parameters; ++index) {
        state[index] = Value::empty();
    }
    Value* parameter = state + state_count - 1;
    if (!function->closure.is_empty()) {
        for (Value cell : object::as_tuple(function->closure)->span()) {
            *parameter-- = cell;
        }
    }
    if (!first.is_empty()) {
        *parameter-- = first;
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        *parameter-- = values[index];
    }
    for (std::uint8_t local_number : code.cells) {
        Value& local = state[state_count - 1 - local_number];
        Value cell = object::make_cell(*this, local);
        if (cell.is_empty()) {
            for (std::uint32_t index = 0; index < state_count; ++index) {
                state[index] = Value::empty();
            }
            leave_call();
            return false;
        }
        local = cell;
    }
    Frame& frame = frames_.emplace_back();
    frame.code = &code;
    frame.context = function->context;
    frame.function = function_value;
    frame.globals = function->context->globals;
    frame.instruction = code.bytecode.data();
    frame.current_instruction = frame.instruction;
    frame.state = state;
    frame.stack_top = state - 1;
    frame.handlers = &handler_stack_[handlers_used_];
    frame.state_count = state_count;
    frame.stack_base = stack_used_;
    frame.handler_base = handlers_used_;
    stack_used_ += stack_guard_slots + state_count;
    handlers_used_ += prelude.n_exc_stack;
    return true;
}

Frame Interpreter::start_frame(Value function_value, Value* state, ExceptionHandler* handlers) {
    const FunctionObject* function = as_function(function_value);
    Frame frame;
    frame.code = function->code;
    frame.context = function->context;
    frame.function = function_value;
    frame.globals = function->context->globals;
    frame.instruction = function->code->bytecode.data();
    frame.current_instruction = frame.instruction;
    frame.state = state;
    frame.stack_top = state - 1;
    frame.handlers = handlers;
    frame.state_count = function->code->prelude.n_state;
    return frame;
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
    frame.generator->frame = frame;
    pop_frame();
    release_temporaries(temporaries);
    return {ExitKind::yielded, yielded};
}

void Interpreter::pop_frame() {
    Frame& frame = frames_.back();
    if (frame.generator == nullptr) {
        for (std::uint32_t index = frame.stack_base; index < stack_used_; ++index) {
            stack_[index] = Value::empty();
        }
    }
    stack_used_ = frame.stack_base;
    handlers_used_ = frame.handler_base;
    frames_.pop_back();
    leave_call();
}

Value Interpreter::call_function(Value function, Arguments arguments, Value locals) {
    FunctionObject* callee = as_function(function);
    if (callee->is_generator()) {
        return make_generator(function, arguments);
    }
    if (!enter_native_call()) {
        return Value::empty();
    }
    const bool direct = arguments.keyword_count == 0 && locals.is_empty() &&
                        binds_directly(callee, arguments.positional_count);
    if (direct ? !push_direct_frame(function, Value::empty(), arguments.values,
                                    arguments.positional_count)
               : !push_frame(function, arguments, locals, true)) {
        leave_native_call();
        return Value::empty();
    }
    frames_.back().returns_to_native = true;
    ExecutionResult result = run();
    leave_native_call();
    if (result.kind == ExitKind::raised) {
        return Value::empty();
    }
    keep(result.value);
    return result.value;
}

Value Interpreter::make_generator(Value function_value, Arguments arguments) {
    FunctionObject* function = as_function(function_value);
    const image::Prelude& prelude = function->code->prelude;
    std::size_t extra = (std::size_t{stack_guard_slots} + prelude.n_state) * sizeof(Value) +
                        prelude.n_exc_stack * sizeof(ExceptionHandler);
    auto* generator =
        make<GeneratorObject>(extra, function_value, prelude.n_state, prelude.n_exc_stack);
    if (generator == nullptr) {
        return Value::empty();
    }
    for (std::uint32_t index = 1; index <= stack_guard_slots; ++index) {
        generator->state()[-static_cast<std::ptrdiff_t>(index)] = Value::none();
    }
    for (std::uint32_t index = 0; index < prelude.n_state; ++index) {
        generator->state()[index] = Value::empty();
    }
    for (std::uint32_t index = 0; index < prelude.n_exc_stack; ++index) {
        new (&generator->handler_storage()[index]) ExceptionHandler{};
    }
    if (!bind_arguments(function, generator->state(), arguments)) {
        return Value::empty();
    }
    Frame& frame = generator->frame;
    frame = start_frame(function_value, generator->state(), generator->handler_storage());
    frame.returns_to_native = true;
    frame.generator = generator;
    return Value::from_object(generator);
}

ExecutionResult Interpreter::resume(GeneratorObject* generator, Value send_value,
                                    Value throw_value) {
    switch (generator->run_state) {
        case GeneratorState::running:
            raise_new(&object::value_error_type, "generator already executing");
            return {ExitKind::raised, Value::empty()};
        case GeneratorState::finished:
            if (!throw_value.is_empty()) {
                raise(throw_value);
                return {ExitKind::raised, Value::empty()};
            }
            return {ExitKind::returned, Value::none()};
        case GeneratorState::created:
            if (throw_value.is_empty() && !send_value.is_none()) {
                raise_new(&object::type_error_type,
                          "can't send non-None value to a just-started generator");
                return {ExitKind::raised, Value::empty()};
            }
            break;
        case GeneratorState::suspended:
            *generator->frame.stack_top = send_value;
            break;
    }
    if (!enter_native_call()) {
        return {ExitKind::raised, Value::empty()};
    }
    if (!enter_call()) {
        leave_native_call();
        return {ExitKind::raised, Value::empty()};
    }
    Frame frame = generator->frame;
    frame.stack_base = stack_used_;
    frame.handler_base = handlers_used_;
    frame.returns_to_native = true;
    frames_.push_back(frame);
    generator->run_state = GeneratorState::running;
    inject_ = throw_value;
    ExecutionResult result = run();
    leave_native_call();
    generator->run_state =
        result.kind == ExitKind::yielded ? GeneratorState::suspended : GeneratorState::finished;
    if (result.kind == ExitKind::raised && generator->run_state == GeneratorState::finished) {
        // A generator's own StopIteration would end a loop silently; as in
        // CPython it becomes a RuntimeError instead.
        if (object::is_instance(exception(), &object::stop_iteration_type) &&
            !object::is_instance(throw_value, &object::stop_iteration_type)) {
            raise_new(&object::runtime_error_type, "generator raised StopIteration");
        }
    }
    if (result.kind != ExitKind::raised) {
        keep(result.value);
    }
    return result;
}

ExecutionResult Interpreter::run() {
    const std::size_t base_depth = frames_.size();
    const std::size_t temporaries = temporaries_mark();
    Frame* frame = &frames_.back();
    const std::uint8_t* instruction = frame->instruction;
    Value* top = frame->stack_top;
    Value pending_inject = inject_;
    inject_ = Value::empty();
    std::uint8_t opcode = 0;
    // The local slot of a LOAD_FAST / STORE_FAST, decoded by its _N or _MULTI form.
    std::uint32_t local_index = 0;

#define PUSH(value) (*++top = (value))
#define POP() (*top--)
#define TOP() (*top)
#define SAVE_FRAME()                      \
    do {                                  \
        frame->instruction = instruction; \
        frame->stack_top = top;           \
    } while (0)
#define LOAD_FRAME()                      \
    do {                                  \
        frame = &frames_.back();          \
        instruction = frame->instruction; \
        top = frame->stack_top;           \
    } while (0)
#define CHECK(value)               \
    do {                           \
        if ((value).is_empty()) {  \
            goto handle_exception; \
        }                          \
    } while (0)
// A taken backward jump is a step: it polls the step budget and interrupts.
#define CHARGE_BACKWARD_JUMP(is_backward)      \
    do {                                       \
        if ((is_backward) && !charge_step()) { \
            goto handle_exception;             \
        }                                      \
    } while (0)
#ifndef XIPY_NO_OPCODE_COUNTS
// One increment per instruction; lets tests prove opcode coverage.
#define COUNT_OPCODE() ++opcode_counts_[opcode]
#else
#define COUNT_OPCODE() ((void)0)
#endif
// Ends the previous instruction and fetches the next opcode.
#define BEGIN_INSTRUCTION()                       \
    do {                                          \
        release_temporaries(temporaries);         \
        frame->current_instruction = instruction; \
        opcode = *instruction++;                  \
        COUNT_OPCODE();                           \
    } while (0)
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
#define OPCODE(name) body_##name
#define NEXT()                                                               \
    do {                                                                     \
        BEGIN_INSTRUCTION();                                                 \
        goto* body_labels[static_cast<std::uint8_t>(opcode_bodies[opcode])]; \
    } while (0)
#else
#define OPCODE(name) case OpcodeBody::name
// Not `continue`: inside a body's own loop that would continue the body's loop.
#define NEXT() goto next_instruction
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

    for (;;) {
        BEGIN_INSTRUCTION();
#if XIPY_DISPATCH_BY_LABEL
        goto* body_labels[static_cast<std::uint8_t>(opcode_bodies[opcode])];
        {
#else
        switch (opcode_bodies[opcode]) {
#endif
            OPCODE(LOAD_CONST_FALSE) : {
                PUSH(Value::false_value());
                NEXT();
            }
            OPCODE(LOAD_CONST_NONE) : {
                PUSH(Value::none());
                NEXT();
            }
            OPCODE(LOAD_CONST_TRUE) : {
                PUSH(Value::true_value());
                NEXT();
            }
            OPCODE(LOAD_NULL) : {
                PUSH(Value::empty());
                NEXT();
            }
            OPCODE(LOAD_CONST_SMALL_INT) : {
                std::int64_t value = read_signed_var_int(instruction);
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
                NEXT();
            }
            OPCODE(LOAD_CONST_STRING) : {
                std::uint32_t index = read_var_uint(instruction);
                PUSH(Value::from_interned_string(frame->context->qstr_ids[index]));
                NEXT();
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
                Value value = local_slot(*frame, local_index);
                if (value.is_empty()) {
                    goto unbound_local;
                }
                PUSH(value);
                NEXT();
            }
            OPCODE(STORE_FAST_N) : {
                local_index = read_var_uint(instruction);
                goto store_fast;
            }
            OPCODE(STORE_FAST_MULTI) : {
                local_index = opcode - byte_of(Opcode::STORE_FAST_MULTI);
            store_fast:
                local_slot(*frame, local_index) = POP();
                NEXT();
            }
            OPCODE(DELETE_FAST) : {
                Value& slot = local_slot(*frame, read_var_uint(instruction));
                if (slot.is_empty()) {
                    goto unbound_local;
                }
                slot = Value::empty();
                NEXT();
            }
            OPCODE(LOAD_DEREF) : OPCODE(STORE_DEREF) : OPCODE(DELETE_DEREF) : {
                object::CellObject* cell =
                    cell_in(*this, local_slot(*frame, read_var_uint(instruction)));
                if (cell == nullptr) {
                    goto handle_exception;
                }
                if (opcode == byte_of(Opcode::STORE_DEREF)) {
                    cell->value = POP();
                    NEXT();
                }
                if (cell->value.is_empty()) {
                    goto unbound_local;
                }
                if (opcode == byte_of(Opcode::LOAD_DEREF)) {
                    PUSH(cell->value);
                } else {
                    cell->value = Value::empty();
                }
                NEXT();
            }
            OPCODE(LOAD_NAME) : OPCODE(LOAD_GLOBAL) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                std::uint32_t name = frame->context->qstr_ids[qstr_index];
                Value value;
                if (opcode == byte_of(Opcode::LOAD_NAME) && !frame->locals.is_empty()) {
                    value = object::dict_find_name(*this, object::as_dict(frame->locals), name);
                }
                // inline caches
                if (value.is_empty()) {
                    value = cached_load_global(*this, frame->context->name_caches[qstr_index],
                                               object::as_dict(frame->globals),
                                               object::as_dict(builtins()), name);
                }
                if (value.is_empty()) {
                    raise_name_not_defined(*this, name);
                    goto handle_exception;
                }
                PUSH(value);
                NEXT();
            }
            OPCODE(STORE_NAME) : OPCODE(STORE_GLOBAL) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                Value target = name_scope(*frame, opcode == byte_of(Opcode::STORE_NAME));
                if (!object::dict_store_name(*this, object::as_dict(target), name, TOP())) {
                    goto handle_exception;
                }
                --top;
                NEXT();
            }
            OPCODE(DELETE_NAME) : OPCODE(DELETE_GLOBAL) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                Value target = name_scope(*frame, opcode == byte_of(Opcode::DELETE_NAME));
                Value removed;
                if (!object::dict_remove(*this, object::as_dict(target),
                                         Value::from_interned_string(name), &removed)) {
                    goto handle_exception;
                }
                if (removed.is_empty()) {
                    raise_name_not_defined(*this, name);
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(LOAD_ATTR) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                Value result = cached_load_attribute(*this, frame->context->name_caches[qstr_index],
                                                     TOP(), frame->context->qstr_ids[qstr_index]);
                CHECK(result);
                TOP() = result;
                NEXT();
            }
            OPCODE(LOAD_METHOD) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                object::Method method;
                if (!cached_load_method(*this, frame->context->name_caches[qstr_index], TOP(),
                                        frame->context->qstr_ids[qstr_index], method)) {
                    goto handle_exception;
                }
                top[0] = method.function;
                top[1] = method.self;
                ++top;
                NEXT();
            }
            OPCODE(LOAD_SUPER_METHOD) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                --top;
                // mpy-cross passes the __class__ cell's value; a hostile file may not.
                if (!object::is_type(top[0])) {
                    raise_new(&object::type_error_type, "super() argument 1 must be type");
                    goto handle_exception;
                }
                Value destination[2];
                if (!object::super_load_method(*this, top[0], top[1], name, destination)) {
                    goto handle_exception;
                }
                top[-1] = destination[0];
                top[0] = destination[1];
                NEXT();
            }
            OPCODE(STORE_ATTR) : {
                const std::uint32_t qstr_index = read_var_uint(instruction);
                if (!cached_store_attribute(*this, frame->context->name_caches[qstr_index], top[0],
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
                NEXT();
            }
            OPCODE(DUP_TOP_TWO) : {
                top += 2;
                top[0] = top[-2];
                top[-1] = top[-3];
                NEXT();
            }
            OPCODE(POP_TOP) : {
                --top;
                NEXT();
            }
            OPCODE(ROT_TWO) : {
                std::swap(top[0], top[-1]);
                NEXT();
            }
            OPCODE(ROT_THREE) : {
                Value value = top[0];
                top[0] = top[-1];
                top[-1] = top[-2];
                top[-2] = value;
                NEXT();
            }
            OPCODE(JUMP) : {
                std::int32_t offset = read_jump(instruction, true);
                instruction += offset;
                CHARGE_BACKWARD_JUMP(offset < 0);
                NEXT();
            }
            OPCODE(POP_JUMP_IF_TRUE) : OPCODE(POP_JUMP_IF_FALSE) : {
                std::int32_t offset = read_jump(instruction, true);
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
                std::int32_t offset = read_jump(instruction, false);
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
                std::int32_t offset = read_jump(instruction, false);
                Value manager = TOP();
                object::Method exit_method;
                if (!object::load_method(*this, manager, object::names::dunder_exit, exit_method)) {
                    goto handle_exception;
                }
                object::Method enter_method;
                if (!object::load_method(*this, manager, object::names::dunder_enter,
                                         enter_method)) {
                    goto handle_exception;
                }
                top[0] = exit_method.function;
                top[1] = exit_method.self;
                top[2] = enter_method.function;
                top[3] = enter_method.self;
                SAVE_FRAME();
                Value entered = call_stacked_method(*this, top + 2, 0);
                CHECK(entered);
                ++top;
                push_handler(*frame, instruction + offset, top, true);
                PUSH(entered);
                NEXT();
            }
            OPCODE(WITH_CLEANUP) : {
                SAVE_FRAME();
                if (frame->handler_count == 0) {
                    raise_new(&object::runtime_error_type,
                              "invalid .mpy: WITH_CLEANUP outside a with block");
                    goto handle_exception;
                }
                // The with block's handler entry is still open; END_FINALLY closes it.
                const Unwind unwinding = frame->handlers[frame->handler_count - 1].unwind;
                if (unwinding != Unwind::none) {
                    // Leaving by return/break/continue: __exit__(None, None, None) and
                    // the two unwind slots move down over the method.
                    Value data = top[-1];
                    Value cause = top[0];
                    top[-1] = Value::none();
                    top[0] = Value::none();
                    top[1] = Value::none();
                    Value result = call_stacked_method(*this, top - 3, 3);
                    CHECK(result);
                    top[-3] = data;
                    top[-2] = cause;
                    top -= 2;
                } else if (TOP().is_none()) {
                    top[1] = Value::none();
                    top[2] = Value::none();
                    top -= 2;
                    Value result = call_stacked_method(*this, top, 3);
                    CHECK(result);
                    TOP() = Value::none();
                } else {
                    top[1] = top[0];
                    top[0] = Value::from_object(object::type_of(top[0]));
                    top[2] = Value::none();
                    top -= 2;
                    Value result = call_stacked_method(*this, top, 3);
                    CHECK(result);
                    int truth = object::truth(*this, result);
                    if (truth < 0) {
                        goto handle_exception;
                    }
                    if (truth != 0) {
                        TOP() = Value::none();
                    } else {
                        top[0] = top[3];
                    }
                }
                NEXT();
            }
            OPCODE(UNWIND_JUMP) : {
                std::int32_t offset = read_jump(instruction, true);
                std::uint8_t count = *instruction++;
                // The target is relative to the end of the jump operand.
                const std::uint8_t* target = instruction - 1 + offset;
                // The slot MicroPython keeps the target in; see ExceptionHandler.
                PUSH(Value::none());
                instruction = continue_unwind(
                    *frame, top, static_cast<std::uint32_t>(target - frame->code->bytecode.data()),
                    count, instruction);
                CHARGE_BACKWARD_JUMP(offset < 0);
                NEXT();
            }
            OPCODE(SETUP_EXCEPT) : OPCODE(SETUP_FINALLY) : {
                std::int32_t offset = read_jump(instruction, false);
                push_handler(*frame, instruction + offset, top,
                             opcode == byte_of(Opcode::SETUP_FINALLY));
                NEXT();
            }
            OPCODE(END_FINALLY) : {
                const ExceptionHandler closing = frame->handlers[--frame->handler_count];
                if (closing.unwind == Unwind::returning) {
                    --top;  // the return value is under the unwind slot
                    goto unwind_return;
                }
                if (closing.unwind == Unwind::jumping) {
                    --top;  // the count slot; the target slot is now on top
                    const std::uint8_t* from = instruction;
                    instruction = continue_unwind(*frame, top, closing.unwind_target,
                                                  closing.unwind_count, instruction);
                    CHARGE_BACKWARD_JUMP(instruction < from);
                } else if (TOP().is_none()) {
                    --top;
                } else {
                    // An exception to re-raise; raise() turns any other value a hostile
                    // file left there into a TypeError.
                    raise(TOP());
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(POP_EXCEPT_JUMP) : {
                std::int32_t offset = read_jump(instruction, false);
                --frame->handler_count;
                instruction += offset;
                NEXT();
            }
            OPCODE(GET_ITER) : OPCODE(GET_ITER_STACK) : {
                Value iterator = object::get_iterator(*this, TOP());
                CHECK(iterator);
                if (opcode == byte_of(Opcode::GET_ITER)) {
                    TOP() = iterator;
                    NEXT();
                }
                // MicroPython's layout: an empty slot, then the iterator.
                top[0] = Value::empty();
                top[1] = iterator;
                top[2] = Value::none();
                top[3] = Value::none();
                top += iterator_slots - 1;
                NEXT();
            }
            OPCODE(FOR_ITER) : {
                std::int32_t offset = read_jump(instruction, false);
                SAVE_FRAME();
                Value next = object::iterate_next(*this, top[2 - iterator_slots]);
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
                if (!is_exactly(top[-2], &object::dict_type)) {
                    raise_new(&object::type_error_type, "invalid .mpy: STORE_MAP needs a dict");
                    goto handle_exception;
                }
                top -= 2;
                if (!object::dict_store(*this, object::as_dict(top[0]), top[2], top[1])) {
                    goto handle_exception;
                }
                NEXT();
            }
            OPCODE(BUILD_SET) : {
                std::uint32_t count = read_var_uint(instruction);
                Value set = object::make_set(*this, &object::set_type);
                CHECK(set);
                Value* first = top + 1 - static_cast<std::int64_t>(count);
                for (std::uint32_t index = 0; index < count; ++index) {
                    if (!object::set_add(*this, set, first[index])) {
                        goto handle_exception;
                    }
                }
                top -= count;
                PUSH(set);
                NEXT();
            }
            OPCODE(BUILD_SLICE) : {
                std::uint32_t count = read_var_uint(instruction);
                Value step = count == 3 ? POP() : Value::none();
                Value stop = POP();
                Value slice = object::make_slice(*this, TOP(), stop, step);
                CHECK(slice);
                TOP() = slice;
                NEXT();
            }
            OPCODE(STORE_COMP) : {
                std::uint32_t operand = read_var_uint(instruction);
                Value container = top[-static_cast<std::int64_t>(operand >> 2)];
                const object::Type* expected = (operand & 3) == 0   ? &object::list_type
                                               : (operand & 3) == 1 ? &object::dict_type
                                                                    : &object::set_type;
                if (!is_exactly(container, expected)) {
                    raise_new(&object::type_error_type,
                              "invalid .mpy: STORE_COMP's container has the wrong type");
                    goto handle_exception;
                }
                switch (operand & 3) {
                    case 0:
                        if (!object::list_append(*this, container, top[0])) {
                            goto handle_exception;
                        }
                        --top;
                        break;
                    case 1:
                        if (!object::dict_store(*this, object::as_dict(container), top[0],
                                                top[-1])) {
                            goto handle_exception;
                        }
                        top -= 2;
                        break;
                    default:
                        if (!object::set_add(*this, container, top[0])) {
                            goto handle_exception;
                        }
                        --top;
                        break;
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
                std::uint32_t child = read_var_uint(instruction);
                std::uint32_t closed = 0;
                bool with_defaults = opcode == byte_of(Opcode::MAKE_FUNCTION_DEFARGS) ||
                                     opcode == byte_of(Opcode::MAKE_CLOSURE_DEFARGS);
                if (opcode == byte_of(Opcode::MAKE_CLOSURE) ||
                    opcode == byte_of(Opcode::MAKE_CLOSURE_DEFARGS)) {
                    closed = *instruction++;
                }
                top -= closed;
                Value* cells = top + 1;
                Value defaults;
                Value keyword_defaults;
                if (with_defaults) {
                    keyword_defaults = POP();
                    defaults = POP();
                }
                Value function = make_function(*this, *frame, child, defaults, keyword_defaults,
                                               std::span<const Value>(cells, closed));
                CHECK(function);
                PUSH(function);
                NEXT();
            }
            OPCODE(CALL_FUNCTION)
                : OPCODE(CALL_METHOD)
                : OPCODE(CALL_FUNCTION_VAR_KW) : OPCODE(CALL_METHOD_VAR_KW) : {
                std::uint32_t operand = read_var_uint(instruction);
                std::uint32_t positional = operand & 0xff;
                std::uint32_t keywords = (operand >> 8) & 0xff;
                bool is_method = opcode == byte_of(Opcode::CALL_METHOD) ||
                                 opcode == byte_of(Opcode::CALL_METHOD_VAR_KW);
                bool has_star = opcode == byte_of(Opcode::CALL_FUNCTION_VAR_KW) ||
                                opcode == byte_of(Opcode::CALL_METHOD_VAR_KW);
                top -= positional + 2 * keywords + (is_method ? 1 : 0) + (has_star ? 1 : 0);
                // top now points at the callable; the result replaces it.
                Value* slot = top;
                if (!has_star && keywords == 0) {
                    // The common call: positional arguments only, to a Python function (or
                    // a bound method of one) whose parameters they fill exactly. Anything
                    // else, including every call that raises a binding error, takes the
                    // general path below.
                    Value callable = slot[0];
                    const Value* values = slot + 1;
                    std::uint32_t count = positional;
                    if (is_method) {
                        if (slot[1].is_empty()) {
                            ++values;
                        } else {
                            ++count;
                        }
                    }
                    Value first;
                    if (callable.is_object() &&
                        callable.as_object()->type() == &object::bound_method_type) {
                        auto* bound = static_cast<object::BoundMethodObject*>(callable.as_object());
                        first = bound->self;
                        callable = bound->function;
                    }
                    if (is_function(callable) &&
                        binds_directly(as_function(callable), count + (first.is_empty() ? 0 : 1))) {
                        top = slot;
                        SAVE_FRAME();
                        if (!push_direct_frame(callable, first, values, count)) {
                            goto handle_exception;
                        }
                        LOAD_FRAME();
                        goto next_instruction;
                    }
                }
                Value callable = slot[0];
                Arguments arguments;
                std::vector<Value> expanded;
                if (has_star) {
                    Value* first = slot + 1 + (is_method ? 1 : 0);
                    Value self = is_method ? slot[1] : Value::empty();
                    SAVE_FRAME();
                    if (!expand_star_arguments(*this, self, first, positional, keywords,
                                               first[positional + 2 * keywords], expanded,
                                               arguments)) {
                        goto handle_exception;
                    }
                } else if (is_method && !slot[1].is_empty()) {
                    arguments = Arguments{slot + 1, positional + 1, keywords};
                } else {
                    arguments = Arguments{slot + 1 + (is_method ? 1 : 0), positional, keywords};
                }
                // mpy-cross only names keywords with strings, but a hostile file may put
                // anything there, and every callee reads the names as str.
                for (std::uint32_t keyword = 0; keyword < arguments.keyword_count; ++keyword) {
                    if (!object::is_str(arguments.keyword_name(keyword))) {
                        raise_new(&object::type_error_type, "keywords must be strings");
                        goto handle_exception;
                    }
                }
                // Python functions run in this loop, without C++ recursion.
                Value self_argument;
                if (object::type_of(callable) == &object::bound_method_type) {
                    auto* bound = static_cast<object::BoundMethodObject*>(callable.as_object());
                    if (is_function(bound->function) &&
                        !as_function(bound->function)->is_generator()) {
                        self_argument = bound->self;
                        callable = bound->function;
                    }
                }
                if (is_function(callable) && !as_function(callable)->is_generator()) {
                    std::vector<Value> with_self;
                    if (!self_argument.is_empty()) {
                        std::uint32_t total =
                            arguments.positional_count + 2 * arguments.keyword_count;
                        with_self.reserve(total + 1);
                        with_self.push_back(self_argument);
                        with_self.insert(with_self.end(), arguments.values,
                                         arguments.values + total);
                        arguments = Arguments{with_self.data(), arguments.positional_count + 1,
                                              arguments.keyword_count};
                    }
                    top = slot;
                    SAVE_FRAME();
                    if (!push_frame(callable, arguments, Value::empty(), false)) {
                        goto handle_exception;
                    }
                    LOAD_FRAME();
                    goto next_instruction;
                }
                SAVE_FRAME();
                Value result = object::call(*this, callable, arguments);
                top = slot;
                CHECK(result);
                TOP() = result;
                goto next_instruction;
            }
            OPCODE(RETURN_VALUE) : unwind_return : {
                while (frame->handler_count > 0) {
                    ExceptionHandler& handler = frame->handlers[frame->handler_count - 1];
                    if (handler.is_finally) {
                        if (handler.handler >= instruction) {
                            // Run the finally body first; END_FINALLY returns.
                            Value* finally_top = handler.saved_stack_top;
                            finally_top[1] = top[0];
                            top = finally_top + 1;
                            PUSH(Value::none());  // the unwind slot; see ExceptionHandler
                            handler.unwind = Unwind::returning;
                            instruction = handler.handler;
                            NEXT();
                        }
                        cancel_active_finally(handler, top);
                    }
                    --frame->handler_count;
                }
                Value result = TOP();
                if (result.is_empty()) {
                    // LOAD_NULL's marker is no Python value; callers read it as "raised".
                    result = Value::none();
                }
                if (finish_frame()) {
                    release_temporaries(temporaries);
                    return {ExitKind::returned, result};
                }
                LOAD_FRAME();
                TOP() = result;
                NEXT();
            }
            OPCODE(RAISE_LAST) : {
                Value last;
                for (std::uint32_t index = frame->handler_count; index > 0; --index) {
                    if (!frame->handlers[index - 1].previous_exception.is_empty()) {
                        last = frame->handlers[index - 1].previous_exception;
                        break;
                    }
                }
                if (last.is_empty()) {
                    raise_new(&object::runtime_error_type, "no active exception to reraise");
                } else {
                    set_exception(last);
                }
                goto handle_exception;
            }
            OPCODE(RAISE_OBJ) : {
                raise(TOP());
                goto handle_exception;
            }
            OPCODE(RAISE_FROM) : {
                --top;
                raise(TOP());
                goto handle_exception;
            }
            OPCODE(YIELD_VALUE) : OPCODE(YIELD_FROM) : {
                if (frame->generator == nullptr) {
                    raise_new(&object::runtime_error_type,
                              "invalid .mpy: yield outside a generator");
                    goto handle_exception;
                }
                if (opcode == byte_of(Opcode::YIELD_VALUE)) {
                    SAVE_FRAME();
                    return suspend(TOP().is_empty() ? Value::none() : TOP(), temporaries);
                }
                Value send_value = POP();
                Value thrown = pending_inject;
                pending_inject = Value::empty();
                SAVE_FRAME();
                DelegationResult delegated = delegate(*this, TOP(), send_value, thrown);
                if (delegated.kind == ExitKind::yielded) {
                    // Run YIELD_FROM again when resumed, with the sent value.
                    --instruction;
                    PUSH(delegated.value);
                    SAVE_FRAME();
                    return suspend(delegated.value, temporaries);
                }
                if (delegated.kind == ExitKind::returned) {
                    TOP() = delegated.value;
                    if (!thrown.is_empty() &&
                        object::is_instance(thrown, &object::generator_exit_type)) {
                        raise(thrown);
                        goto handle_exception;
                    }
                    NEXT();
                }
                --top;
                goto handle_exception;
            }
            OPCODE(LOAD_BUILD_CLASS) : {
                Value build_class = object::dict_find_name(*this, object::as_dict(builtins()),
                                                           object::names::dunder_build_class);
                PUSH(build_class);
                NEXT();
            }
            OPCODE(IMPORT_NAME) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                --top;
                SAVE_FRAME();
                Value module = import_module(Value::from_interned_string(name));
                CHECK(module);
                TOP() = module;
                NEXT();
            }
            OPCODE(IMPORT_FROM) : {
                std::uint32_t name = frame->context->qstr_ids[read_var_uint(instruction)];
                Value value = object::find_attribute(*this, TOP(), name);
                if (value.is_empty()) {
                    if (!has_exception()) {
                        raise_new(&object::import_error_type,
                                  "cannot import name " + std::string(name_text(name)));
                    }
                    goto handle_exception;
                }
                PUSH(value);
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
                    result = small_int_operation(operation, top[-1], top[0]);
                }
                if (result.is_empty()) {
                    SAVE_FRAME();
                    result = object::binary_operation(*this, operation, top[-1], top[0]);
                    CHECK(result);
                }
                --top;
                TOP() = result;
                NEXT();
            }
            OPCODE(invalid) : {
                raise_new(&object::not_implemented_error_type, "opcode");
                goto handle_exception;
            }
        }
        // Every body ends in NEXT(), a goto or a return: none falls out of the dispatch.

    next_instruction:
        // Bodies whose locals have destructors come here: an indirect goto may not leave them.
#if XIPY_DISPATCH_BY_LABEL
        NEXT();
#else
        continue;
#endif

    unbound_local:
        raise_new(&object::name_error_type, "local variable referenced before assignment");
        goto handle_exception;

    handle_exception : {
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
        const std::uint8_t* where = frame->current_instruction;
        const std::uint8_t op = *where;
        if (op != byte_of(Opcode::END_FINALLY) && op != byte_of(Opcode::RAISE_LAST)) {
            auto offset = static_cast<std::uint32_t>(where - frame->code->bytecode.data());
            std::uint32_t line = frame->context->image.line_for_offset(*frame->code, offset);
            object::add_traceback(*this, exception_value, frame->context->source_file, line,
                                  frame->context->qstr_ids[frame->code->name_qstr]);
            if (has_exception()) {
                exception_value = take_exception();
            }
        }
        while (frame->handler_count > 0 &&
               frame->handlers[frame->handler_count - 1].handler <= where) {
            --frame->handler_count;
        }
        if (step_budget_exhausted_) {
            // The step-budget stop is uncatchable: no except, finally or with body runs.
            frame->handler_count = 0;
        }
        if (frame->handler_count > 0) {
            ExceptionHandler& handler = frame->handlers[frame->handler_count - 1];
            instruction = handler.handler;
            top = handler.saved_stack_top;
            handler.unwind = Unwind::none;
            handler.previous_exception = exception_value;
            PUSH(exception_value);
            NEXT();
        }
        const bool to_native = finish_frame();
        set_exception(exception_value);
        if (to_native || frames_.size() < base_depth) {
            release_temporaries(temporaries);
            return {ExitKind::raised, Value::empty()};
        }
        LOAD_FRAME();
        goto handle_exception;
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
#undef NEXT
}

}  // namespace xipy::vm
