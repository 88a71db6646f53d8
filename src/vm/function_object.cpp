// Python function objects: calling, binding as methods, printing.
#include "vm/function_object.hpp"

#include <cstdio>

#include "object/class_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/printer.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

using object::Value;

namespace {

void trace_function(gc::Cell* cell, gc::Tracer& tracer) {
    auto* function = static_cast<FunctionObject*>(cell);
    for (Value value : function->extra_values()) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

object::Result<Value> function_call(object::Runtime& runtime, Value callable,
                                    object::Arguments arguments) {
    return static_cast<Interpreter&>(runtime).call_function(callable, arguments);
}

object::Status function_print(object::Runtime& runtime, Value self, object::Printer& printer,
                              object::PrintKind) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " at 0x%llx>",
                  static_cast<unsigned long long>(self.bits() & 0xFFFFFFFFFFFFULL));
    printer.write("<function ");
    printer.write(runtime.name_text(as_function(self)->name));
    printer.write(buffer);
    return object::succeeded();
}

object::Result<Value> function_bind(object::Runtime& runtime, Value descriptor, Value instance,
                                    const object::Type*) {
    if (instance.is_empty()) {
        return descriptor;
    }
    return object::make_bound_method(runtime, descriptor, instance);
}

object::Value function_load_attribute(object::Runtime&, Value self, std::uint32_t name) {
    FunctionObject* function = as_function(self);
    switch (name) {
        case object::names::dunder_name:
        case object::names::dunder_qualname:
            return Value::from_interned_string(function->name);
        case object::names::dunder_globals:
            return function->context->globals;
        default:
            return Value::empty();
    }
}

}  // namespace

constinit const object::Type function_type{object::names::function,
                                           &object::object_type,
                                           object::TypeSlots{
                                               .call = function_call,
                                               .print = function_print,
                                               .load_attribute = function_load_attribute,
                                               .bind = function_bind,
                                           },
                                           {},
                                           object::type_flag_method,
                                           trace_function};

}  // namespace xipy::vm
