// The os module and the open() builtin: host files and environment, where the host grants.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <system_error>

#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/string_io_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/library_modules.hpp"
#include "vm/standard_modules.hpp"

namespace xipy::vm {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;
namespace names = object::names;

namespace {

// MicroPython's errno numbers (py/mperrno.h) for the failures reported here.
constexpr std::int64_t errno_permission = 1;
constexpr std::int64_t errno_no_entry = 2;
constexpr std::int64_t errno_io = 5;
constexpr std::int64_t errno_is_directory = 21;
constexpr std::int64_t errno_invalid = 22;

Value raise_errno(object::Runtime& runtime, std::int64_t number) {
    Value argument = Value::from_small_int(number);
    Value exception = object::make_exception(runtime, &object::os_error_type, {&argument, 1});
    return exception.is_empty() ? Value::empty() : runtime.set_exception(exception);
}

Value raise_filesystem_error(object::Runtime& runtime, const std::error_code& error) {
    if (error == std::errc::no_such_file_or_directory) {
        return raise_errno(runtime, errno_no_entry);
    }
    if (error == std::errc::permission_denied) {
        return raise_errno(runtime, errno_permission);
    }
    if (error == std::errc::is_a_directory) {
        return raise_errno(runtime, errno_is_directory);
    }
    return raise_errno(runtime, errno_io);
}

const HostServices& services(object::Runtime& runtime) {
    return static_cast<Interpreter&>(runtime).host_services();
}

// The path argument as a host path, or nothing with an exception pending. Without the
// filesystem grant every path is refused with EPERM.
std::optional<std::filesystem::path> path_argument(object::Runtime& runtime, Value value) {
    if (!services(runtime).filesystem) {
        raise_errno(runtime, errno_permission);
        return std::nullopt;
    }
    if (!object::is_str(value)) {
        runtime.raise_new(&object::type_error_type,
                          "can't convert '" + std::string(object::type_name_of(runtime, value)) +
                              "' object to str implicitly");
        return std::nullopt;
    }
    return std::filesystem::path(std::string(object::str_view(runtime, value)));
}

// ---- open

// open(path, mode="r"): reads the whole file into a StringIO ("r") or BytesIO ("rb").
// Writing modes are refused: the host grants reading only.
Value builtin_open(object::Runtime& runtime, Arguments arguments) {
    std::string mode = "r";
    Value mode_value = arguments.positional_count > 1
                           ? arguments[1]
                           : object::keyword_argument(arguments, names::mode);
    if (!object::check_keywords(runtime, arguments, {names::mode})) {
        return Value::empty();
    }
    if (!mode_value.is_empty()) {
        if (!object::is_str(mode_value)) {
            return runtime.raise_new(&object::type_error_type, "mode must be str");
        }
        mode = object::str_view(runtime, mode_value);
    }
    bool binary = mode.find('b') != std::string::npos;
    if (mode.find_first_not_of("rbt") != std::string::npos) {
        return mode.find_first_not_of("rbtwax+") == std::string::npos
                   ? raise_errno(runtime, errno_permission)
                   : raise_errno(runtime, errno_invalid);
    }
    auto path = path_argument(runtime, arguments[0]);
    if (!path) {
        return Value::empty();
    }
    std::error_code error;
    if (std::filesystem::is_directory(*path, error)) {
        return raise_errno(runtime, errno_is_directory);
    }
    std::ifstream file(*path, std::ios::binary);
    if (!file) {
        return raise_errno(
            runtime, std::filesystem::exists(*path, error) ? errno_permission : errno_no_entry);
    }
    std::string contents((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad()) {
        return raise_errno(runtime, errno_io);
    }
    Value data =
        binary ? object::make_bytes(runtime, contents) : object::make_str(runtime, contents);
    if (data.is_empty()) {
        return Value::empty();
    }
    const object::Type* type = binary ? &object::bytes_io_type : &object::string_io_type;
    return object::call_positional(runtime, Value::from_object(type), {data});
}

constexpr NativeFunction open_function{names::open, NativeKind::function, 1, 2, builtin_open, true};
constexpr object::Attribute file_table[] = {{names::open, &open_function}};

// ---- os

Value os_getenv(object::Runtime& runtime, Arguments arguments) {
    Value fallback = arguments.positional_count > 1 ? arguments[1] : Value::none();
    if (!services(runtime).environment) {
        return raise_errno(runtime, errno_permission);
    }
    if (!object::is_str(arguments[0])) {
        return runtime.raise_new(&object::type_error_type,
                                 "can't convert '" +
                                     std::string(object::type_name_of(runtime, arguments[0])) +
                                     "' object to str implicitly");
    }
    std::string name(object::str_view(runtime, arguments[0]));
    const char* value = std::getenv(name.c_str());
    return value == nullptr ? fallback : object::make_str(runtime, value);
}

Value os_listdir(object::Runtime& runtime, Arguments arguments) {
    Value dot = runtime.intern(".");
    auto path = path_argument(runtime, arguments.positional_count > 0 ? arguments[0] : dot);
    if (!path) {
        return Value::empty();
    }
    std::error_code error;
    std::filesystem::directory_iterator entries(*path, error);
    if (error) {
        return raise_filesystem_error(runtime, error);
    }
    std::vector<std::string> found;
    for (const auto& entry : entries) {
        found.push_back(entry.path().filename().string());
    }
    Value list = object::make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    for (const std::string& name : found) {
        Value text = object::make_str(runtime, name);
        if (text.is_empty() || !object::list_append(runtime, list, text)) {
            return Value::empty();
        }
    }
    return list;
}

// stat(path): (mode, inode, device, links, uid, gid, size, atime, mtime, ctime); the
// portable standard library knows the type and size only, so the rest are zero.
Value os_stat(object::Runtime& runtime, Arguments arguments) {
    auto path = path_argument(runtime, arguments[0]);
    if (!path) {
        return Value::empty();
    }
    std::error_code error;
    std::filesystem::file_status status = std::filesystem::status(*path, error);
    if (error) {
        return raise_filesystem_error(runtime, error);
    }
    bool directory = status.type() == std::filesystem::file_type::directory;
    std::int64_t size = 0;
    if (!directory) {
        std::uintmax_t bytes = std::filesystem::file_size(*path, error);
        size = error ? 0 : static_cast<std::int64_t>(bytes);
    }
    // S_IFDIR / S_IFREG with the permission bits.
    std::int64_t mode =
        (directory ? 0040000 : 0100000) | (static_cast<std::int64_t>(status.permissions()) & 07777);
    Value size_value = object::make_int(runtime, size);
    if (size_value.is_empty()) {
        return Value::empty();
    }
    Value zero = Value::from_small_int(0);
    Value fields[10] = {
        Value::from_small_int(mode), zero, zero, zero, zero, zero, size_value, zero, zero, zero};
    return object::new_tuple(runtime, fields);
}

Value os_remove(object::Runtime& runtime, Arguments arguments) {
    auto path = path_argument(runtime, arguments[0]);
    if (!path) {
        return Value::empty();
    }
    std::error_code error;
    if (std::filesystem::is_directory(*path, error)) {
        return raise_errno(runtime, errno_is_directory);
    }
    if (!std::filesystem::remove(*path, error)) {
        return raise_filesystem_error(
            runtime, error ? error : std::make_error_code(std::errc::no_such_file_or_directory));
    }
    return Value::none();
}

Value os_urandom(object::Runtime& runtime, Arguments arguments) {
    auto count = object::to_integer(runtime, arguments[0]);
    if (!count) {
        return Value::empty();
    }
    if (*count < 0) {
        return runtime.raise_new(&object::value_error_type, "negative count");
    }
    std::random_device source;
    std::string bytes(static_cast<std::size_t>(*count), '\0');
    for (char& byte : bytes) {
        byte = static_cast<char>(source() & 0xFF);
    }
    return object::make_bytes(runtime, bytes);
}

Value os_getcwd(object::Runtime& runtime, Arguments) {
    if (!services(runtime).filesystem) {
        return raise_errno(runtime, errno_permission);
    }
    std::error_code error;
    std::filesystem::path directory = std::filesystem::current_path(error);
    if (error) {
        return raise_filesystem_error(runtime, error);
    }
    return object::make_str(runtime, directory.string());
}

constexpr NativeFunction os_functions[] = {
    {names::getcwd, NativeKind::function, 0, 0, os_getcwd},
    {names::getenv, NativeKind::function, 1, 2, os_getenv},
    {names::listdir, NativeKind::function, 0, 1, os_listdir},
    {names::stat, NativeKind::function, 1, 1, os_stat},
    {names::remove, NativeKind::function, 1, 1, os_remove},
    {names::urandom, NativeKind::function, 1, 1, os_urandom},
};

}  // namespace

std::span<const object::Attribute> file_builtins() { return file_table; }

Value make_os_module(Interpreter& interpreter) {
    Value module = make_function_module(interpreter, names::os, os_functions);
    if (module.is_empty()) {
        return Value::empty();
    }
    auto* globals =
        object::as_dict(static_cast<object::ModuleObject*>(module.as_object())->globals);
    return object::dict_store_name(interpreter, globals, names::sep, interpreter.intern("/"))
               ? module
               : Value::empty();
}

}  // namespace xipy::vm
