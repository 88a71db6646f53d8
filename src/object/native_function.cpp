// Built-in functions and bound methods: argument checks and calls.
#include "object/native_function.hpp"

#include <string>
#include <vector>

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "support/small_vector.hpp"

namespace xipy::object {
namespace {

// A method's self must be of a type that has the method: well-formed bytecode only calls a
// method fetched by LOAD_METHOD with the self it was fetched through, but a corrupt image can
// pair it with any value, and the method's code would read that value with the owner's layout.
Status check_method_self(Runtime& runtime, const NativeFunction* method, Value self) {
    const Type* self_type = type_of(self);
    Runtime::NativeSelfCheck& memo = runtime.native_self_check(method, self_type);
    if (memo.method == method && memo.self_type == self_type) {
        return succeeded();
    }
    if (!type_has_method(self_type, method)) {
        return runtime.raise_joined(
            &type_error_type, {"method ", runtime.name_text(method->name), "() can't take a '",
                               type_name_of(runtime, self), "'"});
    }
    memo = Runtime::NativeSelfCheck{method, self_type};
    return succeeded();
}

Result<Value> native_call(Runtime& runtime, Value callable, Arguments arguments) {
    return call_native(runtime, static_cast<const NativeFunction*>(callable.as_object()),
                       arguments);
}

}  // namespace

Result<Value> call_native(Runtime& runtime, const NativeFunction* function, Arguments arguments) {
    if (arguments.keyword_count != 0 && !function->accepts_keywords) {
        return runtime.raise_new(&type_error_type, "function doesn't take keyword arguments");
    }
    std::uint32_t count = arguments.positional_count;
    if (function->minimum_positional == function->maximum_positional &&
        count != function->minimum_positional) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes ", Runtime::DecimalText(function->minimum_positional),
             " positional arguments but ", Runtime::DecimalText(count), " were given"});
    }
    if (count < function->minimum_positional) {
        return runtime.raise_joined(
            &type_error_type,
            {"function missing ", Runtime::DecimalText(function->minimum_positional - count),
             " required positional arguments"});
    }
    if (count > function->maximum_positional) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most ", Runtime::DecimalText(function->maximum_positional),
             " arguments, got ", Runtime::DecimalText(count)});
    }
    if (function->kind == NativeKind::method && count > 0 &&
        !check_method_self(runtime, function, arguments[0]).ok()) {
        return Raised{};
    }
    return function->code(runtime, arguments);
}

namespace {

Status native_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    auto* function = static_cast<const NativeFunction*>(self.as_object());
    printer.write("<function ");
    printer.write(runtime.name_text(function->name));
    printer.write(">");
    return succeeded();
}

Result<Value> native_bind(Runtime& runtime, Value descriptor, Value instance,
                          const Type* lookup_type) {
    auto* function = static_cast<const NativeFunction*>(descriptor.as_object());
    switch (function->kind) {
        case NativeKind::method:
            if (instance.is_empty()) {
                return descriptor;
            }
            return make_bound_method(runtime, descriptor, instance);
        case NativeKind::class_method:
            return make_bound_method(
                runtime, descriptor,
                is_type(instance) ? instance : Value::from_object(lookup_type));
        default:
            return descriptor;
    }
}

Value native_load_attribute(Runtime&, Value self, std::uint32_t name) {
    if (name == names::dunder_name) {
        return Value::from_interned_string(
            static_cast<const NativeFunction*>(self.as_object())->name);
    }
    return Value::empty();
}

void trace_bound_method(gc::Cell* cell, gc::Tracer& tracer) {
    auto* method = static_cast<BoundMethodObject*>(cell);
    for (Value value : {method->function, method->self}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Result<Value> bound_method_call(Runtime& runtime, Value callable, Arguments arguments) {
    auto* method = static_cast<BoundMethodObject*>(callable.as_object());
    return call_with_self(runtime, method->function, method->self, arguments);
}

Status bound_method_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    auto* method = static_cast<BoundMethodObject*>(self.as_object());
    printer.write("<bound_method>");
    (void)runtime;
    (void)method;
    return succeeded();
}

Value bound_method_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    auto* method = static_cast<BoundMethodObject*>(self.as_object());
    if (name == names::dunder_self) {
        return method->self;
    }
    if (name == names::dunder_func) {
        return method->function;
    }
    return find_attribute(runtime, method->function, name);
}

Result<Value> bound_method_binary(Runtime&, BinaryOperator operation, Value left, Value right) {
    if (operation != BinaryOperator::equal || type_of(left) != type_of(right)) {
        return Value::not_implemented();
    }
    auto* first = static_cast<BoundMethodObject*>(left.as_object());
    auto* second = static_cast<BoundMethodObject*>(right.as_object());
    return Value::boolean(first->function == second->function && first->self == second->self);
}

