// Loading images into an interpreter and importing modules.
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/str_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"

namespace xipy::vm {

using object::Value;

Value Interpreter::run_module(image::Image image, std::uint32_t module_name) {
    auto owned = std::make_unique<ModuleContext>(std::move(image));
    ModuleContext* context = owned.get();
    const image::Image& loaded = context->image;
    context->qstr_ids.reserve(loaded.qstr_count());
    for (std::size_t index = 0; index < loaded.qstr_count(); ++index) {
        context->qstr_ids.push_back(loaded.qstr_is_static(index)
                                        ? loaded.static_qstr_id(index)
                                        : interned().intern_in_place(loaded.qstr(index)));
    }
    context->name_caches.resize(context->qstr_ids.size());
    context->constants.resize(loaded.constants().size());
    context->source_file =
        context->qstr_ids.empty() ? object::names::empty_string : context->qstr_ids[0];
    contexts_.push_back(std::move(owned));

    Value globals = object::make_dict(*this);
    if (globals.is_empty()) {
        return Value::empty();
    }
    context->globals = globals;
    object::DictObject* dict = object::as_dict(globals);
    if (!object::dict_store_name(*this, dict, object::names::dunder_name,
                                 Value::from_interned_string(module_name)) ||
        !object::dict_store_name(*this, dict, object::names::dunder_file,
                                 Value::from_interned_string(context->source_file))) {
        return Value::empty();
    }
    const image::RawCode* root = &loaded.root();
    auto* function = make<FunctionObject>(0, root, context, context->qstr_ids[root->name_qstr]);
    if (function == nullptr) {
        return Value::empty();
    }
    Value result = call_function(Value::from_object(function), object::Arguments{}, globals);
    if (result.is_empty()) {
        return Value::empty();
    }
    return globals;
}

Value Interpreter::import_module(Value name) {
    std::uint32_t id = name.is_interned_string()
                           ? name.as_interned_string()
                           : interned().intern_copy(object::str_view(*this, name));
    Value found = object::dict_find_name(*this, object::as_dict(modules()), id);
    if (!found.is_empty()) {
        return found;
    }
    Value module = make_builtin_module(*this, id, argv_);
    if (module.is_empty()) {
        return Value::empty();
    }
    if (!object::dict_store_name(*this, object::as_dict(modules()), id, module)) {
        return Value::empty();
    }
    return module;
}

}  // namespace xipy::vm
