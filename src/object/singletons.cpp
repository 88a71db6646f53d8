// NoneType, ellipsis and NotImplementedType: types with a single immediate instance.
#include "object/singletons.hpp"

#include "object/class_object.hpp"
#include "object/names.hpp"
#include "object/printer.hpp"

namespace xipy::object {
namespace {

Status none_print(Runtime&, Value, Printer& printer, PrintKind) {
    printer.write("None");
    return succeeded();
}

Status ellipsis_print(Runtime&, Value, Printer& printer, PrintKind) {
    printer.write("Ellipsis");
    return succeeded();
}

Status not_implemented_print(Runtime&, Value, Printer& printer, PrintKind) {
    printer.write("NotImplemented");
    return succeeded();
}

Result<Value> none_unary(Runtime&, UnaryOperator operation, Value) {
    if (operation == UnaryOperator::boolean) {
        return Value::false_value();
    }
    return Value::not_implemented();
}

}  // namespace

constinit const Type none_type{names::NoneType,
                               &object_type,
                               TypeSlots{.print = none_print, .unary_operation = none_unary},
                               {}};
constinit const Type ellipsis_type{
    names::ellipsis, &object_type, TypeSlots{.print = ellipsis_print}, {}};
constinit const Type not_implemented_type{
    names::NotImplementedType, &object_type, TypeSlots{.print = not_implemented_print}, {}};

}  // namespace xipy::object
