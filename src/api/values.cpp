// Values for the host: making and reading them, attributes, items, globals, imports and calls.
#include <cstring>
#include <string>
#include <vector>

#include "api/vm_state.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "support/scratch_scope.hpp"
#include "vm/module_definition.hpp"

namespace xipy::api {

using object::Value;

namespace {

// Brackets one api call that works on the VM: what it pushes on the runtime's root stack goes
// when it returns (its results live in handles), a call from the host into Python that is not
// made from native code gets a fresh step budget, as a run does, and native scratch work
// draws on the VM's heap, as in a run (so a fixed-buffer VM calls no malloc here either).
class Entry {
  public:
    explicit Entry(xipy_vm& vm)
        : runtime_(vm.runtime()),
          mark_(vm.runtime().temporaries_mark()),
          scratch_(vm.runtime().scratch_memory()) {
        if (runtime_.depth() == 0) {
            vm.machine.restart_step_budget();
        }
    }
    ~Entry() { runtime_.release_temporaries(mark_); }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;

  private:
    object::Runtime& runtime_;
    std::size_t mark_;
    support::ScratchScope scratch_;
};

// A handle for a value just made; a null handle (with the exception captured) for empty.
xipy_value hand_out(xipy_vm& vm, Value value, const char* function) {
    if (value.is_empty()) {
        capture_exception(vm);
        return xipy_value{0, 0};
    }
    xipy_value handle = vm.handles.add(value);
    if (handle.serial == 0) {
        report_misuse(vm, function, "no open scope (begin one with xipy_scope_begin())");
    }
    return handle;
}

// Stores a result in `*out` (when not null); XIPY_OK, or the captured exception.
xipy_status give_result(xipy_vm& vm, Value value, xipy_value* out, const char* function) {
    if (value.is_empty()) {
        return capture_exception(vm);
    }
    if (out == nullptr) {
        return XIPY_OK;
    }
    *out = vm.handles.add(value);
    if (out->serial == 0) {
        report_misuse(vm, function, "no open scope (begin one with xipy_scope_begin())");
        return XIPY_INVALID_ARGUMENT;
    }
    return XIPY_OK;
}

// False when the VM is null or no scope is open (the misuse is reported).
bool can_make(xipy_vm* vm, const char* function) {
    if (vm == nullptr) {
        return false;
    }
    if (!vm->handles.has_open_scope()) {
        return report_misuse(*vm, function, "no open scope (begin one with xipy_scope_begin())");
    }
    return true;
}

object::Raised type_error_for(object::Runtime& runtime, Value value, std::string_view wanted) {
    return runtime.raise_joined(
        &object::type_error_type,
        {"can't convert ", object::type_name_of(runtime, value), " to ", wanted});
}

std::uint32_t name_id(object::Runtime& runtime, const char* name) {
    return runtime.interned().intern_copy(name);
}

// The built-in exception class called `name`, or null.
const object::Type* exception_type_named(object::Runtime& runtime, const char* name) {
    auto id = runtime.interned().find(name);
    if (!id) {
        return nullptr;
    }
    Value found = object::dict_find_name(runtime, object::as_dict(runtime.builtins()), *id);
    if (found.is_empty() || !object::is_type(found) ||
        !object::is_exception_type(object::as_type(found))) {
        return nullptr;
    }
    return object::as_type(found);
}

// The values of `count` handles; false (misuse reported) when one names none.
bool resolve_all(xipy_vm& vm, const xipy_value* items, size_t count,
                 support::ScratchVector<Value>& values, const char* function) {
    if (count != 0 && items == nullptr) {
        return false;
    }
    values.reserve(count);
    for (size_t index = 0; index < count; ++index) {
        Value value = api::resolve(vm, items[index], function);
        if (value.is_empty()) {
            return false;
        }
        values.push_back(value);
    }
    return true;
}

}  // namespace

xipy_status capture_exception(xipy_vm& vm) {
    object::Runtime& runtime = vm.runtime();
    Value exception = runtime.take_exception();
    vm.exception = exception;
    vm.exception_type.clear();
    vm.exception_message.clear();
    vm.traceback.clear();
    if (!exception.is_empty()) {
        vm.exception_type = object::type_name_of(runtime, exception);
        object::Printer message;
        object::write_exception_message(runtime, exception, message);
        vm.exception_message = message.text();
        object::append_traceback(runtime, exception, vm.traceback);
        runtime.clear_exception();  // describing it may have raised in __str__
    }
    return XIPY_EXCEPTION;
}

}  // namespace xipy::api

