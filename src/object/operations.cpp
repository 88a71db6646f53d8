// The generic object protocol: dispatch through type slots, with Python's fallbacks.
#include "object/operations.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "object/array_object.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/complex_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/number_shortcuts.hpp"
#include "object/singletons.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {

// Defined in class_object.cpp: the special-method dispatch of user classes.
Result<Value> instance_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                        Value right, bool reflected);
Result<Value> instance_unary_operation(Runtime& runtime, UnaryOperator operation, Value operand);
Status instance_load_method(Runtime& runtime, Value object, std::uint32_t name, Method& method);
Status instance_store_attribute(Runtime& runtime, Value object, std::uint32_t name, Value value);
Status instance_print(Runtime& runtime, Value object, Printer& printer, PrintKind kind);

namespace {

constexpr std::array<std::uint32_t, 37> binary_operator_names = {
    names::dunder_lt,      names::dunder_gt,      names::dunder_eq,        names::dunder_le,
    names::dunder_ge,      names::dunder_ne,      names::dunder_contains,  names::null_name,
    names::null_name,      names::dunder_ior,     names::dunder_ixor,      names::dunder_iand,
    names::dunder_ilshift, names::dunder_irshift, names::dunder_iadd,      names::dunder_isub,
    names::dunder_imul,    names::dunder_imatmul, names::dunder_ifloordiv, names::dunder_itruediv,
    names::dunder_imod,    names::dunder_ipow,    names::dunder_or,        names::dunder_xor,
    names::dunder_and,     names::dunder_lshift,  names::dunder_rshift,    names::dunder_add,
    names::dunder_sub,     names::dunder_mul,     names::dunder_matmul,    names::dunder_floordiv,
    names::dunder_truediv, names::dunder_mod,     names::dunder_pow,       names::dunder_contains,
    names::dunder_divmod,
};

constexpr std::array<std::uint32_t, 8> unary_operator_names = {
    names::dunder_pos,  names::dunder_neg, names::dunder_invert, names::null_name,
    names::dunder_bool, names::dunder_len, names::dunder_hash,   names::dunder_abs,
};

}  // namespace

std::uint32_t binary_operator_name(BinaryOperator operation) {
    return binary_operator_names[static_cast<std::size_t>(operation)];
}

std::uint32_t unary_operator_name(UnaryOperator operation) {
    return unary_operator_names[static_cast<std::size_t>(operation)];
}

// ---- types

bool is_subtype(const Type* type, const Type* base) {
    if (type == base || base == &object_type) {
        return true;
    }
    if (type->is_user_class()) {
        for (Value entry : as_tuple(type->mro)->span()) {
            if (as_type(entry) == base) {
                return true;
            }
        }
        return false;
    }
    for (const Type* current = type->base; current != nullptr; current = current->base) {
        if (current == base) {
            return true;
        }
    }
    return false;
}

bool is_instance(Value value, const Type* type) { return is_subtype(type_of(value), type); }

std::string_view type_name(const Runtime& runtime, const Type* type) {
    return runtime.name_text(type->name);
}

std::string_view type_name_of(const Runtime& runtime, Value value) {
    return type_name(runtime, type_of(value));
}

// ---- calls

Result<Value> call(Runtime& runtime, Value callable, Arguments arguments) {
    const Type* type = type_of(callable);
    if (type->slots.call == nullptr) {
        return runtime.raise_joined(&type_error_type,
                                    {"'", type_name(runtime, type), "' object isn't callable"});
    }
    Value result = type->slots.call(runtime, callable, arguments);
    runtime.keep(result);
    return result;
}

Result<Value> call_positional(Runtime& runtime, Value callable, std::span<const Value> positional) {
    return call(runtime, callable,
                Arguments{positional.data(), static_cast<std::uint32_t>(positional.size()), 0});
}

Result<Value> call_positional(Runtime& runtime, Value callable,
                              std::initializer_list<Value> positional) {
    return call_positional(runtime, callable,
                           std::span<const Value>(positional.begin(), positional.size()));
}

bool is_callable(Value value) {
    const Type* type = type_of(value);
    if (type->is_user_class()) {
        return !lookup_in_type(type, names::dunder_call).value.is_empty();
    }
    return type->slots.call != nullptr;
}

