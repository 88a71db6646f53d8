// cell objects: boxes for variables captured by closures.
#include "object/cell_object.hpp"

#include "object/class_object.hpp"
#include "object/names.hpp"

namespace xipy::object {
namespace {

void trace_cell(gc::Cell* cell, gc::Tracer& tracer) {
    Value value = static_cast<CellObject*>(cell)->value;
    if (value.is_object()) {
        tracer.mark(value.as_object());
    }
}

}  // namespace

constinit const Type cell_type{names::cell, &object_type, TypeSlots{}, {}, 0, trace_cell};

Result<Value> make_cell(Runtime& runtime, Value initial) {
    auto* cell = runtime.make<CellObject>(0, initial);
    return cell == nullptr ? Value::empty() : Value::from_object(cell);
}

}  // namespace xipy::object
