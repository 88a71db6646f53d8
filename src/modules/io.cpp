// The io module: the in-memory streams StringIO and BytesIO and the seek constants.
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/string_io_object.hpp"

namespace xipy::modules {

using object::Value;

namespace {

// IOBase: the base a Python class derives from to be a stream; its own methods (read, write,
// readinto...) are what print() and the other stream users call.
constinit const object::Type io_base_type{
    names::IOBase, &object::object_type, object::TypeSlots{}, {}, object::type_flag_subclassable};

constexpr object::Attribute io_types[] = {
    {names::string_io, &object::string_io_type},
    {names::bytes_io, &object::bytes_io_type},
    {names::IOBase, &io_base_type},
};

// SEEK_SET, SEEK_CUR and SEEK_END are run-time names, interned on the first import.
bool initialise_io(object::Runtime& runtime, Value globals, void*) {
    constexpr const char* seek_names[] = {"SEEK_SET", "SEEK_CUR", "SEEK_END"};
    for (std::int64_t whence = 0; whence < 3; ++whence) {
        if (!object::dict_store_name(runtime, object::as_dict(globals),
                                     runtime.intern(seek_names[whence]).as_interned_string(),
                                     Value::from_small_int(whence))) {
            return false;
        }
    }
    return true;
}

}  // namespace

constinit const vm::ModuleDefinition io_module{.name = names::io,
                                               .objects = io_types,
                                               .initialise = initialise_io,
                                               .extensible = true,
                                               .u_alias = true};

}  // namespace xipy::modules