Result<Value> call_method(Runtime& runtime, Value object, std::uint32_t name,
                          std::initializer_list<Value> positional) {
    Method method;
    if (!load_method(runtime, object, name, method)) {
        return Value::empty();
    }
    Arguments arguments{positional.begin(), static_cast<std::uint32_t>(positional.size()), 0};
    if (method.self.is_empty()) {
        return call(runtime, method.function, arguments);
    }
    return call_with_self(runtime, method.function, method.self, arguments);
}

// ---- attributes

ClassLookup lookup_in_type(const Type* type, std::uint32_t name) {
    if (type->is_user_class()) {
        for (Value entry : as_tuple(type->mro)->span()) {
            const Type* candidate = as_type(entry);
            if (candidate->is_user_class()) {
                Value found = dict_find_name(as_dict(candidate->dict), name);
                if (!found.is_empty()) {
                    return ClassLookup{found, candidate};
                }
            } else if (candidate->may_have_attribute(name)) {
                for (const Attribute& attribute : candidate->attributes) {
                    if (attribute.name == name) {
                        return ClassLookup{Value::from_object(attribute.object), candidate};
                    }
                }
            }
        }
        return ClassLookup{};
    }
    for (const Type* candidate = type; candidate != nullptr; candidate = candidate->base) {
        if (!candidate->may_have_attribute(name)) {
            continue;
        }
        for (const Attribute& attribute : candidate->attributes) {
            if (attribute.name == name) {
                return ClassLookup{Value::from_object(attribute.object), candidate};
            }
        }
    }
    return ClassLookup{};
}

ClassLookup lookup_in_type(Runtime& runtime, const Type* type, std::uint32_t name) {
    if (!type->is_user_class()) {
        return lookup_in_type(type, name);
    }
    return runtime.class_lookups().find(runtime, runtime.class_epoch(), type, name);
}

Result<Value> bind_attribute(Runtime& runtime, Value found, Value instance,
                             const Type* lookup_type) {
    const Type* type = type_of(found);
    if (type->slots.bind == nullptr) {
        return found;
    }
    return type->slots.bind(runtime, found, instance, lookup_type);
}

bool is_method_descriptor(Value value) {
    const Type* type = type_of(value);
    if ((type->flags & type_flag_method) == 0) {
        return false;
    }
    if (type == &native_function_type) {
        return static_cast<const NativeFunction*>(value.as_object())->kind == NativeKind::method;
    }
    return true;
}

Raised raise_no_attribute(Runtime& runtime, Value object, std::uint32_t name) {
    if (is_type(object)) {
        return runtime.raise_joined(&attribute_error_type,
                                    {"type object '", type_name(runtime, as_type(object)),
                                     "' has no attribute '", runtime.name_text(name), "'"});
    }
    if (type_of(object) == &module_type) {  // builtins: MicroPython names the module
        return runtime.raise_joined(
            &attribute_error_type,
            {"module '",
             runtime.name_text(static_cast<const ModuleObject*>(object.as_object())->name),
             "' has no attribute '", runtime.name_text(name), "'"});
    }
    return runtime.raise_joined(&attribute_error_type,
                                {"'", type_name_of(runtime, object), "' object has no attribute '",
                                 runtime.name_text(name), "'"});
}

namespace {

// iterator.__next__() on a built-in iterator: one step of its iterate_next slot, with
// StopIteration raised at the end.
Result<Value> builtin_iterator_next(Runtime& runtime, Arguments arguments) {
    Value result = type_of(arguments[0])->slots.iterate_next(runtime, arguments[0]);
    if (result.is_stop_iteration()) {
        return runtime.raise_type(&stop_iteration_type);
    }
    return result;
}

constexpr NativeFunction builtin_iterator_next_function{names::dunder_next, NativeKind::method, 1,
                                                        1, builtin_iterator_next};

}  // namespace

bool type_has_method(const Type* type, const NativeFunction* method) {
    const Value wanted = Value::from_object(method);
    if (method == &builtin_iterator_next_function) {
        return type->slots.iterate_next != nullptr;
    }
    if (type->is_user_class()) {
        // Any class of the MRO will do, not only the one a lookup finds first: super() calls
        // a base's method on an instance whose class overrides it.
        for (Value entry : as_tuple(type->mro)->span()) {
            const Type* candidate = as_type(entry);
            if (candidate->is_user_class()) {
                if (dict_find_name(as_dict(candidate->dict), method->name) == wanted) {
                    return true;
                }
            } else if (type_has_method(candidate, method)) {
                return true;
            }
        }
        return false;
    }
    for (const Type* candidate = type; candidate != nullptr; candidate = candidate->base) {
        for (const Attribute& attribute : candidate->attributes) {
            if (attribute.object == method) {
                return true;
            }
        }
    }
    return false;
}

