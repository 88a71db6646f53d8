// The general call path: argument binding, frame pushing, generators and calls from native code.
#include <vector>

#include "image/opcodes.hpp"
#include "object/cell_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"
#include "vm/call.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"

namespace xipy::vm {

using object::Arguments;
using object::Value;

object::Status Interpreter::bind_arguments(FunctionObject* function, Value* state,
                                           Arguments arguments) {
    const image::RawCode& code = *function->code;
    const image::Prelude& prelude = code.prelude;
    const std::uint32_t state_count = prelude.n_state;
    const std::uint32_t flags = prelude.scope_flags;
    const std::uint32_t positional_parameters = prelude.n_pos_args;
    const std::uint32_t keyword_only = prelude.n_kwonly_args;
    const std::uint32_t default_count = prelude.n_def_pos_args;
    auto local = [&](std::uint32_t index) -> Value& { return state[state_count - 1 - index]; };

    std::span<const Value> cells = function->cells();
    const auto cell_count = static_cast<std::uint32_t>(cells.size());
    std::uint32_t given = cell_count + arguments.positional_count;
    auto positional = [&](std::uint32_t index) -> Value {
        return index < cell_count ? cells[index] : arguments.values[index - cell_count];
    };
    std::span<const Value> defaults;
    if (Value tuple = function->defaults(); !tuple.is_empty()) {
        defaults = object::as_tuple(tuple)->span();
    }
    auto mismatch = [&](std::uint32_t expected, std::uint32_t actual) {
        raise_joined(&object::type_error_type,
                     {name_text(function->name), "() takes ", DecimalText(expected),
                      " positional arguments but ", DecimalText(actual), " were given"});
        return false;
    };

    for (std::uint32_t index = 0; index < state_count; ++index) {
        state[index] = Value::empty();
    }
    std::int64_t extra_slot =
        static_cast<std::int64_t>(state_count) - 1 - positional_parameters - keyword_only;
    if (given > positional_parameters) {
        if ((flags & image::format::scope_flag_varargs) == 0) {
            return mismatch(positional_parameters, given);
        }
        // The extra arguments go straight into the tuple (nothing allocates while it fills).
        object::TupleObject* rest =
            object::new_tuple_uninitialized(*this, given - positional_parameters);
        if (rest == nullptr) {
            return false;
        }
        for (std::uint32_t index = positional_parameters; index < given; ++index) {
            rest->items()[index - positional_parameters] = positional(index);
        }
        Value tuple = Value::from_object(rest);
        state[extra_slot--] = tuple;
        given = positional_parameters;
    } else {
        if ((flags & image::format::scope_flag_varargs) != 0) {
            state[extra_slot--] = object::empty_tuple();
        }
        if (arguments.keyword_count == 0 &&
            (flags & image::format::scope_flag_default_keyword_arguments) == 0) {
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
    if (arguments.keyword_count != 0 ||
        (flags & image::format::scope_flag_default_keyword_arguments) != 0) {
        Value keywords_dict;
        if ((flags & image::format::scope_flag_varkeywords) != 0) {
            keywords_dict = object::make_dict(*this);
            if (keywords_dict.is_empty()) {
                return false;
            }
            state[extra_slot] = keywords_dict;
        }
        support::SmallVector<std::uint32_t, 16> parameter_names(scratch_memory());
        if (arguments.keyword_count != 0 || keyword_only != 0) {
            bool room = true;
            ModuleContext& context = *function->context;
            context.image.visit_argument_names(code, [&](std::uint32_t index) {
                room = room && parameter_names.push_back(context.qstr_id(index));
            });
            if (!room) {
                raise_memory_error();
                return false;
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
                        raise_joined(&object::type_error_type,
                                     {"function got multiple values for argument '",
                                      name_text(name_id), "'"});
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
                raise_joined(&object::type_error_type,
                             {"unexpected keyword argument '", name_text(name_id), "'"});
                return false;
            }
            object::DictObject* dict = object::as_dict(keywords_dict);
            Value key = Value::from_interned_string(name_id);
            if (!object::dict_find_name(*this, dict, name_id).is_empty()) {
                raise_joined(
                    &object::type_error_type,
                    {"function got multiple values for argument '", name_text(name_id), "'"});
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
                raise_joined(
                    &object::type_error_type,
                    {"function missing required positional argument #", DecimalText(index + 1)});
                return false;
            }
        }
        for (std::uint32_t offset = 0; offset < keyword_only; ++offset) {
            std::uint32_t index = positional_parameters + offset;
            if (!local(index).is_empty()) {
                continue;
            }
            Value found;
            const Value keyword_defaults = function->keyword_defaults();
            if ((flags & image::format::scope_flag_default_keyword_arguments) != 0 &&
                !keyword_defaults.is_empty()) {
                found = object::dict_find_name(*this, object::as_dict(keyword_defaults),
                                               parameter_names[index]);
            }
            if (found.is_empty()) {
                raise_joined(&object::type_error_type,
                             {"function missing required keyword argument '",
                              name_text(parameter_names[index]), "'"});
                return false;
            }
            local(index) = found;
        }
    } else {
        if (keyword_only != 0) {
            raise_new(&object::type_error_type, "function missing keyword-only argument");
            return false;
        }
        if ((flags & image::format::scope_flag_varkeywords) != 0) {
            Value dict = object::make_dict(*this);
            if (dict.is_empty()) {
                return false;
            }
            state[extra_slot] = dict;
        }
    }
    for (std::uint8_t local_number : function->context->image.cells(code)) {
        Value cell = object::make_cell(*this, local(local_number));
        if (cell.is_empty()) {
            return false;
        }
        local(local_number) = cell;
    }
    return true;
}

object::Status Interpreter::push_frame(Value function_value, Arguments arguments, Value locals,
                                       bool returns_to_native) {
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
    const image::Prelude& prelude = function->code->prelude;
    const std::uint32_t stack_base = values_.top();
    const std::uint32_t handler_base = handlers_.top();
    Value* state = nullptr;
    ExceptionHandler* handlers = nullptr;
    if (!push_frame_memory(prelude, state, handlers)) {
        leave_call();
        return object::Raised{};
    }
    if (!bind_arguments(function, state, arguments)) {
        for (std::uint32_t index = 0; index < prelude.n_state; ++index) {
            state[index] = Value::empty();
        }
        values_.pop_to(stack_base);
        handlers_.pop_to(handler_base);
        leave_call();
        return object::Raised{};
    }
    Frame frame = start_frame(function_value, state, handlers);
    frame.locals = locals;
    frame.stack_base = stack_base;
    frame.handler_base = handler_base;
    frame.returns_to_native = returns_to_native;
    frames_.push_back(frame);
    return object::succeeded();
}

Frame Interpreter::start_frame(Value function_value, Value* state, ExceptionHandler* handlers) {
    const FunctionObject* function = as_function(function_value);
    Frame frame;
    frame.code = function->code;
    frame.context = function->context;
    frame.function = function_value;
    frame.globals = function->context->globals;
    frame.instruction = function->context->image.bytecode(*function->code).data();
    frame.current_instruction = frame.instruction;
    frame.state = state;
    frame.stack_top = state - 1;
    frame.handlers = handlers;
    frame.state_count = function->code->prelude.n_state;
    return frame;
}

CallOutcome Interpreter::call_from_stack(Value* slot, std::uint32_t positional,
                                         std::uint32_t keywords, bool is_method, bool has_star) {
    Value callable = slot[0];
    Arguments arguments;
    ArgumentValues expanded(scratch_memory());
    if (has_star) {
        Value* first = slot + 1 + (is_method ? 1 : 0);
        Value self = is_method ? slot[1] : Value::empty();
        if (!expand_star_arguments(*this, self, first, positional, keywords,
                                   first[positional + 2 * keywords], expanded, arguments)) {
            return CallOutcome::raised;
        }
    } else if (is_method && !slot[1].is_empty()) {
        arguments = Arguments{slot + 1, positional + 1, keywords};
    } else {
        arguments = Arguments{slot + 1 + (is_method ? 1 : 0), positional, keywords};
    }
    // mpy-cross only names keywords with strings, but a hostile file may put anything there,
    // and every callee reads the names as str.
    for (std::uint32_t keyword = 0; keyword < arguments.keyword_count; ++keyword) {
        if (!object::is_str(arguments.keyword_name(keyword))) {
            raise_new(&object::type_error_type, "keywords must be strings");
            return CallOutcome::raised;
        }
    }
    // Python functions run in the loop, without C++ recursion.
    Value self_argument;
    if (object::type_of(callable) == &object::bound_method_type) {
        auto* bound = static_cast<object::BoundMethodObject*>(callable.as_object());
        if (is_function(bound->function) && !as_function(bound->function)->is_generator()) {
            self_argument = bound->self;
            callable = bound->function;
        }
    }
    if (is_function(callable) && !as_function(callable)->is_generator()) {
        ArgumentValues with_self(scratch_memory());
        if (!self_argument.is_empty()) {
            std::uint32_t total = arguments.positional_count + 2 * arguments.keyword_count;
            if (!with_self.reserve(total + 1) || !with_self.push_back(self_argument) ||
                !with_self.append(std::span<const Value>(arguments.values, total))) {
                raise_memory_error();
                return CallOutcome::raised;
            }
            arguments = Arguments{with_self.data(), arguments.positional_count + 1,
                                  arguments.keyword_count};
        }
        if (!push_frame(callable, arguments, Value::empty(), false)) {
            return CallOutcome::raised;
        }
        return CallOutcome::pushed_frame;
    }
    Value result = object::call(*this, callable, arguments);
    if (result.is_empty()) {
        return CallOutcome::raised;
    }
    slot[0] = result;
    return CallOutcome::returned;
}

object::Result<Value> Interpreter::call_function(Value function, Arguments arguments,
                                                 Value locals) {
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

object::Result<Value> Interpreter::make_generator(Value function_value, Arguments arguments) {
    FunctionObject* function = as_function(function_value);
    if (!function->is_verified() && !verify_function(function)) {
        return Value::empty();
    }
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

bool Interpreter::resume_delegate(GeneratorObject* generator, Value send_value,
                                  ExecutionResult& result) {
    // Paused at YIELD_FROM (it stepped back to run again), with the target below the value it
    // last handed out: the verifier proved both slots.
    if (*generator->frame.instruction != static_cast<std::uint8_t>(image::Opcode::YIELD_FROM) ||
        !is_generator(generator->frame.stack_top[-1])) {
        return false;
    }
    auto* target = static_cast<GeneratorObject*>(generator->frame.stack_top[-1].as_object());
    // One native level, as the YIELD_FROM it stands for would take.
    if (!enter_native_call()) {
        result = {ExitKind::raised, Value::empty()};
        return true;
    }
    generator->run_state = GeneratorState::running;
    ExecutionResult inner = resume(target, send_value, Value::empty());
    generator->run_state = GeneratorState::suspended;
    leave_native_call();
    if (inner.kind == ExitKind::yielded) {
        // The state YIELD_FROM leaves when its target yields: still at YIELD_FROM, the value
        // handed out on top.
        *generator->frame.stack_top = inner.value;
        result = inner;
        return true;
    }
    delegated_ = inner;
    return false;
}

ExecutionResult Interpreter::resume(GeneratorObject* generator, Value send_value,
                                    Value throw_value) {
    if (throw_value.is_empty() && !generator->pending_throw.is_empty() &&
        generator->run_state != GeneratorState::running) {
        throw_value = generator->pending_throw;
        generator->pending_throw = Value::empty();
        send_value = Value::none();
    }
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
            if (throw_value.is_empty()) {
                ExecutionResult yielded;
                if (resume_delegate(generator, send_value, yielded)) {
                    return yielded;
                }
            }
            *generator->frame.stack_top = send_value;
            break;
    }
    if (!enter_native_call()) {
        delegated_.reset();
        return {ExitKind::raised, Value::empty()};
    }
    if (!enter_call()) {
        delegated_.reset();
        leave_native_call();
        return {ExitKind::raised, Value::empty()};
    }
    if (!frames_.reserve_one()) {
        delegated_.reset();
        leave_call();
        leave_native_call();
        raise_memory_error();
        return {ExitKind::raised, Value::empty()};
    }
    // Copied once, straight into the frame stack; suspend() copies back only what running
    // changes.
    Frame& frame = frames_.push_back(generator->frame);
    frame.stack_base = values_.top();
    frame.handler_base = handlers_.top();
    frame.returns_to_native = true;
    generator->run_state = GeneratorState::running;
    inject_ = throw_value;
    ExecutionResult result = run();
    leave_native_call();
    generator->run_state =
        result.kind == ExitKind::yielded ? GeneratorState::suspended : GeneratorState::finished;
    if (result.kind == ExitKind::raised && generator->run_state == GeneratorState::finished) {
        // A StopIteration leaving a generator (its own or one thrown in) would end a
        // loop silently; as in CPython (PEP 479) it becomes a RuntimeError instead.
        if (object::is_instance(exception(), &object::stop_iteration_type)) {
            raise_new(&object::runtime_error_type, "generator raised StopIteration");
        }
    }
    if (result.kind != ExitKind::raised) {
        keep(result.value);
    }
    return result;
}

}  // namespace xipy::vm
