// Object and Type: the header every Python object starts with, and the slot table of a type.
#pragma once

#include <cstdint>
#include <span>

#include "gc/cell.hpp"
#include "object/result.hpp"
#include "object/value.hpp"
#include "support/inline.hpp"

namespace xipy::object {

class Runtime;
class Printer;
struct Type;
struct BufferView;

// The type of every type object, built-in or user-defined.
extern const Type type_type;

// Every heap or static Python object. Its cell descriptor is its type, so
// `type()` costs one load. Invariant: `descriptor_` always points at the
// CellDescriptor base of a Type.
struct Object : gc::Cell {
    constexpr explicit Object(const Type* type, std::uint8_t flags = 0);
    const Type* type() const;
};

// Arguments of a call, laid out as MicroPython lays them: `positional`
// values, then `keyword_count` (name, value) pairs, names being interned
// strings. The array belongs to the caller and outlives the call; its values
// are rooted by the caller (normally they sit on the VM's value stack).
struct Arguments {
    const Value* values = nullptr;
    std::uint32_t positional_count = 0;
    std::uint32_t keyword_count = 0;

    std::span<const Value> positional() const { return {values, positional_count}; }
    Value operator[](std::uint32_t index) const { return values[index]; }
    Value keyword_name(std::uint32_t index) const { return values[positional_count + 2 * index]; }
    Value keyword_value(std::uint32_t index) const {
        return values[positional_count + 2 * index + 1];
    }
    // The arguments without the first positional one (a method's self).
    Arguments without_first() const {
        return Arguments{values + 1, positional_count - 1, keyword_count};
    }
};

// Operators in MicroPython's bytecode order (py/runtime0.h), so a
// UNARY_OP_MULTI / BINARY_OP_MULTI opcode maps to them by subtraction.
enum class UnaryOperator : std::uint8_t {
    positive,
    negative,
    invert,
    logical_not,
    // Not reachable from bytecode; used by built-ins through the same slot.
    boolean,
    length,
    hash,
    absolute,
};

enum class BinaryOperator : std::uint8_t {
    less,
    more,
    equal,
    less_equal,
    more_equal,
    not_equal,
    in,
    is,
    exception_match,
    inplace_or,
    inplace_xor,
    inplace_and,
    inplace_lshift,
    inplace_rshift,
    inplace_add,
    inplace_subtract,
    inplace_multiply,
    inplace_matrix_multiply,
    inplace_floor_divide,
    inplace_true_divide,
    inplace_modulo,
    inplace_power,
    or_,
    xor_,
    and_,
    lshift,
    rshift,
    add,
    subtract,
    multiply,
    matrix_multiply,
    floor_divide,
    true_divide,
    modulo,
    power,
    // Not reachable from bytecode: `container contains item` (the `in`
    // operator with its operands swapped) and divmod().
    contains,
    divmod,
};

inline constexpr int inplace_to_plain_offset =
    static_cast<int>(BinaryOperator::or_) - static_cast<int>(BinaryOperator::inplace_or);

constexpr bool is_inplace(BinaryOperator operation) {
    return operation >= BinaryOperator::inplace_or && operation <= BinaryOperator::inplace_power;
}
// inplace_add -> add, etc.; other operators are returned unchanged.
constexpr BinaryOperator plain_operator(BinaryOperator operation) {
    return is_inplace(operation)
               ? static_cast<BinaryOperator>(static_cast<int>(operation) + inplace_to_plain_offset)
               : operation;
}

enum class PrintKind : std::uint8_t { str, repr };

// A name/object pair of a built-in type's constant attribute table. `name`
// is a fixed interned-string id and `object` a static object, so tables are
// constant data shared by all VMs.
struct Attribute {
    std::uint32_t name;
    const Object* object;
};

// Where lookup_in_type() found a name: its value and the class along the MRO that holds it
// (empty value and null owner when no class does).
struct ClassLookup {
    Value value;
    const Type* owner = nullptr;
};

// A type's behaviour. Every slot may be null, meaning "not supported".
//
// Result conventions, the same everywhere:
//   * A slot that may raise returns Result<Value> or Status (object/result.hpp):
//     on failure the exception is pending in the Runtime.
//   * unary_operation / binary_operation return Value::not_implemented()
//     for operand types they do not handle. binary_operation is offered the
//     operands in source order, first through the left operand's type and
//     then through the right one's, so it must check both operands.
//   * load_attribute, a lookup, returns a plain Value: Value::empty() with
//     nothing pending when the attribute does not exist, so the caller
//     chooses the error, and empty with an exception pending when it raised.
//   * iterate_next returns Value::stop_iteration() at the end, without
//     creating a StopIteration object.
//   * A store of Value::empty() is a deletion.
//   * bind turns an attribute found on a class into what an attribute load
//     through `instance` yields (a bound method, a property's value...);
//     `instance` is empty when the attribute was loaded from the class.
struct TypeSlots {
    Result<Value> (*make_new)(Runtime& runtime, const Type* type, Arguments arguments) = nullptr;
    Result<Value> (*call)(Runtime& runtime, Value callable, Arguments arguments) = nullptr;
    Status (*print)(Runtime& runtime, Value self, Printer& printer, PrintKind kind) = nullptr;
    Result<Value> (*unary_operation)(Runtime& runtime, UnaryOperator operation,
                                     Value operand) = nullptr;
    Result<Value> (*binary_operation)(Runtime& runtime, BinaryOperator operation, Value left,
                                      Value right) = nullptr;
    Value (*load_attribute)(Runtime& runtime, Value self, std::uint32_t name) = nullptr;
    Status (*store_attribute)(Runtime& runtime, Value self, std::uint32_t name,
                              Value value) = nullptr;
    Result<Value> (*load_subscript)(Runtime& runtime, Value self, Value index) = nullptr;
    Status (*store_subscript)(Runtime& runtime, Value self, Value index, Value value) = nullptr;
    Result<Value> (*get_iterator)(Runtime& runtime, Value self) = nullptr;
    Result<Value> (*iterate_next)(Runtime& runtime, Value iterator) = nullptr;
    Result<Value> (*bind)(Runtime& runtime, Value descriptor, Value instance,
                          const Type* owner) = nullptr;
    // The buffer protocol of a type the object layer does not know (uctypes.struct,
    // framebuf.FrameBuffer): fills `view` and returns true, or false without raising when it
    // has no memory to offer.
    bool (*get_buffer)(Value self, BufferView& view) = nullptr;
};

enum TypeFlags : std::uint32_t {
    // A class made by a `class` statement: a heap object with a dict and an MRO.
    type_flag_user_class = 1,
    // Found on a class and loaded through an instance, it becomes a method
    // bound to that instance (Python functions, native methods).
    type_flag_method = 2,
    // A `class` statement may name it as a base.
    type_flag_subclassable = 4,
};

// A type object. Built-in types are constant static objects shared by all
// VMs; user classes are heap objects of the same layout.
//
// Invariants: `base` is null only for `object`. For built-in types `dict`,
// `bases` and `mro` are empty and the MRO is the chain of `base` pointers.
// For user classes (type_flag_user_class) `dict` is a dict, `bases` a tuple
// of types, `mro` a tuple of types starting with the class itself (C3
// order), `base` the first base and `native_base` the built-in type whose
// instance layout the class's instances use (see class_object.hpp).
struct Type : Object, gc::CellDescriptor {
    std::uint32_t name;
    std::uint32_t flags;
    const Type* base;
    TypeSlots slots;
    std::span<const Attribute> attributes;
    Value dict;
    Value bases;
    Value mro;
    const Type* native_base;
    // Bit (name % 64) set for the name of every entry of `attributes`: most lookups of a name
    // a built-in type lacks end at this test instead of a scan of its table.
    std::uint64_t attribute_names = 0;
    // A user class: the most attributes one of its instances has held, the room a new
    // instance's dict starts with, so that filling it in __init__ never regrows it.
    std::uint32_t instance_attributes = 0;