Status load_method(Runtime& runtime, Value object, std::uint32_t name, Method& method,
                   bool must_exist) {
    method = Method{};
    const Type* type = type_of(object);
    if (type->is_user_class()) {
        if (!instance_load_method(runtime, object, name, method)) {
            return Raised{};
        }
    } else if (type->slots.load_attribute != nullptr) {
        if (is_type(object) && !as_type(object)->is_user_class()) {
            // A built-in class method called through its class (`int.from_bytes(...)`) gets
            // the class as self here, without a bound method, as MicroPython's LOAD_METHOD.
            ClassLookup found = lookup_in_type(as_type(object), name);
            if (!found.value.is_empty() && type_of(found.value) == &native_function_type &&
                static_cast<const NativeFunction*>(found.value.as_object())->kind ==
                    NativeKind::class_method) {
                method.function = found.value;
                method.self = object;
                return succeeded();
            }
        }
        Value found = type->slots.load_attribute(runtime, object, name);
        if (found.is_empty() && runtime.has_exception()) {
            return Raised{};
        }
        method.function = found;
    }
    if (method.function.is_empty() && !type->is_user_class()) {
        ClassLookup found = lookup_in_type(type, name);
        if (!found.value.is_empty()) {
            if (is_method_descriptor(found.value)) {
                method.function = found.value;
                method.self = object;
            } else {
                method.function = bind_attribute(runtime, found.value, object, type);
                if (method.function.is_empty()) {
                    return Raised{};
                }
            }
        } else if (name == names::dunder_class) {
            method.function = Value::from_object(type);
        } else if (name == names::dunder_next && type->slots.iterate_next != nullptr) {
            method.function = Value::from_object(&builtin_iterator_next_function);
            method.self = object;
        }
    }
    if (method.function.is_empty() && must_exist) {
        raise_no_attribute(runtime, object, name);
        return Raised{};
    }
    return succeeded();
}

Value find_attribute(Runtime& runtime, Value object, std::uint32_t name) {
    Method method;
    if (!load_method(runtime, object, name, method, false)) {
        return Value::empty();
    }
    if (method.function.is_empty() || method.self.is_empty()) {
        return method.function;
    }
    return make_bound_method(runtime, method.function, method.self);
}

Result<Value> load_attribute(Runtime& runtime, Value object, std::uint32_t name) {
    Value found = find_attribute(runtime, object, name);
    if (found.is_empty() && !runtime.has_exception()) {
        return raise_no_attribute(runtime, object, name);
    }
    return found;
}

Status store_attribute(Runtime& runtime, Value object, std::uint32_t name, Value value) {
    const Type* type = type_of(object);
    if (type->is_user_class()) {
        return instance_store_attribute(runtime, object, name, value);
    }
    if (type->slots.store_attribute != nullptr) {
        return type->slots.store_attribute(runtime, object, name, value);
    }
    raise_no_attribute(runtime, object, name);
    return Raised{};
}

Status delete_attribute(Runtime& runtime, Value object, std::uint32_t name) {
    return store_attribute(runtime, object, name, Value::empty());
}

// ---- operators

Value compare_byte_strings(BinaryOperator operation, std::string_view first,
                           std::string_view second) {
    switch (operation) {
        case BinaryOperator::equal:
            return Value::boolean(first == second);
        case BinaryOperator::not_equal:
            return Value::boolean(first != second);
        case BinaryOperator::less:
            return Value::boolean(first < second);
        case BinaryOperator::more:
            return Value::boolean(first > second);
        case BinaryOperator::less_equal:
            return Value::boolean(first <= second);
        case BinaryOperator::more_equal:
            return Value::boolean(first >= second);
        default:
            return Value::not_implemented();
    }
}

Raised raise_unsupported_binary(Runtime& runtime, BinaryOperator operation, Value left,
                                Value right) {
    std::uint32_t name = binary_operator_name(plain_operator(operation));
    if (operation == BinaryOperator::contains || operation == BinaryOperator::in) {
        name = names::dunder_contains;
    }
    return runtime.raise_joined(
        &type_error_type, {"unsupported types for ", runtime.name_text(name), ": '",
                           type_name_of(runtime, left), "', '", type_name_of(runtime, right), "'"});
}

