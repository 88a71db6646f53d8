// Native code for Python: host functions, native modules and classes, argument parsing.
#include <string>
#include <vector>

#include "api/vm_state.hpp"
#include "object/class_object.hpp"
#include "object/descriptor_objects.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/module_definition.hpp"

namespace xipy::api {

using object::Value;

namespace {

// Calls the host: the arguments become handles in a scope of their own, which ends when the
// host returns, so nothing the host made outlives the call but its result.
object::Result<Value> host_call(object::Runtime& runtime, Value callable,
                                object::Arguments arguments) {
    auto* function = static_cast<const HostFunction*>(callable.as_object());
    xipy_vm& vm = vm_of(runtime);
    if (!runtime.enter_native_call()) {
        return Value::empty();
    }
    xipy_scope scope = vm.handles.begin_scope();
    // Most calls have a few arguments: their handles stay on the C++ stack.
    constexpr std::size_t inline_count = 8;
    std::size_t count = arguments.positional_count + 2 * std::size_t{arguments.keyword_count};
    xipy_value inline_handles[inline_count];
    std::vector<xipy_value> heap_handles;
    if (count > inline_count) {
        heap_handles.resize(count);
    }
    xipy_value* handles = count > inline_count ? heap_handles.data() : inline_handles;
    std::size_t filled = 0;
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        handles[filled++] = vm.handles.add(arguments[index]);
    }
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        handles[filled++] = vm.handles.add(arguments.keyword_name(index));
    }
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        handles[filled++] = vm.handles.add(arguments.keyword_value(index));
    }
    xipy_arguments host_arguments{};
    host_arguments.positional = handles;
    host_arguments.positional_count = arguments.positional_count;
    host_arguments.keyword_names = handles + arguments.positional_count;
    host_arguments.keyword_values = handles + arguments.positional_count + arguments.keyword_count;
    host_arguments.keyword_count = arguments.keyword_count;
    host_arguments.function_name = function->name_text;

    xipy_value result{0, 0};
    xipy_status status = function->function(&vm, &host_arguments, &result);
    Value value;
    if (status == XIPY_OK) {
        value = result.serial == 0 ? Value::none() : vm.handles.find(result);
        if (value.is_empty()) {
            report_misuse(vm, "native function result", "dangling handle");
            // `value` stays empty: the native raised.
            runtime.raise_joined(&object::type_error_type,
                                 {"native function '", runtime.name_text(function->name),
                                  "' returned an invalid handle"});
        }
    } else if (!vm.exception.is_empty()) {
        runtime.set_exception(vm.exception);
        vm.exception = Value::empty();
    } else if (!runtime.has_exception()) {
        runtime.raise_joined(&object::runtime_error_type,
                             {"native function '", runtime.name_text(function->name),
                              "' failed without an exception"});
    }
    vm.handles.end_scope(scope);
    runtime.keep(value);
    runtime.leave_native_call();
    return value;
}

object::Status host_print(object::Runtime& runtime, Value self, object::Printer& printer,
                          object::PrintKind) {
    auto* function = static_cast<const HostFunction*>(self.as_object());
    printer.write("<function ");
    printer.write(runtime.name_text(function->name));
    printer.write(">");
    return object::succeeded();
}

// Found on a class and loaded through an instance, a host function binds like a Python
// function: that is how a native class's methods receive self.
object::Result<Value> host_bind(object::Runtime& runtime, Value descriptor, Value instance,
                                const object::Type*) {
    if (instance.is_empty()) {
        return descriptor;
    }
    return object::make_bound_method(runtime, descriptor, instance);
}

Value host_load_attribute(object::Runtime&, Value self, std::uint32_t name) {
    if (name == object::names::dunder_name) {
        return Value::from_interned_string(
            static_cast<const HostFunction*>(self.as_object())->name);
    }
    return Value::empty();
}

constinit const object::Type host_function_type{
    object::names::function,
    &object::object_type,
    object::TypeSlots{.call = host_call,
                      .print = host_print,
                      .load_attribute = host_load_attribute,
                      .bind = host_bind},
    {},
    object::type_flag_method};

