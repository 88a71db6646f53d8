// Classes made by `class` statements, their instances, object, type and super.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "object/operations.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type object_type;
extern const Type super_type;

// An instance of a user class (and the base layout of exceptions).
// Invariants: `dict` is a dict or empty (made on first store); `native` is
// empty unless the class derives from a built-in type other than object and
// BaseException, in which case it is the instance of that built-in that
// holds the built-in state (MicroPython's "subobj").
struct InstanceObject : Object {
    Value dict;
    Value native;

    explicit InstanceObject(const Type* type) : Object(type) {}
};

// class name(bases...): body already ran and filled `dict`.
Result<Value> make_class(Runtime& runtime, Value name, Value bases, Value dict);
inline bool is_type(Value value) {
    return value.is_object() && value.as_object()->type() == &type_type;
}
inline const Type* as_type(Value value) { return static_cast<const Type*>(value.as_object()); }
// The built-in object behind a value: `native` of an instance of a user
// class deriving from a built-in, the value itself otherwise.
Value native_self(Value value);
// Instances created by type.__call__ for a user class.
Result<Value> instance_make_new(Runtime& runtime, const Type* type, Arguments arguments);
// The __init__ of a user class whose instances instance_make_new() would make by allocating a
// plain instance and calling that __init__ with the call's arguments (no __new__ of the
// program's, no built-in base but object); empty for every other class. The interpreter makes
// such instances itself, running __init__ in its own loop (Interpreter::call_instruction).
Value plain_init_of(Runtime& runtime, const Type* type);
// A new instance of a class plain_init_of() accepted, with no attributes yet.
Result<Value> make_plain_instance(Runtime& runtime, const Type* type);
// The TypeError of an __init__ that returned `result`, not None.
Raised raise_init_result(Runtime& runtime, Value result);
// super(type, object).name
Status super_load_method(Runtime& runtime, Value type, Value object, std::uint32_t name,
                         Value destination[2]);
void trace_instance(gc::Cell* cell, gc::Tracer& tracer);
// LOAD_METHOD on an instance of a user class when the class lookup of `name`
// (lookup_in_type) is already known, e.g. from an inline cache. An empty
// `method.function` with nothing raised means "no such attribute".
Status instance_load_method_found(Runtime& runtime, Value object, std::uint32_t name,
                                  ClassLookup found, Method& method);
// Stores (or, with an empty `value`, deletes) an attribute of an instance of a
// user class, given the class lookups of the __setattr__/__delattr__ hook and
// of `name`.
Status instance_store_attribute_found(Runtime& runtime, Value object, std::uint32_t name,
                                      Value value, ClassLookup hook, ClassLookup found);

}  // namespace xipy::object