Raised raise_unsupported_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    return runtime.raise_joined(
        &type_error_type,
        {"unsupported type for ", runtime.name_text(unary_operator_name(operation)), ": '",
         type_name_of(runtime, operand), "'"});
}

Result<Value> unary_operation(Runtime& runtime, UnaryOperator operation, Value operand) {
    if (operation == UnaryOperator::logical_not) {
        int result = truth(runtime, operand);
        if (result < 0) {
            return Value::empty();
        }
        return Value::boolean(result == 0);
    }
    const Type* type = type_of(operand);
    Value result = Value::not_implemented();
    if (type->is_user_class()) {
        result = instance_unary_operation(runtime, operation, operand);
        if (result.is_not_implemented()) {
            // A unary special method's NotImplemented is its result, not a fallback.
            ClassLookup found = lookup_in_type(type, unary_operator_name(operation));
            if (!found.value.is_empty() && found.owner->is_user_class()) {
                return result;
            }
        }
    } else if (type->slots.unary_operation != nullptr) {
        result = type->slots.unary_operation(runtime, operation, operand);
    }
    if (!result.is_not_implemented()) {
        return result;
    }
    if (operation == UnaryOperator::length) {
        return runtime.raise_joined(
            &type_error_type, {"object of type '", type_name(runtime, type), "' has no len()"});
    }
    return raise_unsupported_unary(runtime, operation, operand);
}

int truth(Runtime& runtime, Value value) {
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    if (value.is_none()) {
        return 0;
    }
    if (value.is_small_int()) {
        return value.as_small_int() != 0 ? 1 : 0;
    }
    if (value.is_double()) {
        return value.as_double() != 0.0 ? 1 : 0;
    }
    if (value.is_interned_string()) {
        return value.as_interned_string() != names::empty_string ? 1 : 0;
    }
    RootScope scope(runtime);  // __bool__'s result is not kept, so neither are its roots
    const Type* type = type_of(value);
    Value result = Value::not_implemented();
    if (type->is_user_class()) {
        result = instance_unary_operation(runtime, UnaryOperator::boolean, value);
        if (result.is_not_implemented()) {
            result = instance_unary_operation(runtime, UnaryOperator::length, value);
        }
    } else if (type->slots.unary_operation != nullptr) {
        result = type->slots.unary_operation(runtime, UnaryOperator::boolean, value);
        if (result.is_not_implemented()) {
            result = type->slots.unary_operation(runtime, UnaryOperator::length, value);
        }
    }
    if (result.is_empty()) {
        return -1;
    }
    if (result.is_not_implemented()) {
        return 1;
    }
    if (result.is_bool()) {
        return result.is_true_value() ? 1 : 0;
    }
    if (result.is_small_int()) {
        return result.as_small_int() != 0 ? 1 : 0;
    }
    return truth(runtime, result);
}

namespace {

Result<Value> exception_match(Runtime& runtime, Value exception, Value pattern) {
    const Type* exception_type_value = is_type(exception) ? as_type(exception) : type_of(exception);
    if (is_tuple(pattern)) {
        for (Value entry : as_tuple(pattern)->span()) {
            Value matched = exception_match(runtime, exception, entry);
            if (matched.is_empty() || matched.is_true_value()) {
                return matched;
            }
        }
        return Value::false_value();
    }
    if (!is_type(pattern)) {
        return runtime.raise_new(&type_error_type,
                                 "catching classes that do not inherit from BaseException is "
                                 "not allowed");
    }
    return Value::boolean(is_subtype(exception_type_value, as_type(pattern)));
}

Result<Value> contains_by_iteration(Runtime& runtime, Value container, Value item) {
    Finish finish = for_each_item(runtime, container, [&](Value next) {
        int equal = equals(runtime, next, item);
        return equal < 0 ? Step::raised : equal > 0 ? Step::stop : Step::next;
    });
    return finish == Finish::raised ? Value::empty() : Value::boolean(finish == Finish::stopped);
}

Result<Value> try_binary_slot(Runtime& runtime, const Type* type, BinaryOperator operation,
                              Value left, Value right, bool reflected) {
    if (type->is_user_class()) {
        return instance_binary_operation(runtime, operation, left, right, reflected);
    }
    if (type->slots.binary_operation == nullptr) {
        return Value::not_implemented();
    }
    return type->slots.binary_operation(runtime, operation, left, right);
}

// == and != with a user class on either side: the special method's result is
// returned as it is (not made a bool), and != prefers __ne__ on each side before
// negating __eq__, as MicroPython does.
Result<Value> user_equality(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    const Type* left_type = type_of(left);
    const Type* right_type = type_of(right);
    Value result = try_binary_slot(runtime, left_type, operation, left, right, false);
    if (result.is_not_implemented() && right_type != left_type) {
        result = try_binary_slot(runtime, right_type, operation, left, right, true);
    }
    if (result.is_not_implemented()) {
        // Objects without their own equality are equal only to themselves.
        return Value::boolean((left == right) == (operation == BinaryOperator::equal));
    }
    return result;
}

}  // namespace