using xipy::api::Entry;
using xipy::object::Value;
namespace api = xipy::api;
namespace object = xipy::object;

extern "C" {

xipy_type xipy_type_of(xipy_vm* vm, xipy_value value) {
    if (vm == nullptr) {
        return XIPY_TYPE_INVALID;
    }
    Value found = api::resolve(*vm, value, "xipy_type_of");
    if (found.is_empty()) {
        return XIPY_TYPE_INVALID;
    }
    const object::Type* type = object::type_of(found);
    if (found.is_none()) {
        return XIPY_TYPE_NONE;
    }
    if (found.is_bool()) {
        return XIPY_TYPE_BOOL;
    }
    if (object::is_int(found)) {
        return XIPY_TYPE_INT;
    }
    if (found.is_double()) {
        return XIPY_TYPE_FLOAT;
    }
    if (object::is_str(found)) {
        return XIPY_TYPE_STR;
    }
    if (object::is_bytes(found)) {
        return XIPY_TYPE_BYTES;
    }
    if (type == &object::tuple_type) {
        return XIPY_TYPE_TUPLE;
    }
    if (object::is_list(found)) {
        return XIPY_TYPE_LIST;
    }
    if (object::is_dict(found)) {
        return XIPY_TYPE_DICT;
    }
    return XIPY_TYPE_OTHER;
}

xipy_value xipy_none(xipy_vm* vm) {
    return api::can_make(vm, "xipy_none") ? vm->handles.add(Value::none()) : xipy_value{0, 0};
}

xipy_value xipy_bool(xipy_vm* vm, int value) {
    return api::can_make(vm, "xipy_bool") ? vm->handles.add(Value::boolean(value != 0))
                                          : xipy_value{0, 0};
}

xipy_value xipy_int(xipy_vm* vm, int64_t value) {
    if (!api::can_make(vm, "xipy_int")) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    return api::hand_out(*vm, object::make_int(vm->runtime(), value), "xipy_int");
}

xipy_value xipy_int_from_text(xipy_vm* vm, const char* digits, int base) {
    if (!api::can_make(vm, "xipy_int_from_text") || digits == nullptr) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    return api::hand_out(*vm, object::parse_int(vm->runtime(), digits, base), "xipy_int_from_text");
}

xipy_value xipy_float(xipy_vm* vm, double value) {
    if (!api::can_make(vm, "xipy_float")) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    return api::hand_out(*vm, object::make_float(vm->runtime(), value), "xipy_float");
}

xipy_value xipy_str(xipy_vm* vm, const char* data, size_t length) {
    if (!api::can_make(vm, "xipy_str") || (data == nullptr && length != 0)) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    std::string_view text(data != nullptr ? data : "", length);
    object::Runtime& runtime = vm->runtime();
    // The str type's invariant is valid UTF-8; decoding bytes is how Python checks it.
    Value bytes = object::make_bytes(runtime, text);
    Value made = bytes.is_empty()
                     ? Value::empty()
                     : Value(object::call_method(runtime, bytes, object::names::decode, {}));
    return api::hand_out(*vm, made, "xipy_str");
}

xipy_value xipy_bytes(xipy_vm* vm, const void* data, size_t length) {
    if (!api::can_make(vm, "xipy_bytes") || (data == nullptr && length != 0)) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    std::string_view bytes(data != nullptr ? static_cast<const char*>(data) : "", length);
    return api::hand_out(*vm, object::make_bytes(vm->runtime(), bytes), "xipy_bytes");
}

xipy_value xipy_tuple(xipy_vm* vm, const xipy_value* items, size_t count) {
    if (!api::can_make(vm, "xipy_tuple")) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    xipy::support::ScratchVector<Value> values;
    if (!api::resolve_all(*vm, items, count, values, "xipy_tuple")) {
        return xipy_value{0, 0};
    }
    return api::hand_out(*vm, object::new_tuple(vm->runtime(), values), "xipy_tuple");
}

xipy_value xipy_list(xipy_vm* vm, const xipy_value* items, size_t count) {
    if (!api::can_make(vm, "xipy_list")) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    xipy::support::ScratchVector<Value> values;
    if (!api::resolve_all(*vm, items, count, values, "xipy_list")) {
        return xipy_value{0, 0};
    }
    return api::hand_out(*vm, object::make_list(vm->runtime(), values), "xipy_list");
}

xipy_value xipy_dict(xipy_vm* vm) {
    if (!api::can_make(vm, "xipy_dict")) {
        return xipy_value{0, 0};
    }
    Entry entry(*vm);
    return api::hand_out(*vm, object::make_dict(vm->runtime()), "xipy_dict");
}

xipy_status xipy_to_bool(xipy_vm* vm, xipy_value value, int* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_to_bool");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    int truth = object::truth(vm->runtime(), found);
    if (truth < 0) {
        return api::capture_exception(*vm);
    }
    *out = truth;
    return XIPY_OK;
}

xipy_status xipy_to_int64(xipy_vm* vm, xipy_value value, int64_t* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_to_int64");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    if (!object::is_int(found) && !object::is_instance(found, &object::int_type)) {
        api::type_error_for(runtime, found, "int");
        return api::capture_exception(*vm);
    }
    Value integer = object::native_self(found);
    auto converted = object::int_to_int64(integer);
    if (!converted) {
        runtime.raise_new(&object::overflow_error_type,
                          "overflow converting long int to machine word");
        return api::capture_exception(*vm);
    }
    *out = *converted;
    return XIPY_OK;
}