    // A built-in type: constant data.
    constexpr Type(std::uint32_t name_id, const Type* base_type, TypeSlots type_slots,
                   std::span<const Attribute> type_attributes, std::uint32_t type_flags = 0,
                   void (*trace_function)(gc::Cell*, gc::Tracer&) = nullptr,
                   void (*finalize_function)(gc::Cell*) = nullptr)
        : Object(&type_type, gc::Cell::flag_static),
          gc::CellDescriptor{trace_function, finalize_function},
          name(name_id),
          flags(type_flags),
          base(base_type),
          slots(type_slots),
          attributes(type_attributes),
          native_base(nullptr) {
        for (const Attribute& attribute : type_attributes) {
            attribute_names |= std::uint64_t{1} << (attribute.name % 64);
        }
    }

    // A user class: a heap object, filled in by make_class().
    struct UserClassTag {};
    Type(UserClassTag, std::uint32_t name_id, const Type* base_type, TypeSlots type_slots,
         void (*trace_function)(gc::Cell*, gc::Tracer&))
        : Object(&type_type),
          gc::CellDescriptor{trace_function, nullptr},
          name(name_id),
          flags(type_flag_user_class | type_flag_subclassable),
          base(base_type),
          slots(type_slots),
          native_base(nullptr) {}

    bool is_user_class() const { return (flags & type_flag_user_class) != 0; }
    // False when `attributes` surely has no entry for `name`.
    bool may_have_attribute(std::uint32_t name) const {
        return ((attribute_names >> (name % 64)) & 1) != 0;
    }
};

constexpr Object::Object(const Type* type, std::uint8_t flags)
    : gc::Cell(static_cast<const gc::CellDescriptor*>(type), flags) {}

// The descriptor is a Type's second base, so the cast subtracts an offset; telling the compiler
// it is never null spares the null test that a cast of a possibly-null pointer carries.
XIPY_ALWAYS_INLINE inline const Type* Object::type() const {
    if (descriptor_ == nullptr) {
        __builtin_unreachable();
    }
    return static_cast<const Type*>(descriptor_);
}

#if XIPY_VALUE_BITS == 32
extern const Type float_type;

// A float in the 32-bit word: the double, boxed (object/value.hpp); make_float() makes it.
struct FloatObject : Object {
    explicit FloatObject(double number) : Object(&float_type), value(number) {}
    double value;
};

XIPY_ALWAYS_INLINE inline bool Value::is_double() const {
    return is_object() &&
           as_object()->descriptor_ == static_cast<const gc::CellDescriptor*>(&float_type);
}

XIPY_ALWAYS_INLINE inline double Value::as_double() const {
    return static_cast<const FloatObject*>(as_object())->value;
}
#endif

}  // namespace xipy::object