namespace {

// The operators that int and float define for each other: the six comparisons and the
// arithmetic ones, in place or not.
bool is_numeric_operator(BinaryOperator operation) {
    return operation <= BinaryOperator::not_equal ||
           (operation >= BinaryOperator::inplace_or && operation <= BinaryOperator::power);
}

}  // namespace

Result<Value> binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                               Value right) {
    // Numbers first, straight to their arithmetic: the slots would reach the same code after
    // the type dispatch and the fallbacks below. A result of not_implemented (`@` on ints)
    // takes the general path, which raises the usual error.
    if (left.is_small_int() && right.is_small_int()) {
        if (is_numeric_operator(operation)) {
            Value result = small_int_binary_operation(runtime, operation, left.as_small_int(),
                                                      right.as_small_int());
            if (!result.is_not_implemented()) {
                return result;
            }
        }
    } else if ((left.is_double() || right.is_double()) &&
               (left.is_double() || left.is_small_int()) &&
               (right.is_double() || right.is_small_int())) {
        // The float operations that cannot fail, inline; the others (division by zero,
        // powers that become complex) are float_binary_operation's.
        Value result = float_shortcut(runtime, operation, left, right);
        if (!result.is_empty()) {
            return result;
        }
        if (is_numeric_operator(operation)) {
            result = float_binary_operation(runtime, operation, left, right);
            if (!result.is_not_implemented()) {
                return result;
            }
        }
    }
    switch (operation) {
        case BinaryOperator::is:
            if (left.is_double() && right.is_double()) {
                return Value::boolean(left.bits() == right.bits());
            }
            return Value::boolean(left == right);
        case BinaryOperator::in:
            return binary_operation(runtime, BinaryOperator::contains, right, left);
        case BinaryOperator::exception_match:
            return exception_match(runtime, left, right);
        case BinaryOperator::equal:
        case BinaryOperator::not_equal: {
            if (type_of(left)->is_user_class() || type_of(right)->is_user_class()) {
                return user_equality(runtime, operation, left, right);
            }
            int equal = equals(runtime, left, right);
            if (equal < 0) {
                return Value::empty();
            }
            return Value::boolean((equal > 0) == (operation == BinaryOperator::equal));
        }
        default:
            break;
    }
    const Type* left_type = type_of(left);
    const Type* right_type = type_of(right);
    if (operation == BinaryOperator::contains) {
        Value result = try_binary_slot(runtime, left_type, operation, left, right, false);
        if (!result.is_not_implemented()) {
            if (result.is_empty() || result.is_bool()) {
                return result;
            }
            // `in` gives a bool whatever __contains__ returned.
            int verdict = truth(runtime, result);
            return verdict < 0 ? Value::empty() : Value::boolean(verdict > 0);
        }
        if (left_type->slots.get_iterator == nullptr && !left_type->is_user_class()) {
            return runtime.raise_joined(
                &type_error_type, {"'", type_name(runtime, left_type), "' object isn't iterable"});
        }
        return contains_by_iteration(runtime, left, right);
    }
    Value result = try_binary_slot(runtime, left_type, operation, left, right, false);
    if (!result.is_not_implemented()) {
        return result;
    }
    if (is_inplace(operation)) {
        return binary_operation(runtime, plain_operator(operation), left, right);
    }
    if (right_type != left_type) {
        result = try_binary_slot(runtime, right_type, operation, left, right, true);
        if (!result.is_not_implemented()) {
            return result;
        }
    }
    return raise_unsupported_binary(runtime, operation, left, right);
}