xipy_status xipy_to_double(xipy_vm* vm, xipy_value value, double* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_to_double");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    auto converted = object::to_double(vm->runtime(), found);
    if (!converted) {
        return api::capture_exception(*vm);
    }
    *out = *converted;
    return XIPY_OK;
}

xipy_status xipy_to_str(xipy_vm* vm, xipy_value value, const char** data, size_t* length) {
    if (vm == nullptr || data == nullptr || length == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_to_str");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value text = object::native_self(found);
    if (!object::is_str(text)) {
        Entry entry(*vm);
        api::type_error_for(vm->runtime(), found, "str");
        return api::capture_exception(*vm);
    }
    std::string_view view = object::str_view(vm->runtime(), text);
    *data = view.data();
    *length = view.size();
    return XIPY_OK;
}

xipy_status xipy_to_bytes(xipy_vm* vm, xipy_value value, const void** data, size_t* length) {
    if (vm == nullptr || data == nullptr || length == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_to_bytes");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value bytes = object::native_self(found);
    if (!object::is_bytes(bytes)) {
        Entry entry(*vm);
        api::type_error_for(vm->runtime(), found, "bytes");
        return api::capture_exception(*vm);
    }
    std::string_view view = object::bytes_view(bytes);
    *data = view.data();
    *length = view.size();
    return XIPY_OK;
}

xipy_status xipy_str_of(xipy_vm* vm, xipy_value value, xipy_value* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_str_of");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    return api::give_result(*vm, object::to_str(vm->runtime(), found), out, "xipy_str_of");
}

xipy_status xipy_repr_of(xipy_vm* vm, xipy_value value, xipy_value* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_repr_of");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    return api::give_result(*vm, object::to_repr(vm->runtime(), found), out, "xipy_repr_of");
}

xipy_status xipy_length(xipy_vm* vm, xipy_value value, size_t* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, value, "xipy_length");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    auto length = object::length_of(vm->runtime(), found);
    if (!length) {
        return api::capture_exception(*vm);
    }
    *out = static_cast<size_t>(*length);
    return XIPY_OK;
}

xipy_status xipy_get_attribute(xipy_vm* vm, xipy_value object_handle, const char* name,
                               xipy_value* out) {
    if (vm == nullptr || name == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, object_handle, "xipy_get_attribute");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    return api::give_result(*vm,
                            object::load_attribute(runtime, found, api::name_id(runtime, name)),
                            out, "xipy_get_attribute");
}

xipy_status xipy_set_attribute(xipy_vm* vm, xipy_value object_handle, const char* name,
                               xipy_value value) {
    if (vm == nullptr || name == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value target = api::resolve(*vm, object_handle, "xipy_set_attribute");
    Value stored = api::resolve(*vm, value, "xipy_set_attribute");
    if (target.is_empty() || stored.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    if (!object::store_attribute(runtime, target, api::name_id(runtime, name), stored)) {
        return api::capture_exception(*vm);
    }
    return XIPY_OK;
}

xipy_status xipy_get_item(xipy_vm* vm, xipy_value container, xipy_value key, xipy_value* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value target = api::resolve(*vm, container, "xipy_get_item");
    Value index = api::resolve(*vm, key, "xipy_get_item");
    if (target.is_empty() || index.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    return api::give_result(*vm, object::load_subscript(vm->runtime(), target, index), out,
                            "xipy_get_item");
}

xipy_status xipy_set_item(xipy_vm* vm, xipy_value container, xipy_value key, xipy_value value) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value target = api::resolve(*vm, container, "xipy_set_item");
    Value index = api::resolve(*vm, key, "xipy_set_item");
    Value stored = api::resolve(*vm, value, "xipy_set_item");
    if (target.is_empty() || index.is_empty() || stored.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    if (!object::store_subscript(vm->runtime(), target, index, stored)) {
        return api::capture_exception(*vm);
    }
    return XIPY_OK;
}

xipy_status xipy_list_append(xipy_vm* vm, xipy_value list, xipy_value item) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value target = api::resolve(*vm, list, "xipy_list_append");
    Value stored = api::resolve(*vm, item, "xipy_list_append");
    if (target.is_empty() || stored.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    if (!object::is_list(target)) {
        api::type_error_for(vm->runtime(), target, "list");
        return api::capture_exception(*vm);
    }
    if (!object::list_append(vm->runtime(), target, stored)) {
        return api::capture_exception(*vm);
    }
    return XIPY_OK;
}

xipy_status xipy_get_global(xipy_vm* vm, const char* name, xipy_value* out) {
    if (vm == nullptr || name == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    Value globals = xipy::vm::main_globals(runtime);
    if (globals.is_empty()) {
        return api::capture_exception(*vm);
    }
    Value found =
        object::dict_find_name(runtime, object::as_dict(globals), api::name_id(runtime, name));
    if (found.is_empty()) {
        runtime.raise_joined(&object::name_error_type, {"name '", name, "' isn't defined"});
    }
    return api::give_result(*vm, found, out, "xipy_get_global");
}

xipy_status xipy_set_global(xipy_vm* vm, const char* name, xipy_value value) {
    if (vm == nullptr || name == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value stored = api::resolve(*vm, value, "xipy_set_global");
    if (stored.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    Value globals = xipy::vm::main_globals(runtime);
    if (globals.is_empty() || !object::dict_store_name(runtime, object::as_dict(globals),
                                                       api::name_id(runtime, name), stored)) {
        return api::capture_exception(*vm);
    }
    return XIPY_OK;
}

xipy_status xipy_import(xipy_vm* vm, const char* name, xipy_value* out) {
    if (vm == nullptr || name == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    // The one path into the import system: whatever `import name` does in Python.
    Value module = runtime.import_module(Value::from_interned_string(api::name_id(runtime, name)));
    return api::give_result(*vm, module, out, "xipy_import");
}

xipy_status xipy_call(xipy_vm* vm, xipy_value callable, const xipy_value* positional,
                      size_t positional_count, const char* const* keyword_names,
                      const xipy_value* keyword_values, size_t keyword_count, xipy_value* out) {
    if (vm == nullptr || (keyword_count != 0 && keyword_names == nullptr) ||
        positional_count + keyword_count > 0xFFFF) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    Value function = api::resolve(*vm, callable, "xipy_call");
    xipy::support::ScratchVector<Value> values;
    if (function.is_empty() ||
        !api::resolve_all(*vm, positional, positional_count, values, "xipy_call")) {
        return XIPY_INVALID_ARGUMENT;
    }
    xipy::support::ScratchVector<Value> keywords;
    if (!api::resolve_all(*vm, keyword_values, keyword_count, keywords, "xipy_call")) {
        return XIPY_INVALID_ARGUMENT;
    }
    object::Runtime& runtime = vm->runtime();
    for (size_t index = 0; index < keyword_count; ++index) {
        if (keyword_names[index] == nullptr) {
            return XIPY_INVALID_ARGUMENT;
        }
        values.push_back(Value::from_interned_string(api::name_id(runtime, keyword_names[index])));
        values.push_back(keywords[index]);
    }
    object::Arguments arguments{values.data(), static_cast<std::uint32_t>(positional_count),
                                static_cast<std::uint32_t>(keyword_count)};
    return api::give_result(*vm, object::call(runtime, function, arguments), out, "xipy_call");
}

xipy_status xipy_call_method(xipy_vm* vm, xipy_value object_handle, const char* name,
                             const xipy_value* positional, size_t positional_count,
                             xipy_value* out) {
    if (vm == nullptr || name == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    xipy_value method{0, 0};
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_status status = xipy_get_attribute(vm, object_handle, name, &method);
    Value result;
    if (status == XIPY_OK) {
        xipy_value made{0, 0};
        status = xipy_call(vm, method, positional, positional_count, nullptr, nullptr, 0, &made);
        result = vm->handles.find(made);
    }
    xipy_scope_end(vm, scope);
    if (status != XIPY_OK) {
        return status;
    }
    return api::give_result(*vm, result, out, "xipy_call_method");
}

xipy_status xipy_raise(xipy_vm* vm, const char* type_name, const char* message) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    object::Runtime& runtime = vm->runtime();
    const object::Type* type =
        type_name != nullptr ? api::exception_type_named(runtime, type_name) : nullptr;
    if (type == nullptr) {
        runtime.raise_joined(&object::type_error_type,
                             {"xipy_raise: no exception class named '",
                              std::string_view(type_name != nullptr ? type_name : ""), "'"});
    } else {
        runtime.raise_new(type, message != nullptr ? message : "");
    }
    return api::capture_exception(*vm);
}

xipy_status xipy_raise_value(xipy_vm* vm, xipy_value exception) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    Value found = api::resolve(*vm, exception, "xipy_raise_value");
    if (found.is_empty()) {
        return XIPY_INVALID_ARGUMENT;
    }
    Entry entry(*vm);
    vm->runtime().raise(found);
    return api::capture_exception(*vm);
}

xipy_value xipy_exception(xipy_vm* vm) {
    if (vm == nullptr || vm->exception.is_empty() || !api::can_make(vm, "xipy_exception")) {
        return xipy_value{0, 0};
    }
    return vm->handles.add(vm->exception);
}

void xipy_clear_exception(xipy_vm* vm) {
    if (vm != nullptr) {
        vm->exception = Value::empty();
    }
}

}  // extern "C"
