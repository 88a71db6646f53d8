// property, classmethod and staticmethod.
#pragma once

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type property_type;
extern const Type classmethod_type;
extern const Type staticmethod_type;

struct PropertyObject : Object {
    Value getter;
    Value setter;
    Value deleter;

    PropertyObject(Value get, Value set, Value remove)
        : Object(&property_type), getter(get), setter(set), deleter(remove) {}
};

// classmethod(f) and staticmethod(f).
struct WrapperObject : Object {
    Value function;

    WrapperObject(const Type* type, Value wrapped) : Object(type), function(wrapped) {}
};

}  // namespace xipy::object