int equals(Runtime& runtime, Value left, Value right) {
    if (left.is_double() || right.is_double()) {
        if (left.is_double() && right.is_double()) {
            return left.as_double() == right.as_double() ? 1 : 0;
        }
    } else if (left == right && !is_complex(left)) {
        // A complex object is not equal to itself when a part is nan.
        return 1;
    }
    if (left.is_small_int() && right.is_small_int()) {
        return 0;
    }
    if (left.is_interned_string() && right.is_interned_string()) {
        return 0;
    }
    if (is_str(left) && is_str(right)) {
        return str_view(runtime, left) == str_view(runtime, right) ? 1 : 0;
    }
    RootScope scope(runtime);  // only the verdict outlives the call
    const Type* left_type = type_of(left);
    const Type* right_type = type_of(right);
    Value result = try_binary_slot(runtime, left_type, BinaryOperator::equal, left, right, false);
    if (result.is_not_implemented() && right_type != left_type) {
        result = try_binary_slot(runtime, right_type, BinaryOperator::equal, left, right, true);
    }
    if (result.is_empty()) {
        return -1;
    }
    if (result.is_not_implemented()) {
        // Objects without their own equality are equal only to themselves.
        return left == right ? 1 : 0;
    }
    return truth(runtime, result);
}

std::optional<std::int64_t> hash_value(Runtime& runtime, Value value) {
    if (value.is_small_int()) {
        return value.as_small_int();
    }
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    if (value.is_double()) {
        return float_hash(value.as_double());
    }
    if (is_str(value)) {
        return static_cast<std::int64_t>(str_hash(runtime, value) >> 2);
    }
    RootScope scope(runtime);  // only the number outlives the call
    const Type* type = type_of(value);
    Value result = Value::not_implemented();
    if (type->is_user_class()) {
        result = instance_unary_operation(runtime, UnaryOperator::hash, value);
    } else if (type->slots.unary_operation != nullptr) {
        result = type->slots.unary_operation(runtime, UnaryOperator::hash, value);
    }
    if (result.is_empty()) {
        return std::nullopt;
    }
    if (result.is_not_implemented()) {
        // Identity hash: objects do not move, so their address is stable.
        return static_cast<std::int64_t>(value.bits() >> 3);
    }
    if (result.is_small_int()) {
        return result.as_small_int();
    }
    if (is_big_int(result)) {
        return big_int_hash(result);
    }
    if (result.is_bool()) {
        return result.is_true_value() ? 1 : 0;
    }
    runtime.raise_new(&type_error_type, "__hash__() should return an int");
    return std::nullopt;
}

std::optional<std::int64_t> length_of(Runtime& runtime, Value value) {
    if (is_str(value)) {
        if (value.is_interned_string()) {
            return static_cast<std::int64_t>(utf8_character_count(str_view(runtime, value)));
        }
        return static_cast<const StrObject*>(value.as_object())->character_count;
    }
    RootScope scope(runtime);  // only the number outlives the call
    Value result = unary_operation(runtime, UnaryOperator::length, value);
    if (result.is_empty()) {
        return std::nullopt;
    }
    // A length past the small ints (a range's, say) is an int object; past 64 bits it is no
    // length any container can have.
    const std::optional<std::int64_t> length = is_int(result) ? int_to_int64(result) : std::nullopt;
    if (!length) {
        runtime.raise_new(&type_error_type, "__len__() should return an int");
        return std::nullopt;
    }
    return length;
}

// ---- subscripts

Result<Value> load_subscript_general(Runtime& runtime, Value object, Value index) {
    const Type* type = type_of(object);
    if (type->is_user_class()) {
        Method method;
        if (!load_method(runtime, object, names::dunder_getitem, method, false)) {
            return Value::empty();
        }
        if (!method.function.is_empty()) {
            Value argument[1] = {index};
            Arguments arguments{argument, 1, 0};
            return method.self.is_empty()
                       ? call(runtime, method.function, arguments)
                       : call_with_self(runtime, method.function, method.self, arguments);
        }
        Value native = native_self(object);
        if (native != object) {
            return load_subscript(runtime, native, index);
        }
    } else if (type->slots.load_subscript != nullptr) {
        return type->slots.load_subscript(runtime, object, index);
    }
    return runtime.raise_joined(&type_error_type,
                                {"'", type_name(runtime, type), "' object isn't subscriptable"});
}

