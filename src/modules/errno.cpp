// The errno module: the error numbers and their names, as MicroPython's errno has them.
#include <cstdint>
#include <span>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"

namespace xipy::modules {

using object::Value;

namespace {

bool put(object::Runtime& runtime, Value globals, std::uint32_t name, Value value) {
    return !value.is_empty() &&
           object::dict_store_name(runtime, object::as_dict(globals), name, value);
}

// Each name is interned when errno is first imported; errorcode maps the numbers back.
bool initialise_errno(object::Runtime& runtime, Value globals, void*) {
    Value codes = object::make_dict(runtime);
    if (codes.is_empty()) {
        return false;
    }
    std::span<const object::ErrorName> error_names = object::error_names();
    for (const object::ErrorName& entry : error_names) {
        if (!put(runtime, globals, runtime.intern(entry.name).as_interned_string(),
                 Value::from_small_int(entry.number))) {
            return false;
        }
    }
    std::int32_t previous = 0;
    // errorcode is filled in ascending numbers, as MicroPython prints it.
    for (std::size_t added = 0; added < error_names.size(); ++added) {
        const object::ErrorName* next = nullptr;
        for (const object::ErrorName& entry : error_names) {
            if (entry.number > previous && (next == nullptr || entry.number < next->number)) {
                next = &entry;
            }
        }
        previous = next->number;
        if (!object::dict_store(runtime, object::as_dict(codes),
                                Value::from_small_int(next->number), runtime.intern(next->name))) {
            return false;
        }
    }
    object::as_dict(codes)->fixed = true;
    return put(runtime, globals, names::errorcode, codes);
}

}  // namespace

constinit const vm::ModuleDefinition errno_module{
    .name = names::errno_, .initialise = initialise_errno, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
