// property, classmethod and staticmethod: what they do when found on a class.
#include "object/descriptor_objects.hpp"

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

void trace_property(gc::Cell* cell, gc::Tracer& tracer) {
    auto* property = static_cast<PropertyObject*>(cell);
    for (Value value : {property->getter, property->setter, property->deleter}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

void trace_wrapper(gc::Cell* cell, gc::Tracer& tracer) {
    auto* wrapper = static_cast<WrapperObject*>(cell);
    if (wrapper->function.is_object()) {
        tracer.mark(wrapper->function.as_object());
    }
}

Result<Value> property_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    Value parts[3] = {Value::none(), Value::none(), Value::none()};
    if (arguments.positional_count > 3) {
        return runtime.raise_new(&type_error_type, "property takes at most 3 arguments");
    }
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        parts[index] = arguments[index];
    }
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        Value name = arguments.keyword_name(index);
        std::uint32_t id = name.is_interned_string() ? name.as_interned_string() : 0;
        if (id == names::fget) {
            parts[0] = arguments.keyword_value(index);
        } else if (id == names::fset) {
            parts[1] = arguments.keyword_value(index);
        } else if (id == names::fdel) {
            parts[2] = arguments.keyword_value(index);
        } else if (id != names::dunder_doc && str_view(runtime, name) != "doc") {
            return runtime.raise_new(&type_error_type, "unexpected keyword argument");
        }
    }
    auto* property = runtime.make<PropertyObject>(0, parts[0], parts[1], parts[2]);
    return property == nullptr ? Value::empty() : Value::from_object(property);
}

Result<Value> property_bind(Runtime& runtime, Value descriptor, Value instance, const Type*) {
    if (instance.is_empty()) {
        return descriptor;
    }
    auto* property = static_cast<PropertyObject*>(descriptor.as_object());
    if (property->getter.is_none()) {
        return runtime.raise_new(&attribute_error_type, "unreadable attribute");
    }
    return call_positional(runtime, property->getter, {instance});
}

Result<Value> property_with(Runtime& runtime, Arguments arguments, int part) {
    auto* property = static_cast<PropertyObject*>(arguments[0].as_object());
    Value parts[3] = {property->getter, property->setter, property->deleter};
    parts[part] = arguments[1];
    auto* copy = runtime.make<PropertyObject>(0, parts[0], parts[1], parts[2]);
    return copy == nullptr ? Value::empty() : Value::from_object(copy);
}

Result<Value> property_getter(Runtime& runtime, Arguments arguments) {
    return property_with(runtime, arguments, 0);
}
Result<Value> property_setter(Runtime& runtime, Arguments arguments) {
    return property_with(runtime, arguments, 1);
}
Result<Value> property_deleter(Runtime& runtime, Arguments arguments) {
    return property_with(runtime, arguments, 2);
}

Value property_load_attribute(Runtime&, Value self, std::uint32_t name) {
    auto* property = static_cast<PropertyObject*>(self.as_object());
    switch (name) {
        case names::fget:
            return property->getter;
        case names::fset:
            return property->setter;
        case names::fdel:
            return property->deleter;
        default:
            return Value::empty();
    }
}

constexpr NativeFunction property_getter_function{names::getter, NativeKind::method, 2, 2,
                                                  property_getter};
constexpr NativeFunction property_setter_function{names::setter, NativeKind::method, 2, 2,
                                                  property_setter};
constexpr NativeFunction property_deleter_function{names::deleter, NativeKind::method, 2, 2,
                                                   property_deleter};
constexpr Attribute property_attributes[] = {
    {names::getter, &property_getter_function},
    {names::setter, &property_setter_function},
    {names::deleter, &property_deleter_function},
};

Result<Value> wrapper_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count != 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes 1 positional arguments but ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count)),
             " were given"});
    }
    auto* wrapper = runtime.make<WrapperObject>(0, type, arguments[0]);
    return wrapper == nullptr ? Value::empty() : Value::from_object(wrapper);
}

Result<Value> classmethod_bind(Runtime& runtime, Value descriptor, Value instance,
                               const Type* lookup_type) {
    auto* wrapper = static_cast<WrapperObject*>(descriptor.as_object());
    Value owner = Value::from_object(lookup_type);
    if (!instance.is_empty() && type_of(instance) != lookup_type && is_type(instance)) {
        owner = instance;
    }
    return make_bound_method(runtime, wrapper->function, owner);
}

Result<Value> staticmethod_bind(Runtime&, Value descriptor, Value, const Type*) {
    return static_cast<WrapperObject*>(descriptor.as_object())->function;
}

Value wrapper_load_attribute(Runtime&, Value self, std::uint32_t name) {
    if (name == names::dunder_func) {
        return static_cast<WrapperObject*>(self.as_object())->function;
    }
    return Value::empty();
}

}  // namespace

constinit const Type property_type{names::property,
                                   &object_type,
                                   TypeSlots{
                                       .make_new = property_make_new,
                                       .load_attribute = property_load_attribute,
                                       .bind = property_bind,
                                   },
                                   property_attributes,
                                   0,
                                   trace_property};

constinit const Type classmethod_type{names::classmethod,
                                      &object_type,
                                      TypeSlots{
                                          .make_new = wrapper_make_new,
                                          .load_attribute = wrapper_load_attribute,
                                          .bind = classmethod_bind,
                                      },
                                      {},
                                      0,
                                      trace_wrapper};

constinit const Type staticmethod_type{names::staticmethod,
                                       &object_type,
                                       TypeSlots{
                                           .make_new = wrapper_make_new,
                                           .load_attribute = wrapper_load_attribute,
                                           .bind = staticmethod_bind,
                                       },
                                       {},
                                       0,
                                       trace_wrapper};

}  // namespace xipy::object