Status store_subscript_general(Runtime& runtime, Value object, Value index, Value value) {
    const Type* type = type_of(object);
    if (type->is_user_class()) {
        std::uint32_t name = value.is_empty() ? names::dunder_delitem : names::dunder_setitem;
        Method method;
        if (!load_method(runtime, object, name, method, false)) {
            return Raised{};
        }
        if (!method.function.is_empty()) {
            Value argument[2] = {index, value};
            Arguments arguments{argument, value.is_empty() ? 1u : 2u, 0};
            Value result = method.self.is_empty()
                               ? call(runtime, method.function, arguments)
                               : call_with_self(runtime, method.function, method.self, arguments);
            return !result.is_empty();
        }
        Value native = native_self(object);
        if (native != object) {
            return store_subscript(runtime, native, index, value);
        }
    } else if (type->slots.store_subscript != nullptr) {
        return type->slots.store_subscript(runtime, object, index, value);
    }
    runtime.raise_joined(
        &type_error_type,
        {"'", type_name(runtime, type),
         std::string_view(value.is_empty() ? "' object doesn't support item deletion"
                                           : "' object doesn't support item assignment")});
    return Raised{};
}

Status delete_subscript(Runtime& runtime, Value object, Value index) {
    return store_subscript(runtime, object, index, Value::empty());
}

// ---- iteration

Result<Value> get_iterator(Runtime& runtime, Value iterable) {
    const Type* type = type_of(iterable);
    if (type->is_user_class()) {
        Method method;
        if (!load_method(runtime, iterable, names::dunder_iter, method, false)) {
            return Value::empty();
        }
        if (!method.function.is_empty()) {
            Arguments arguments{};
            return method.self.is_empty()
                       ? call(runtime, method.function, arguments)
                       : call_with_self(runtime, method.function, method.self, arguments);
        }
        Value native = native_self(iterable);
        if (native != iterable) {
            return get_iterator(runtime, native);
        }
        if (!load_method(runtime, iterable, names::dunder_getitem, method, false)) {
            return Value::empty();
        }
        if (!method.function.is_empty()) {
            return make_index_iterator(runtime, iterable);
        }
    } else if (type->slots.get_iterator != nullptr) {
        return type->slots.get_iterator(runtime, iterable);
    }
    return runtime.raise_joined(&type_error_type,
                                {"'", type_name(runtime, type), "' object isn't iterable"});
}

Result<Value> iterator_self(Runtime&, Value self) { return self; }

Result<Value> iterate_next_keeping_stop(Runtime& runtime, Value iterator) {
    // Builtins like sum() or list() may iterate a huge range without running any bytecode:
    // each item is a step, charged with the rest of the native work in batches.
    if (!runtime.add_native_work(Runtime::work_units_per_step)) {
        return Value::empty();
    }
    const Type* type = type_of(iterator);
    if (type->slots.iterate_next != nullptr) {
        // Native iterators over iterators (enumerate, map, zip, filter, ...) re-enter here
        // once per level of nesting, on the C++ stack: bound it like any native re-entry.
        if (!runtime.enter_native_call()) {
            return Value::empty();
        }
        Value result = type->slots.iterate_next(runtime, iterator);
        runtime.leave_native_call();
        return result;
    }
    if (type->is_user_class()) {
        Method method;
        if (!load_method(runtime, iterator, names::dunder_next, method, false)) {
            return Value::empty();
        }
        if (!method.function.is_empty()) {
            Arguments arguments{};
            return method.self.is_empty()
                       ? call(runtime, method.function, arguments)
                       : call_with_self(runtime, method.function, method.self, arguments);
        }
    }
    return runtime.raise_joined(&type_error_type,
                                {"'", type_name(runtime, type), "' object isn't an iterator"});
}

Result<Value> iterate_next(Runtime& runtime, Value iterator) {
    Value result = iterate_next_keeping_stop(runtime, iterator);
    if (result.is_empty() && is_instance(runtime.exception(), &stop_iteration_type)) {
        runtime.clear_exception();
        return Value::stop_iteration();
    }
    return result;
}

// ---- printing

