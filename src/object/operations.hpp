// The generic object protocol: calls, attributes, operators, iteration, printing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "object/array_object.hpp"
#include "object/bytes_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/object.hpp"
#include "object/printer.hpp"
#include "object/runtime.hpp"
#include "object/singletons.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "object/value.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::object {

// Every function here follows the Runtime's error convention: Value::empty()
// (or false / an empty optional) means an exception is pending.

// ---- types
// Inline: every slot dispatch, attribute lookup and type check starts here.
inline const Type* type_of(Value value) {
    if (value.is_object()) {
        return value.as_object()->type();
    }
    if (value.is_double()) {
        return &float_type;
    }
    if (value.is_small_int()) {
        return &int_type;
    }
    if (value.is_interned_string()) {
        return &str_type;
    }
    if (value.is_bool()) {
        return &bool_type;
    }
    if (value.is_ellipsis()) {
        return &ellipsis_type;
    }
    if (value.is_not_implemented()) {
        return &not_implemented_type;
    }
    return &none_type;
}
bool is_subtype(const Type* type, const Type* base);
bool is_instance(Value value, const Type* type);
// The type's name as Python prints it ("int", "MyClass").
std::string_view type_name(const Runtime& runtime, const Type* type);
std::string_view type_name_of(const Runtime& runtime, Value value);

// ---- calls
Result<Value> call(Runtime& runtime, Value callable, Arguments arguments);
Result<Value> call_positional(Runtime& runtime, Value callable, std::span<const Value> positional);
Result<Value> call_positional(Runtime& runtime, Value callable,
                              std::initializer_list<Value> positional);
bool is_callable(Value value);
// Calls `object.name(positional...)`; empty when it raised (AttributeError
// when there is no such attribute).
Result<Value> call_method(Runtime& runtime, Value object, std::uint32_t name,
                          std::initializer_list<Value> positional);

// ---- attributes
// A method lookup result as MicroPython's LOAD_METHOD pushes it: `function`
// and, when the attribute is a method of the instance, `self` to pass first
// (otherwise `self` is empty and `function` is the attribute's value).
struct Method {
    Value function;
    Value self;
};
// Raises AttributeError when missing.
Result<Value> load_attribute(Runtime& runtime, Value object, std::uint32_t name);
// Empty with nothing pending when missing.
Value find_attribute(Runtime& runtime, Value object, std::uint32_t name);
// False when it raised; `found` tells whether the attribute exists (when
// `must_exist`, a missing attribute raises AttributeError instead).
Status load_method(Runtime& runtime, Value object, std::uint32_t name, Method& method,
                   bool must_exist = true);
Status store_attribute(Runtime& runtime, Value object, std::uint32_t name, Value value);
Status delete_attribute(Runtime& runtime, Value object, std::uint32_t name);
// The attribute error texts MicroPython uses.
Raised raise_no_attribute(Runtime& runtime, Value object, std::uint32_t name);

// Looks `name` up along a type's MRO without binding. Empty when missing.
ClassLookup lookup_in_type(const Type* type, std::uint32_t name);
// The same, remembered in the runtime's ClassLookupCache for user classes.
ClassLookup lookup_in_type(Runtime& runtime, const Type* type, std::uint32_t name);
// True when loading `method`'s name from an instance of `type` could yield `method`: some class
// of the MRO holds it, or it is the __next__ that load_method makes for iterator slots.
struct NativeFunction;
bool type_has_method(const Type* type, const NativeFunction* method);
// True for what binds as a method when found on a class (LOAD_METHOD may
// then skip making a bound method).
bool is_method_descriptor(Value value);
// What the lookup means when loaded through `instance` (empty: through the class).
Result<Value> bind_attribute(Runtime& runtime, Value found, Value instance, const Type* owner);

// ---- operators
// The special-method names of operators ("__add__"), or names::null_name.
std::uint32_t binary_operator_name(BinaryOperator operation);
std::uint32_t unary_operator_name(UnaryOperator operation);
Result<Value> unary_operation(Runtime& runtime, UnaryOperator operation, Value operand);
Result<Value> binary_operation(Runtime& runtime, BinaryOperator operation, Value left, Value right);
// -1 when it raised, else 0 or 1.
int truth(Runtime& runtime, Value value);
int equals(Runtime& runtime, Value left, Value right);
std::optional<std::int64_t> hash_value(Runtime& runtime, Value value);
std::optional<std::int64_t> length_of(Runtime& runtime, Value value);
// "unsupported types for __add__: 'str', 'int'".
Raised raise_unsupported_binary(Runtime& runtime, BinaryOperator operation, Value left,
                                Value right);
// The six comparisons of two byte strings (str, bytes and array compare this way; UTF-8 bytes
// order as code points do); any other operation is not_implemented.
Value compare_byte_strings(BinaryOperator operation, std::string_view first,
                           std::string_view second);
Raised raise_unsupported_unary(Runtime& runtime, UnaryOperator operation, Value operand);