// Equal bound methods (same function, same self) hash alike: by the identities of both.
Result<Value> bound_method_unary(Runtime&, UnaryOperator operation, Value self) {
    if (operation != UnaryOperator::hash) {
        return Value::not_implemented();
    }
    auto* method = static_cast<BoundMethodObject*>(self.as_object());
    std::uint64_t mixed =
        ((method->function.bits() >> 3) ^ (method->self.bits() >> 3) * 31) * 0x9E3779B97F4A7C15ULL;
    // The high bits mix every input bit; 30 of them fit a small int on any target.
    return Value::from_small_int(static_cast<std::int64_t>(mixed >> 34));
}

void trace_checked_method(gc::Cell* cell, gc::Tracer& tracer) {
    auto* method = static_cast<CheckedMethodObject*>(cell);
    if (method->function.is_object()) {
        tracer.mark(method->function.as_object());
    }
}

Result<Value> checked_method_call(Runtime& runtime, Value callable, Arguments arguments) {
    auto* method = static_cast<CheckedMethodObject*>(callable.as_object());
    if (arguments.positional_count > 0 && !is_instance(arguments[0], method->owner)) {
        return runtime.raise_joined(
            &type_error_type, {"argument should be a '", runtime.name_text(method->owner->name),
                               "' not a '", type_name_of(runtime, arguments[0]), "'"});
    }
    if (arguments.positional_count == 0) {
        return call(runtime, method->function, arguments);
    }
    // An instance of a user subclass of the owner carries the built-in object the method
    // works on as its native part.
    return call_with_self(runtime, method->function, native_self(arguments[0]),
                          arguments.without_first());
}

Status checked_method_print(Runtime& runtime, Value self, Printer& printer, PrintKind kind) {
    return native_print(runtime, static_cast<CheckedMethodObject*>(self.as_object())->function,
                        printer, kind);
}

Value checked_method_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    return native_load_attribute(
        runtime, static_cast<CheckedMethodObject*>(self.as_object())->function, name);
}

}  // namespace

Result<Value> check_unbound_method(Runtime& runtime, Value found, const Type* owner) {
    if (type_of(found) != &native_function_type || owner == &object_type ||
        static_cast<const NativeFunction*>(found.as_object())->kind != NativeKind::method) {
        return found;
    }
    auto* method = runtime.make<CheckedMethodObject>(0, found, owner);
    return method == nullptr ? Value::empty() : Value::from_object(method);
}

constinit const Type checked_method_type{names::function,
                                         &object_type,
                                         TypeSlots{
                                             .call = checked_method_call,
                                             .print = checked_method_print,
                                             .load_attribute = checked_method_load_attribute,
                                         },
                                         {},
                                         0,
                                         trace_checked_method};

constinit const Type native_function_type{names::function,
                                          &object_type,
                                          TypeSlots{
                                              .call = native_call,
                                              .print = native_print,
                                              .load_attribute = native_load_attribute,
                                              .bind = native_bind,
                                          },
                                          {},
                                          type_flag_method};

constinit const Type bound_method_type{names::bound_method,
                                       &object_type,
                                       TypeSlots{
                                           .call = bound_method_call,
                                           .print = bound_method_print,
                                           .unary_operation = bound_method_unary,
                                           .binary_operation = bound_method_binary,
                                           .load_attribute = bound_method_load_attribute,
                                       },
                                       {},
                                       0,
                                       trace_bound_method};

Result<Value> make_bound_method(Runtime& runtime, Value function, Value self) {
    auto* method = runtime.make<BoundMethodObject>(0, function, self);
    return method == nullptr ? Value::empty() : Value::from_object(method);
}

Result<Value> call_with_self(Runtime& runtime, Value function, Value self, Arguments arguments) {
    std::uint32_t total = arguments.positional_count + 2 * arguments.keyword_count;
    support::SmallVector<Value, 17> gathered(runtime.scratch_memory());
    if (!gathered.resize(total + 1)) {
        return runtime.raise_memory_error();
    }
    Value* values = gathered.data();
    values[0] = self;
    for (std::uint32_t index = 0; index < total; ++index) {
        values[index + 1] = arguments.values[index];
    }
    return call(runtime, function,
                Arguments{values, arguments.positional_count + 1, arguments.keyword_count});
}

Value keyword_argument(Arguments arguments, std::uint32_t name) {
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        Value key = arguments.keyword_name(index);
        if (key.is_interned_string() && key.as_interned_string() == name) {
            return arguments.keyword_value(index);
        }
    }
    return Value::empty();
}

Status check_keywords(Runtime& runtime, Arguments arguments,
                      std::initializer_list<std::uint32_t> allowed) {
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        Value key = arguments.keyword_name(index);
        bool known = false;
        for (std::uint32_t name : allowed) {
            if (key.is_interned_string() && key.as_interned_string() == name) {
                known = true;
            }
        }
        if (!known) {
            runtime.raise_joined(
                &type_error_type,
                {"unexpected keyword argument '",
                 std::string_view(
                     key.is_interned_string() ? runtime.name_text(key.as_interned_string()) : "?"),
                 "'"});
            return Raised{};
        }
    }
    return succeeded();
}

}  // namespace xipy::object