Status print_value(Runtime& runtime, Printer& printer, Value value, PrintKind kind) {
    if (value.is_small_int()) {
        printer.write_integer(value.as_small_int());
        return succeeded();
    }
    RootScope scope(runtime);  // the text is copied into the printer; nothing else outlives it
    const Type* type = type_of(value);
    if (type->is_user_class()) {
        return instance_print(runtime, value, printer, kind);
    }
    if (type->slots.print != nullptr) {
        return type->slots.print(runtime, value, printer, kind);
    }
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%llx",
                  static_cast<unsigned long long>(value.bits() & 0xFFFFFFFFFFFFULL));
    printer.write("<");
    printer.write(type_name(runtime, type));
    printer.write(" object at 0x");
    printer.write(buffer);
    printer.write(">");
    return succeeded();
}

std::optional<std::string> str_text(Runtime& runtime, Value value) {
    if (is_str(value)) {
        return std::string(str_view(runtime, value));
    }
    Printer printer;
    if (!print_value(runtime, printer, value, PrintKind::str)) {
        return std::nullopt;
    }
    return printer.take();
}

std::optional<support::ScratchString> repr_text(Runtime& runtime, Value value) {
    Printer printer;
    if (!print_value(runtime, printer, value, PrintKind::repr)) {
        return std::nullopt;
    }
    return support::ScratchString(printer.text());
}

Result<Value> to_str(Runtime& runtime, Value value) {
    if (is_str(value)) {
        return value;
    }
    // Straight from the printer, whose short text stays on the C stack.
    Printer printer;
    if (!print_value(runtime, printer, value, PrintKind::str)) {
        return Value::empty();
    }
    return make_str(runtime, printer.text());
}

Result<Value> to_repr(Runtime& runtime, Value value) {
    Printer printer;
    if (!print_value(runtime, printer, value, PrintKind::repr)) {
        return Value::empty();
    }
    return make_str(runtime, printer.text());
}

// ---- conversions

std::optional<std::int64_t> to_integer(Runtime& runtime, Value value) {
    if (value.is_small_int()) {
        return value.as_small_int();
    }
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    if (is_big_int(value)) {
        std::optional<std::int64_t> result = int_to_int64(value);
        if (!result) {
            runtime.raise_new(&overflow_error_type, "overflow converting long int to machine word");
        }
        return result;
    }
    Value native = native_self(value);
    if (native != value) {
        return to_integer(runtime, native);
    }
    runtime.raise_joined(&type_error_type,
                         {"can't convert ", type_name_of(runtime, value), " to int"});
    return std::nullopt;
}

std::optional<std::int64_t> to_index(Runtime& runtime, Value value, std::string_view what) {
    if (value.is_small_int()) {
        return value.as_small_int();
    }
    if (value.is_bool()) {
        return value.is_true_value() ? 1 : 0;
    }
    if (is_big_int(value)) {
        return to_integer(runtime, value);
    }
    runtime.raise_joined(&type_error_type,
                         {what, " indices must be integers, not ", type_name_of(runtime, value)});
    return std::nullopt;
}

Result<Value> call_conversion_method(Runtime& runtime, Value value, std::uint32_t name) {
    const Type* type = type_of(value);
    if (!type->is_user_class()) {
        return Value::not_implemented();
    }
    ClassLookup found = lookup_in_type(type, name);
    if (found.value.is_empty() || !found.owner->is_user_class()) {
        return Value::not_implemented();
    }
    return call_method(runtime, value, name, {});
}

std::optional<double> to_double(Runtime& runtime, Value value) {
    if (value.is_double()) {
        return value.as_double();
    }
    if (value.is_small_int()) {
        return static_cast<double>(value.as_small_int());
    }
    if (value.is_bool()) {
        return value.is_true_value() ? 1.0 : 0.0;
    }
    if (is_big_int(value)) {
        return to_big_integer(value).to_double();
    }
    Value native = native_self(value);
    if (native != value) {
        return to_double(runtime, native);
    }
    Value converted = call_conversion_method(runtime, value, names::dunder_float);
    if (converted.is_empty()) {
        return std::nullopt;
    }
    if (converted.is_double()) {
        return converted.as_double();
    }
    runtime.raise_joined(&type_error_type,
                         {"can't convert ", type_name_of(runtime, value), " to float"});
    return std::nullopt;
}

}  // namespace xipy::object
