// NativeFunction: a built-in function or method implemented in C++, as constant data.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type native_function_type;
extern const Type bound_method_type;
extern const Type checked_method_type;

using NativeCode = Result<Value> (*)(Runtime& runtime, Arguments arguments);

enum class NativeKind : std::uint8_t {
    function,       // len, print: called as is
    method,         // list.append: bound to the instance it is loaded through
    class_method,   // dict.fromkeys: bound to the class
    static_method,  // never bound
};

// A built-in callable. Methods receive their self as the first positional
// argument. Argument counts (self included) are checked before `code` runs,
// and keywords only reach functions that say they accept them.
struct NativeFunction : Object {
    std::uint32_t name;
    NativeKind kind;
    bool accepts_keywords;
    std::uint16_t minimum_positional;
    std::uint16_t maximum_positional;
    NativeCode code;

    static constexpr std::uint16_t unlimited = 0xFFFF;

    constexpr NativeFunction(std::uint32_t name_id, NativeKind function_kind, std::uint16_t minimum,
                             std::uint16_t maximum, NativeCode native, bool keywords = false)
        : Object(&native_function_type, gc::Cell::flag_static),
          name(name_id),
          kind(function_kind),
          accepts_keywords(keywords),
          minimum_positional(minimum),
          maximum_positional(maximum),
          code(native) {}
};

// Calls `function` with `arguments` after checking them against its counts (and a method's
// self against its type), as calling it from Python does.
Result<Value> call_native(Runtime& runtime, const NativeFunction* function, Arguments arguments);

// A function or method paired with the instance (or class) it is bound to.
struct BoundMethodObject : Object {
    Value function;
    Value self;

    BoundMethodObject(Value bound_function, Value bound_self)
        : Object(&bound_method_type), function(bound_function), self(bound_self) {}
};

// A built-in method taken from its class (`str.upper`), which may be called with any object as
// self. The method's code assumes self has its owner's layout, so the call checks it first
// and raises MicroPython's "argument should be a 'str' not a 'int'" otherwise.
// Invariant: `function` is a NativeFunction of kind method whose table belongs to `owner`.
struct CheckedMethodObject : Object {
    Value function;
    const Type* owner;

    CheckedMethodObject(Value method, const Type* owner_type)
        : Object(&checked_method_type), function(method), owner(owner_type) {}
};

// The attribute table of a type or namespace whose members are the first `Count` (all, by
// default) of the functions `Natives`, each under its own name and in the same order.
template <const auto& Natives, std::size_t Count = std::size(Natives)>
constexpr std::array<Attribute, Count> native_attributes() {
    return []<std::size_t... Indices>(std::index_sequence<Indices...>) {
        return std::array<Attribute, Count>{Attribute{Natives[Indices].name, &Natives[Indices]}...};
    }
    (std::make_index_sequence<Count>{});
}

Result<Value> make_bound_method(Runtime& runtime, Value function, Value self);
// `found`, looked up on the class `owner` without an instance, ready to be handed to Python
// code: a built-in method of a type other than object comes back wrapped in a
// CheckedMethodObject; anything else comes back unchanged.
Result<Value> check_unbound_method(Runtime& runtime, Value found, const Type* owner);
// Calls `function` with `self` inserted before the arguments.
Result<Value> call_with_self(Runtime& runtime, Value function, Value self, Arguments arguments);
// The keyword argument `name`, or empty if not given.
Value keyword_argument(Arguments arguments, std::uint32_t name);
// Raises "TypeError: unexpected keyword argument 'x'" for any keyword not in `allowed`.
Status check_keywords(Runtime& runtime, Arguments arguments,
                      std::initializer_list<std::uint32_t> allowed);

}  // namespace xipy::object