// ---- subscripts
// Every subscript of every type; load_subscript and store_subscript answer the commonest
// cases inline first.
Result<Value> load_subscript_general(Runtime& runtime, Value object, Value index);
Status store_subscript_general(Runtime& runtime, Value object, Value index, Value value);

// A small-int index of a sequence of `length` items, counted from the end when negative;
// false when outside [0, length) (the general path then raises the IndexError).
inline bool position_in(std::int64_t& position, std::uint32_t length) {
    if (position < 0) {
        position += length;
    }
    return static_cast<std::uint64_t>(position) < length;
}

// An item of an exact list, tuple, bytearray or bytes at a small-int index is read in place,
// inline (LOAD_SUBSCR is among the commonest opcodes; always inline, as the interpreter's
// loop is too large for the compiler to inline it by itself); any other object or index, and
// an index out of range, takes the general path, which raises.
[[gnu::always_inline]] inline Result<Value> load_subscript(Runtime& runtime, Value object,
                                                           Value index) {
    if (object.is_object() && index.is_small_int()) {
        Object* target = object.as_object();
        std::int64_t position = index.as_small_int();
        if (target->type() == &list_type) {
            auto* list = static_cast<ListObject*>(target);
            if (position_in(position, list->length)) {
                return list->items()[position];
            }
        } else if (target->type() == &tuple_type) {
            auto* tuple = static_cast<TupleObject*>(target);
            if (position_in(position, tuple->length)) {
                return tuple->items()[position];
            }
        } else if (target->type() == &bytearray_type) {
            auto* bytes = static_cast<ArrayObject*>(target);  // typecode 'B': one byte an item
            if (position_in(position, bytes->length)) {
                return Value::from_small_int(bytes->data()[position]);
            }
        } else if (target->type() == &bytes_type) {
            auto* bytes = static_cast<StrObject*>(target);
            if (position_in(position, bytes->byte_length)) {
                return Value::from_small_int(static_cast<std::uint8_t>(bytes->data()[position]));
            }
        }
    }
    return load_subscript_general(runtime, object, index);
}

// As load_subscript: an item of an exact list, or a byte of a bytearray set from a small int
// (wrapped to 8 bits, as the general path stores it), in place; deletion (an empty `value`)
// takes the general path.
[[gnu::always_inline]] inline Status store_subscript(Runtime& runtime, Value object, Value index,
                                                     Value value) {
    if (object.is_object() && index.is_small_int() && !value.is_empty()) {
        Object* target = object.as_object();
        std::int64_t position = index.as_small_int();
        if (target->type() == &list_type) {
            auto* list = static_cast<ListObject*>(target);
            if (position_in(position, list->length)) {
                list->items()[position] = value;
                return succeeded();
            }
        } else if (target->type() == &bytearray_type && value.is_small_int()) {
            auto* bytes = static_cast<ArrayObject*>(target);
            if (position_in(position, bytes->length)) {
                bytes->data()[position] = static_cast<std::uint8_t>(value.as_small_int());
                return succeeded();
            }
        }
    }
    return store_subscript_general(runtime, object, index, value);
}
Status delete_subscript(Runtime& runtime, Value object, Value index);

// ---- iteration
Result<Value> get_iterator(Runtime& runtime, Value iterable);
// Value::stop_iteration() at the end.
Result<Value> iterate_next(Runtime& runtime, Value iterator);
// Like iterate_next, but a StopIteration the iterator raises stays pending: its value is
// the result of `yield from` and what next() raises. The end may still be Value::stop_iteration().
Result<Value> iterate_next_keeping_stop(Runtime& runtime, Value iterator);
// The get_iterator slot of iterators: an iterator is its own iterator.
Result<Value> iterator_self(Runtime& runtime, Value self);
// An iterator calling __getitem__ with 0, 1, 2... until IndexError.
Result<Value> make_index_iterator(Runtime& runtime, Value sequence);

// ---- printing
Status print_value(Runtime& runtime, Printer& printer, Value value, PrintKind kind);
// str(value) / repr(value) as a str object.
Result<Value> to_str(Runtime& runtime, Value value);
Result<Value> to_repr(Runtime& runtime, Value value);
// The text of str(value) / repr(value); empty optional when it raised.
std::optional<std::string> str_text(Runtime& runtime, Value value);
std::optional<support::ScratchString> repr_text(Runtime& runtime, Value value);

// ---- conversions used by built-ins
// Python int to C++ integer (bool counts); TypeError "can't convert X to int" otherwise.
std::optional<std::int64_t> to_integer(Runtime& runtime, Value value);
// An index for sequences: int or bool, else TypeError "<what> indices must be integers, not X".
std::optional<std::int64_t> to_index(Runtime& runtime, Value value, std::string_view what);
// The result of a user class's conversion method (__float__, __complex__, ...) called on
// `value`; not_implemented when its class defines none, empty when it raised.
Result<Value> call_conversion_method(Runtime& runtime, Value value, std::uint32_t name);
// float(value) for int, bool, float and a user class's __float__ (which must give a float);
// TypeError "can't convert X to float" otherwise.
std::optional<double> to_double(Runtime& runtime, Value value);

}  // namespace xipy::object
