// Bodies of opcodes that ordinary programs run rarely, kept out of the loop so it reads short.
#include "vm/rare_opcodes.hpp"

#include <span>
#include <string>

#include "image/opcodes.hpp"
#include "image/operand_reader.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/set_object.hpp"
#include "object/str_object.hpp"
#include "vm/slow_paths.hpp"
#include "vm/unwind.hpp"

namespace xipy::vm {

using image::Opcode;
using object::Value;

void raise_name_not_defined(object::Runtime& runtime, std::uint32_t name) {
    runtime.raise_joined(&object::name_error_type,
                         {"name '", runtime.name_text(name), "' isn't defined"});
}

object::Status delete_name(Interpreter& interpreter, Value scope, std::uint32_t name) {
    Value removed;
    if (!object::dict_remove(interpreter, object::as_dict(scope), Value::from_interned_string(name),
                             &removed)) {
        return object::Raised{};
    }
    if (removed.is_empty()) {
        raise_name_not_defined(interpreter, name);
        return object::Raised{};
    }
    return object::succeeded();
}

object::Status load_super_method(Interpreter& interpreter, Value*& top, std::uint32_t name) {
    --top;
    // mpy-cross passes the __class__ cell's value; a hostile file may not.
    if (!object::is_type(top[0])) {
        interpreter.raise_new(&object::type_error_type, "super() argument 1 must be type");
        return object::Raised{};
    }
    Value destination[2];
    if (!object::super_load_method(interpreter, top[0], top[1], name, destination)) {
        return object::Raised{};
    }
    top[-1] = destination[0];
    top[0] = destination[1];
    return object::succeeded();
}

object::Result<Value> build_set(Interpreter& interpreter, const Value* first, std::uint32_t count) {
    Value set = object::make_set(interpreter, &object::set_type);
    if (set.is_empty()) {
        return Value::empty();
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        if (!object::set_add(interpreter, set, first[index])) {
            return Value::empty();
        }
    }
    return set;
}

object::Status store_comprehension(Interpreter& interpreter, Value*& top, std::uint32_t operand) {
    Value container = top[-static_cast<std::int64_t>(operand >> 2)];
    const object::Type* expected = (operand & 3) == 0   ? &object::list_type
                                   : (operand & 3) == 1 ? &object::dict_type
                                                        : &object::set_type;
    if (!is_exactly(container, expected)) {
        interpreter.raise_new(&object::type_error_type,
                              "invalid .mpy: STORE_COMP's container has the wrong type");
        return object::Raised{};
    }
    switch (operand & 3) {
        case 0:
            if (!object::list_append(interpreter, container, top[0])) {
                return object::Raised{};
            }
            --top;
            return object::succeeded();
        case 1:
            if (!object::dict_store(interpreter, object::as_dict(container), top[0], top[-1])) {
                return object::Raised{};
            }
            top -= 2;
            return object::succeeded();
        default:
            if (!object::set_add(interpreter, container, top[0])) {
                return object::Raised{};
            }
            --top;
            return object::succeeded();
    }
}

object::Result<Value> make_function_from_stack(Interpreter& interpreter, const Frame& frame,
                                               std::uint8_t opcode,
                                               const std::uint8_t*& instruction, Value*& top) {
    const std::uint32_t child = image::read_var_uint(instruction);
    const bool with_defaults = opcode == static_cast<std::uint8_t>(Opcode::MAKE_FUNCTION_DEFARGS) ||
                               opcode == static_cast<std::uint8_t>(Opcode::MAKE_CLOSURE_DEFARGS);
    std::uint32_t closed = 0;
    if (opcode == static_cast<std::uint8_t>(Opcode::MAKE_CLOSURE) ||
        opcode == static_cast<std::uint8_t>(Opcode::MAKE_CLOSURE_DEFARGS)) {
        closed = *instruction++;
    }
    top -= closed;
    const Value* cells = top + 1;
    Value defaults;
    Value keyword_defaults;
    if (with_defaults) {
        keyword_defaults = *top--;
        defaults = *top--;
    }
    return make_function(interpreter, frame, child, defaults, keyword_defaults,
                         std::span<const Value>(cells, closed));
}

object::Result<Value> import_from(Interpreter& interpreter, Value module, std::uint32_t name) {
    Value value = object::find_attribute(interpreter, module, name);
    if (value.is_empty() && !interpreter.has_exception()) {
        // A package's submodule that is not loaded yet: `from pkg import mod` imports pkg.mod,
        // as MicroPython does (its error then names pkg.mod).
        Value path = object::find_attribute(interpreter, module,
                                            interpreter.intern("__path__").as_interned_string());
        Value package = path.is_empty() ? Value::empty()
                                        : object::find_attribute(interpreter, module,
                                                                 object::names::dunder_name);
        if (!package.is_empty() && object::is_str(package)) {
            std::string full(object::str_view(interpreter, package));
            full += '.';
            full += interpreter.name_text(name);
            return interpreter.import(full, Value::empty(), true, 0);
        }
        if (interpreter.has_exception()) {
            return Value::empty();
        }
        interpreter.raise_joined(&object::import_error_type,
                                 {"can't import name ", interpreter.name_text(name)});
    }
    return value;
}

object::Status store_map(Interpreter& interpreter, Value*& top) {
    if (!is_exactly(top[-2], &object::dict_type)) {
        return interpreter.raise_new(&object::type_error_type,
                                     "invalid .mpy: STORE_MAP needs a dict");
    }
    top -= 2;
    return object::dict_store(interpreter, object::as_dict(top[0]), top[2], top[1]);
}

object::Status import_from_stack(Interpreter& interpreter, std::uint8_t opcode, std::uint32_t name,
                                 Value*& top) {
    if (opcode == static_cast<std::uint8_t>(Opcode::IMPORT_FROM)) {
        Value value = import_from(interpreter, top[0], name);
        if (value.is_empty()) {
            return object::Raised{};
        }
        *++top = value;
        return object::succeeded();
    }
    Value module = import_name(interpreter, name, top[0], top[-1]);
    --top;
    if (module.is_empty()) {
        return object::Raised{};
    }
    top[0] = module;
    return object::succeeded();
}

object::Raised raise_from_stack(Interpreter& interpreter, const Frame& frame, std::uint8_t opcode,
                                const Value* top) {
    if (opcode == static_cast<std::uint8_t>(Opcode::RAISE_LAST)) {
        reraise_handled(interpreter, frame);
        return {};
    }
    // RAISE_FROM has the cause on top, which MicroPython drops (no exception chaining).
    return interpreter.raise(opcode == static_cast<std::uint8_t>(Opcode::RAISE_FROM) ? top[-1]
                                                                                     : top[0]);
}

YieldStep yield_from_stack(Interpreter& interpreter, Frame& frame, std::uint8_t opcode,
                           Value& pending_inject, Value& yielded) {
    Value*& top = frame.stack_top;
    if (frame.generator == nullptr) {
        interpreter.raise_new(&object::runtime_error_type,
                              "invalid .mpy: yield outside a generator");
        return YieldStep::raised;
    }
    if (opcode == static_cast<std::uint8_t>(Opcode::YIELD_VALUE)) {
        yielded = top[0].is_empty() ? Value::none() : top[0];
        return YieldStep::suspends;
    }
    Value send_value = *top--;
    Value thrown = pending_inject;
    pending_inject = Value::empty();
    // resume() may have run the target already (Interpreter::resume_delegate).
    const std::optional<ExecutionResult> outcome = interpreter.take_delegated();
    DelegationResult delegated = outcome ? DelegationResult{outcome->kind, outcome->value}
                                         : delegate(interpreter, top[0], send_value, thrown);
    if (delegated.kind == ExitKind::yielded) {
        // Run YIELD_FROM again when resumed, with the sent value.
        --frame.instruction;
        *++top = delegated.value;
        yielded = delegated.value;
        return YieldStep::suspends;
    }
    if (delegated.kind == ExitKind::returned) {
        top[0] = delegated.value;
        if (!thrown.is_empty() && thrown_matches(thrown, &object::generator_exit_type)) {
            interpreter.raise(thrown);
            return YieldStep::raised;
        }
        return YieldStep::continues;
    }
    return YieldStep::raised;
}

}  // namespace xipy::vm
