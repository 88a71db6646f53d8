// cell: a box holding a variable shared by a function and its closures.
#pragma once

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type cell_type;

// Invariant: `value` is empty while the variable is unbound.
struct CellObject : Object {
    Value value;

    explicit CellObject(Value initial) : Object(&cell_type), value(initial) {}
};

Result<Value> make_cell(Runtime& runtime, Value initial);

}  // namespace xipy::object
