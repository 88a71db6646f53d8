// module objects: attribute access goes to the module's globals.
#include "object/module_object.hpp"

#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

void trace_module(gc::Cell* cell, gc::Tracer& tracer) {
    Value globals = static_cast<ModuleObject*>(cell)->globals;
    if (globals.is_object()) {
        tracer.mark(globals.as_object());
    }
}

Value module_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    auto* module = static_cast<ModuleObject*>(self.as_object());
    Value found = dict_find_name(as_dict(module->globals), name);
    if (found.is_empty() && name == names::dunder_name) {
        return Value::from_interned_string(module->name);
    }
    if (found.is_empty() && name == names::dunder_dict) {
        return module->globals;
    }
    if (found.is_empty() && name != names::dunder_getattr) {
        // A module-level __getattr__(name) answers for names the module lacks (PEP 562).
        Value fallback = dict_find_name(as_dict(module->globals), names::dunder_getattr);
        if (!fallback.is_empty()) {
            return call_positional(runtime, fallback, {Value::from_interned_string(name)});
        }
    }
    return found;
}

// Built-in modules are read-only, as in MicroPython: storing or deleting an attribute raises
// AttributeError. Writable modules store into (an empty value: delete from) their globals.
Status module_store_attribute(Runtime& runtime, Value self, std::uint32_t name, Value value) {
    auto* module = static_cast<ModuleObject*>(self.as_object());
    if (!module->writable && !value.is_empty()) {
        for (std::uint32_t settable : module->settable_names) {
            if (settable == name) {
                return dict_store_name(runtime, as_dict(module->globals), name, value);
            }
        }
    }
    if (module->writable) {
        if (!value.is_empty()) {
            return dict_store_name(runtime, as_dict(module->globals), name, value);
        }
        Value removed;
        if (!dict_remove(runtime, as_dict(module->globals), Value::from_interned_string(name),
                         &removed)) {
            return Raised{};
        }
        if (removed.is_empty()) {
            // MicroPython deletes from the module's dict and reports a missing name as such.
            raise_key_error(runtime, Value::from_interned_string(name));
            return Raised{};
        }
        return succeeded();
    }
    runtime.raise_joined(&attribute_error_type,
                         {"'module' object has no attribute '", runtime.name_text(name), "'"});
    return Raised{};
}

Status module_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    printer.write("<module '");
    auto* module = static_cast<ModuleObject*>(self.as_object());
    printer.write(runtime.name_text(module->name));
    // A module loaded from a file names it, as MicroPython's repr does.
    Value file = dict_find_name(as_dict(module->globals), names::dunder_file);
    if (!file.is_empty() && is_str(file)) {
        printer.write("' from '");
        printer.write(str_view(runtime, file));
    }
    printer.write("'>");
    return succeeded();
}

}  // namespace

constinit const Type module_type{names::module,
                                 &object_type,
                                 TypeSlots{
                                     .print = module_print,
                                     .load_attribute = module_load_attribute,
                                     .store_attribute = module_store_attribute,
                                 },
                                 {},
                                 0,
                                 trace_module};

Result<Value> make_module(Runtime& runtime, std::uint32_t name, Value globals,
                          ModuleAccess access) {
    auto* module = runtime.make<ModuleObject>(0, name, globals, access == ModuleAccess::writable);
    return module == nullptr ? Value::empty() : Value::from_object(module);
}

}  // namespace xipy::object
