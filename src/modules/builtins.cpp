// The builtins namespace: every built-in function and type, gathered from the layers that make
// them.
#include "object/builtins.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/dict_object.hpp"

namespace xipy::modules {

using object::Value;

namespace {

// The builtins come as several constant tables, one per file that implements them, in the
// object layer (core, iteration, types, io), the vm layer (those that need frames) and here
// (input, open); a definition has one table, so they are stored in this order instead.
bool initialise_builtins(object::Runtime& runtime, Value globals, void*) {
    object::DictObject* dict = object::as_dict(globals);
    for (auto table : {object::core_builtins(), object::iteration_builtins(),
                       object::type_builtins(), object::io_builtins(), vm::vm_builtins(),
                       input_builtins(), file_builtins(), compile_builtins()}) {
        for (const object::Attribute& attribute : table) {
            if (!object::dict_store_name(runtime, dict, attribute.name,
                                         Value::from_object(attribute.object))) {
                return false;
            }
        }
    }
    return object::dict_store_name(runtime, dict, names::NotImplemented_,
                                   Value::not_implemented()) &&
           object::dict_store_name(runtime, dict, names::Ellipsis, Value::ellipsis());
}

}  // namespace

constinit const vm::ModuleDefinition builtins_module{names::builtins, {}, {}, initialise_builtins};

}  // namespace xipy::modules