// The built-in part of an instance of a native class: the host's pointer. Native classes are
// user classes built on this type, so it is their instances' `native` object.
struct HostObject : object::Object {
    void* pointer = nullptr;
    void (*finalize)(void* pointer) = nullptr;

    explicit HostObject(const object::Type* type) : Object(type) {}
};

void finalize_host_object(gc::Cell* cell) {
    auto* object = static_cast<HostObject*>(cell);
    if (object->finalize != nullptr) {
        object->finalize(object->pointer);
    }
}

object::Result<Value> host_object_make_new(object::Runtime& runtime, const object::Type* type,
                                           object::Arguments) {
    auto* object = runtime.make<HostObject>(0, type);
    return object != nullptr ? Value::from_object(object) : Value::empty();
}

constinit const object::Type host_object_type{object::names::object,
                                              &object::object_type,
                                              object::TypeSlots{.make_new = host_object_make_new},
                                              {},
                                              object::type_flag_subclassable,
                                              nullptr,
                                              finalize_host_object};

HostObject* host_object_of(Value instance) {
    Value native = object::native_self(instance);
    if (!native.is_object() || object::type_of(native) != &host_object_type) {
        return nullptr;
    }
    return static_cast<HostObject*>(native.as_object());
}

Value make_constant(object::Runtime& runtime, const xipy_constant_def& constant) {
    switch (constant.kind) {
        case XIPY_CONSTANT_BOOL:
            return Value::boolean(constant.integer != 0);
        case XIPY_CONSTANT_INT:
            return object::make_int(runtime, constant.integer);
        case XIPY_CONSTANT_FLOAT:
            return make_float(runtime, constant.number);
        case XIPY_CONSTANT_STR:
            return object::make_str(runtime, constant.text != nullptr ? constant.text : "");
        default:
            return Value::none();
    }
}

Value make_native_class(xipy_vm& vm, const xipy_class_def& definition) {
    object::Runtime& runtime = vm.runtime();
    Value dict = object::make_dict(runtime);
    if (dict.is_empty()) {
        return Value::empty();
    }
    object::DictObject* members = object::as_dict(dict);
    for (std::size_t index = 0; index < definition.method_count; ++index) {
        const xipy_function_def& method = definition.methods[index];
        Value function = make_host_function(vm, method.name, method.function);
        if (!object::dict_store_name(runtime, members, runtime.interned().intern_copy(method.name),
                                     function)) {
            return Value::empty();
        }
    }
    for (std::size_t index = 0; index < definition.property_count; ++index) {
        const xipy_property_def& property = definition.properties[index];
        Value getter = property.get != nullptr ? make_host_function(vm, property.name, property.get)
                                               : Value::none();
        Value setter = property.set != nullptr ? make_host_function(vm, property.name, property.set)
                                               : Value::none();
        auto* made = runtime.make<object::PropertyObject>(0, getter, setter, Value::none());
        if (made == nullptr || !object::dict_store_name(
                                   runtime, members, runtime.interned().intern_copy(property.name),
                                   Value::from_object(made))) {
            return Value::empty();
        }
    }
    Value base = Value::from_object(&host_object_type);
    Value bases = object::new_tuple(runtime, std::span<const Value>(&base, 1));
    if (bases.is_empty()) {
        return Value::empty();
    }
    return object::make_class(runtime, runtime.intern(definition.name), bases, dict);
}

// The initialise of every native module's definition: its constants and classes, which need
// this VM's heap. The module is known by the __name__ the vm layer stored first.
bool initialise_host_module(object::Runtime& runtime, Value globals, void*) {
    xipy_vm& vm = vm_of(runtime);
    object::DictObject* dict = object::as_dict(globals);
    Value name = object::dict_find_name(runtime, dict, object::names::dunder_name);
    const HostModule* module = nullptr;
    for (const HostModule& candidate : vm.modules) {
        if (name.is_interned_string() &&
            candidate.module_definition.name == name.as_interned_string()) {
            module = &candidate;
        }
    }
    if (module == nullptr) {
        return true;
    }
    const xipy_module_def& definition = *module->definition;
    for (std::size_t index = 0; index < definition.class_count; ++index) {
        const xipy_class_def& class_definition = definition.classes[index];
        Value made = make_native_class(vm, class_definition);
        if (made.is_empty() ||
            !object::dict_store_name(runtime, dict,
                                     runtime.interned().intern_copy(class_definition.name), made)) {
            return false;
        }
    }
    for (std::size_t index = 0; index < definition.constant_count; ++index) {
        const xipy_constant_def& constant = definition.constants[index];
        Value value = make_constant(runtime, constant);
        if (value.is_empty() ||
            !object::dict_store_name(runtime, dict, runtime.interned().intern_copy(constant.name),
                                     value)) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string parameter_name(const xipy_parameter& parameter) {
    return parameter.name != nullptr ? parameter.name : "";
}

HostFunction::HostFunction(std::uint32_t name_id, const char* text, xipy_native_function code)
    : Object(&host_function_type, gc::Cell::flag_static),
      name(name_id),
      name_text(text),
      function(code) {}

Value make_host_function(xipy_vm& vm, const char* name, xipy_native_function function) {
    std::uint32_t id = vm.runtime().interned().intern_copy(name);
    return Value::from_object(&vm.functions.emplace_back(id, name, function));
}

bool add_host_module(xipy_vm& vm, const xipy_module_def* module) {
    if (module == nullptr || module->name == nullptr || module->name[0] == '\0' ||
        (module->function_count != 0 && module->functions == nullptr) ||
        (module->class_count != 0 && module->classes == nullptr) ||
        (module->constant_count != 0 && module->constants == nullptr)) {
        return false;
    }
    HostModule& host = vm.modules.emplace_back();
    host.definition = module;
    for (std::size_t index = 0; index < module->function_count; ++index) {
        const xipy_function_def& function = module->functions[index];
        if (function.name == nullptr || function.function == nullptr) {
            vm.modules.pop_back();
            return false;
        }
        Value made = make_host_function(vm, function.name, function.function);
        host.functions.push_back(object::Attribute{
            static_cast<const HostFunction*>(made.as_object())->name, made.as_object()});
    }
    host.module_definition.name = vm.runtime().interned().intern_copy(module->name);
    host.module_definition.objects = host.functions;
    host.module_definition.initialise = initialise_host_module;
    vm::add_module(vm.runtime(), host.module_definition);
    return true;
}

}  // namespace xipy::api

using xipy::object::Value;

extern "C" {

xipy_status xipy_vm_add_module(xipy_vm* vm, const xipy_module_def* module) {
    if (vm == nullptr || !xipy::api::add_host_module(*vm, module)) {
        return XIPY_INVALID_ARGUMENT;
    }
    return XIPY_OK;
}

xipy_value xipy_function(xipy_vm* vm, const xipy_function_def* function) {
    if (vm == nullptr || function == nullptr || function->name == nullptr ||
        function->function == nullptr) {
        return xipy_value{0, 0};
    }
    if (!vm->handles.has_open_scope()) {
        xipy::api::report_misuse(*vm, "xipy_function", "no open scope");
        return xipy_value{0, 0};
    }
    auto found = vm->made_functions.find(function);
    if (found == vm->made_functions.end()) {
        Value made = xipy::api::make_host_function(*vm, function->name, function->function);
        found =
            vm->made_functions
                .emplace(function, static_cast<const xipy::api::HostFunction*>(made.as_object()))
                .first;
    }
    return vm->handles.add(Value::from_object(found->second));
}

xipy_status xipy_set_native(xipy_vm* vm, xipy_value instance, void* pointer,
                            void (*finalize)(void* pointer)) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value value = xipy::api::resolve(*vm, instance, "xipy_set_native");
    if (value.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    auto* object = xipy::api::host_object_of(value);
    if (object == nullptr) {
        return xipy_raise(vm, "TypeError", "not an instance of a native class");
    }
    object->pointer = pointer;
    object->finalize = finalize;
    return XIPY_OK;
}

xipy_status xipy_get_native(xipy_vm* vm, xipy_value instance, void** out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    *out = nullptr;
    Value value = xipy::api::resolve(*vm, instance, "xipy_get_native");
    if (value.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    auto* object = xipy::api::host_object_of(value);
    if (object == nullptr) {
        return xipy_raise(vm, "TypeError", "not an instance of a native class");
    }
    *out = object->pointer;
    return XIPY_OK;
}

xipy_status xipy_parse_arguments(xipy_vm* vm, const xipy_arguments* arguments,
                                 const char* function_name, const xipy_parameter* parameters,
                                 size_t parameter_count, xipy_value* out) {
    if (vm == nullptr || arguments == nullptr || (parameter_count != 0 && parameters == nullptr) ||
        (parameter_count != 0 && out == nullptr)) {
        return XIPY_INVALID_ARGUMENT;
    }
    xipy::object::Runtime& runtime = vm->runtime();
    for (size_t index = 0; index < parameter_count; ++index) {
        out[index] = xipy_value{0, 0};
    }
    // Positional arguments fill the parameters that are not keyword-only, in order.
    size_t positional_capacity = 0;
    size_t required_positional = 0;
    for (size_t index = 0; index < parameter_count; ++index) {
        if ((parameters[index].flags & XIPY_PARAMETER_KEYWORD_ONLY) != 0) {
            break;
        }
        ++positional_capacity;
        if ((parameters[index].flags & XIPY_PARAMETER_REQUIRED) != 0) {
            required_positional = positional_capacity;
        }
    }
    bool has_keyword_only = false;
    for (size_t index = 0; index < parameter_count; ++index) {
        has_keyword_only |= (parameters[index].flags & XIPY_PARAMETER_KEYWORD_ONLY) != 0;
    }
    const char* name = function_name != nullptr              ? function_name
                       : arguments->function_name != nullptr ? arguments->function_name
                                                             : "function";
    size_t given = arguments->positional_count;
    // MicroPython's short message, for too many arguments or, in a call without keywords to a
    // function without keyword-only parameters, too few.
    if (given > positional_capacity ||
        (arguments->keyword_count == 0 && !has_keyword_only && given < required_positional)) {
        return xipy_raise(vm, "TypeError",
                          (std::string(name) + "() takes " +
                           std::to_string(given > positional_capacity ? positional_capacity
                                                                      : required_positional) +
                           " positional arguments but " + std::to_string(given) + " were given")
                              .c_str());
    }
    for (size_t index = 0; index < given; ++index) {
        out[index] = arguments->positional[index];
    }
    for (size_t keyword = 0; keyword < arguments->keyword_count; ++keyword) {
        Value key = vm->handles.find(arguments->keyword_names[keyword]);
        if (key.is_empty() || !xipy::object::is_str(key)) {
            return XIPY_INVALID_ARGUMENT;
        }
        std::string_view text = xipy::object::str_view(runtime, key);
        size_t found = parameter_count;
        for (size_t index = 0; index < parameter_count; ++index) {
            if ((parameters[index].flags & XIPY_PARAMETER_POSITIONAL_ONLY) == 0 &&
                parameters[index].name != nullptr && text == parameters[index].name) {
                found = index;
                break;
            }
        }
        if (found == parameter_count) {
            return xipy_raise(vm, "TypeError",
                              ("unexpected keyword argument '" + std::string(text) + "'").c_str());
        }
        if (out[found].serial != 0) {
            return xipy_raise(vm, "TypeError",
                              ("function got multiple values for argument '" +
                               xipy::api::parameter_name(parameters[found]) + "'")
                                  .c_str());
        }
        out[found] = arguments->keyword_values[keyword];
    }
    // MicroPython checks the positional parameters from the last one and names the first it
    // finds missing by its index from 0.
    for (size_t index = positional_capacity; index-- > 0;) {
        if ((parameters[index].flags & XIPY_PARAMETER_REQUIRED) != 0 && out[index].serial == 0) {
            return xipy_raise(
                vm, "TypeError",
                ("function missing required positional argument #" + std::to_string(index))
                    .c_str());
        }
    }
    for (size_t index = positional_capacity; index < parameter_count; ++index) {
        if ((parameters[index].flags & XIPY_PARAMETER_REQUIRED) != 0 && out[index].serial == 0) {
            return xipy_raise(vm, "TypeError",
                              ("function missing required keyword argument '" +
                               xipy::api::parameter_name(parameters[index]) + "'")
                                  .c_str());
        }
    }
    return XIPY_OK;
}

}  // extern "C"
