// The os module and the open() builtin: host files and environment, where the host grants.
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#if XIPY_HOSTED
#include <algorithm>
#include <filesystem>
#include <random>
#include <system_error>
#include <vector>
#endif

#include "modules/host_file.hpp"
#if XIPY_HOSTED
#include "modules/host_files.hpp"
#endif
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "modules/vfs.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/string_io_object.hpp"
#include "object/tuple_object.hpp"
#include "text/utf8_text.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

const vm::HostServices& services(object::Runtime& runtime) { return vm::host_services(runtime); }

}  // namespace

// A bare-metal build (XIPY_HOSTED off) is never granted a folder (vm::canonical_filesystem_root
// refuses every one), so its paths never reach the host: every function below that takes a path
// raises EPERM there, and std::filesystem stays out of its firmware.
#if XIPY_HOSTED

namespace {

object::Raised raise_filesystem_error(object::Runtime& runtime, const std::error_code& error) {
    if (error == std::errc::no_such_file_or_directory) {
        return object::raise_os_error(runtime, object::error_no_entry);
    }
    if (error == std::errc::permission_denied) {
        return object::raise_os_error(runtime, object::error_permission);
    }
    if (error == std::errc::is_a_directory) {
        return object::raise_os_error(runtime, object::error_is_directory);
    }
    return object::raise_os_error(runtime, object::error_io);
}

}  // namespace

// True when `resolved` (absolute, no symlinks) is `root` or lies below it.
static bool is_inside(const std::string& root, const std::string& resolved) {
    if (root == "/" || resolved == root) {
        return true;
    }
    return resolved.size() > root.size() && resolved.compare(0, root.size(), root) == 0 &&
           resolved[root.size()] == '/';
}

// `text` as a host path inside the granted directory `root`, or nothing with an OSError
// pending. Python sees `root` as "/", so absolute paths start there too. A ".." that would
// climb above it is refused before the host sees the path; what the host makes of the rest
// (symlinks, ".." after a symlink) is then resolved with canonical() and refused unless it
// stays inside. A path that does not exist is refused as well when its longest existing
// prefix leads outside, so the errno never says what exists outside the root.
std::optional<std::filesystem::path> resolve_in_root(object::Runtime& runtime,
                                                     const std::string& root, std::string_view text,
                                                     LastComponent last) {
    if (text.empty()) {
        object::raise_os_error(runtime, object::error_no_entry);
        return std::nullopt;
    }
    if (text.find('\0') != std::string_view::npos) {
        object::raise_os_error(runtime, object::error_invalid);
        return std::nullopt;
    }
    std::vector<std::string_view> components;
    std::size_t depth = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find('/', start), text.size());
        std::string_view component = text.substr(start, end - start);
        start = end + 1;
        if (component.empty() || component == ".") {
            continue;
        }
        if (component == "..") {
            if (depth == 0) {
                object::raise_os_error(runtime, object::error_access);
                return std::nullopt;
            }
            --depth;
        } else {
            ++depth;
        }
        components.push_back(component);
    }
    std::string name;
    if (last == LastComponent::keep && !components.empty() && components.back() != "..") {
        name = components.back();
        components.pop_back();
    }
    std::filesystem::path target(root);
    for (std::string_view component : components) {
        target /= std::string(component);
    }
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::canonical(target, error);
    if (error) {
        std::filesystem::path prefix = target;
        while (prefix.string().size() > root.size() && prefix.has_relative_path()) {
            prefix = prefix.parent_path();
            std::error_code prefix_error;
            std::filesystem::path existing = std::filesystem::canonical(prefix, prefix_error);
            if (!prefix_error) {
                if (!is_inside(root, existing.string())) {
                    object::raise_os_error(runtime, object::error_access);
                    return std::nullopt;
                }
                break;
            }
        }
        raise_filesystem_error(runtime, error);
        return std::nullopt;
    }
    if (!is_inside(root, resolved.string())) {
        object::raise_os_error(runtime, object::error_access);
        return std::nullopt;
    }
    return name.empty() ? resolved : resolved / name;
}

namespace {

// The path argument as a host path inside the granted directory, or nothing with an
// exception pending. Without the filesystem grant every path is refused with EPERM.
std::optional<std::filesystem::path> path_argument(object::Runtime& runtime, Value value,
                                                   LastComponent last = LastComponent::follow) {
    const std::string& root = services(runtime).filesystem_root;
    if (root.empty()) {
        object::raise_os_error(runtime, object::error_permission);
        return std::nullopt;
    }
    if (!object::is_str(value)) {
        runtime.raise_joined(&object::type_error_type,
                             {"can't convert '", object::type_name_of(runtime, value),
                              "' object to str implicitly"});
        return std::nullopt;
    }
    return resolve_in_root(runtime, root, object::str_view(runtime, value), last);
}

// open() of a host file (once a ROMFS image has not claimed the path): a stream on it.
object::Result<Value> open_host_path(object::Runtime& runtime, Value path_value,
                                     const vm::FileAccess& access, bool binary) {
    // A file that may be created is resolved up to its directory: its own name need not exist.
    auto path = path_argument(runtime, path_value,
                              access.create ? LastComponent::keep : LastComponent::follow);
    if (!path) {
        return Value::empty();
    }
    bool no_follow = access.create;
    std::error_code error;
    if (access.create &&
        std::filesystem::is_symlink(std::filesystem::symlink_status(*path, error))) {
        // An existing symlink: where it leads must stay inside the root, as for reading.
        path = path_argument(runtime, path_value);
        if (!path) {
            return Value::empty();
        }
        no_follow = false;
    }
    int descriptor = vm::open_host_file(services(runtime), path->string(), access, no_follow);
    if (descriptor < 0) {
        return object::raise_os_error(runtime, -descriptor);
    }
    return make_host_file(runtime, descriptor, !binary);
}

object::Result<Value> os_listdir(object::Runtime& runtime, Arguments arguments) {
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
object::Result<Value> os_stat(object::Runtime& runtime, Arguments arguments) {
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
    // The type bits with the permission bits.
    std::int64_t mode = (directory ? stat_mode_directory : stat_mode_file) |
                        (static_cast<std::int64_t>(status.permissions()) & 07777);
    Value size_value = object::make_int(runtime, size);
    if (size_value.is_empty()) {
        return Value::empty();
    }
    Value zero = Value::from_small_int(0);
    Value fields[10] = {
        Value::from_small_int(mode), zero, zero, zero, zero, zero, size_value, zero, zero, zero};
    return object::new_tuple(runtime, fields);
}

// remove(path), rename(old, new), mkdir(path), rmdir(path): changes inside a writable root.
// A symlink is removed or renamed itself, whatever it points to.
object::Result<Value> change_path(object::Runtime& runtime, Arguments arguments,
                                  vm::PathChange change) {
    auto path = path_argument(runtime, arguments[0], LastComponent::keep);
    if (!path) {
        return Value::empty();
    }
    std::optional<std::filesystem::path> target;
    if (change == vm::PathChange::rename) {
        target = path_argument(runtime, arguments[1], LastComponent::keep);
        if (!target) {
            return Value::empty();
        }
    }
    int result = vm::change_host_path(services(runtime), change, path->string(),
                                      target ? target->string() : std::string());
    if (result < 0) {
        return object::raise_os_error(runtime, -result);
    }
    return Value::none();
}

}  // namespace

#else

namespace {

object::Result<Value> open_host_path(object::Runtime& runtime, Value, const vm::FileAccess&, bool) {
    return object::raise_os_error(runtime, object::error_permission);
}

object::Result<Value> os_listdir(object::Runtime& runtime, Arguments) {
    return object::raise_os_error(runtime, object::error_permission);
}

object::Result<Value> os_stat(object::Runtime& runtime, Arguments) {
    return object::raise_os_error(runtime, object::error_permission);
}

object::Result<Value> change_path(object::Runtime& runtime, Arguments, vm::PathChange) {
    return object::raise_os_error(runtime, object::error_permission);
}

}  // namespace

#endif

namespace {

// ---- open

// open(path, mode="r", buffering=-1, encoding=None): a stream on the host file, as
// MicroPython's unix port reads the mode: "r" reads, "w" writes an emptied or new file, "a"
// appends to an existing or new one, "+" adds the other direction, "b" gives bytes (io.FileIO)
// rather than str (io.TextIOWrapper); other letters ("x", "t") change nothing. Writing needs a
// writable root (vm::HostServices). buffering and encoding are taken and ignored, as on the
// reference (which reads UTF-8 whatever the encoding says).
object::Result<Value> builtin_open(object::Runtime& runtime, Arguments arguments) {
    std::string mode = "r";
    Value mode_value = arguments.positional_count > 1
                           ? arguments[1]
                           : object::keyword_argument(arguments, names::mode);
    if (!object::check_keywords(runtime, arguments,
                                {names::mode, names::buffering, names::encoding})) {
        return Value::empty();
    }
    if (!mode_value.is_empty()) {
        if (!object::is_str(mode_value)) {
            return runtime.raise_new(&object::type_error_type, "mode must be str");
        }
        mode = object::str_view(runtime, mode_value);
    }
    vm::FileAccess access;
    access.read = true;
    bool binary = false;
    for (char letter : mode) {
        switch (letter) {
            case 'r':
                access = vm::FileAccess{.read = true};
                break;
            case 'w':
                access = vm::FileAccess{.write = true, .create = true, .truncate = true};
                break;
            case 'a':
                access = vm::FileAccess{.write = true, .create = true, .append = true};
                break;
            case '+':
                access.read = access.write = true;
                break;
            case 'b':
                binary = true;
                break;
            case 't':
                binary = false;
                break;
            default:
                break;
        }
    }
    if (object::is_str(arguments[0])) {
        // A file in a mounted ROMFS image is read where it lies.
        bool handled = false;
        Value file =
            open_image_file(runtime, object::str_view(runtime, arguments[0]), binary, handled);
        if (handled) {
            return file;
        }
    }
    return open_host_path(runtime, arguments[0], access, binary);
}

constexpr NativeFunction open_function{names::open, NativeKind::function, 1, 4, builtin_open, true};
constexpr object::Attribute file_table[] = {{names::open, &open_function}};

// ---- os

// Per VM: what putenv() and unsetenv() changed, a dict from name to value (None once unset).
// The process's own environment is shared by every VM in it, so it is only ever read.
struct OsState {
    Value environment_changes;
};

void trace_os(void* state, gc::Tracer& tracer) {
    const Value changes = static_cast<OsState*>(state)->environment_changes;
    if (changes.is_object()) {
        tracer.mark(changes.as_object());
    }
}

// The environment functions' checks: the grant, then a str argument.
bool check_environment_argument(object::Runtime& runtime, Value argument) {
    if (!services(runtime).environment) {
        object::raise_os_error(runtime, object::error_permission);
        return false;
    }
    if (!object::is_str(argument)) {
        runtime.raise_joined(&object::type_error_type,
                             {"can't convert '", object::type_name_of(runtime, argument),
                              "' object to str implicitly"});
        return false;
    }
    return true;
}

object::Result<Value> os_getenv(object::Runtime& runtime, Arguments arguments) {
    Value fallback = arguments.positional_count > 1 ? arguments[1] : Value::none();
    if (!check_environment_argument(runtime, arguments[0])) {
        return Value::empty();
    }
    const OsState& state = vm::module_state<OsState>(runtime, os_module);
    object::DictLookup changed =
        object::dict_find(runtime, object::as_dict(state.environment_changes), arguments[0]);
    if (!changed.ok) {
        return Value::empty();
    }
    if (!changed.value.is_empty()) {
        return changed.value.is_none() ? fallback : changed.value;
    }
    std::string name(object::str_view(runtime, arguments[0]));
    const char* value = std::getenv(name.c_str());
    return value == nullptr ? fallback : Value(object::make_str(runtime, value));
}

// putenv(name, value) and unsetenv(name): change what this VM's getenv() sees.
object::Result<Value> os_putenv(object::Runtime& runtime, Arguments arguments) {
    if (!check_environment_argument(runtime, arguments[0]) ||
        !check_environment_argument(runtime, arguments[1])) {
        return Value::empty();
    }
    const OsState& state = vm::module_state<OsState>(runtime, os_module);
    if (!object::dict_store(runtime, object::as_dict(state.environment_changes), arguments[0],
                            arguments[1])) {
        return Value::empty();
    }
    return Value::none();
}

object::Result<Value> os_unsetenv(object::Runtime& runtime, Arguments arguments) {
    if (!check_environment_argument(runtime, arguments[0])) {
        return Value::empty();
    }
    const OsState& state = vm::module_state<OsState>(runtime, os_module);
    if (!object::dict_store(runtime, object::as_dict(state.environment_changes), arguments[0],
                            Value::none())) {
        return Value::empty();
    }
    return Value::none();
}

object::Result<Value> os_remove(object::Runtime& runtime, Arguments arguments) {
    return change_path(runtime, arguments, vm::PathChange::remove);
}

object::Result<Value> os_rename(object::Runtime& runtime, Arguments arguments) {
    return change_path(runtime, arguments, vm::PathChange::rename);
}

object::Result<Value> os_mkdir(object::Runtime& runtime, Arguments arguments) {
    return change_path(runtime, arguments, vm::PathChange::make_directory);
}

object::Result<Value> os_rmdir(object::Runtime& runtime, Arguments arguments) {
    return change_path(runtime, arguments, vm::PathChange::remove_directory);
}

object::Result<Value> os_urandom(object::Runtime& runtime, Arguments arguments) {
    auto count = object::to_integer(runtime, arguments[0]);
    if (!count) {
        return Value::empty();
    }
    if (*count < 0) {
        return runtime.raise_new(&object::value_error_type, "negative count");
    }
#if XIPY_HOSTED
    std::random_device source;
    std::string bytes(static_cast<std::size_t>(*count), '\0');
    for (char& byte : bytes) {
        byte = static_cast<char>(source() & 0xFF);
    }
    return object::make_bytes(runtime, bytes);
#else
    // A bare-metal target has no entropy source the core knows of.
    return object::raise_os_error(runtime, object::error_permission);
#endif
}

// getcwd(): the granted directory is Python's "/" and never changes (xipy has no chdir).
object::Result<Value> os_getcwd(object::Runtime& runtime, Arguments) {
    if (services(runtime).filesystem_root.empty()) {
        return object::raise_os_error(runtime, object::error_permission);
    }
    return runtime.intern("/");
}

constexpr NativeFunction os_functions[] = {
    {names::getcwd, NativeKind::function, 0, 0, os_getcwd},
    {names::getenv, NativeKind::function, 1, 2, os_getenv},
    {names::putenv, NativeKind::function, 2, 2, os_putenv},
    {names::unsetenv, NativeKind::function, 1, 1, os_unsetenv},
    {names::listdir, NativeKind::function, 0, 1, os_listdir},
    {names::stat, NativeKind::function, 1, 1, os_stat},
    {names::remove, NativeKind::function, 1, 1, os_remove},
    {names::rename, NativeKind::function, 2, 2, os_rename},
    {names::mkdir, NativeKind::function, 1, 1, os_mkdir},
    {names::rmdir, NativeKind::function, 1, 1, os_rmdir},
    {names::urandom, NativeKind::function, 1, 1, os_urandom},
};

}  // namespace

std::span<const object::Attribute> file_builtins() { return file_table; }

namespace {

bool initialise_os(object::Runtime& runtime, Value globals, void* state) {
    auto* os_state = new (state) OsState();
    object::Result<Value> changes = object::make_dict(runtime);
    if (!changes) {
        return false;
    }
    os_state->environment_changes = *changes;
    return object::dict_store_name(runtime, object::as_dict(globals), names::sep,
                                   runtime.intern("/"))
        .ok();
}

}  // namespace

constinit const vm::ModuleDefinition os_module{.name = names::os,
                                               .functions = os_functions,
                                               .initialise = initialise_os,
                                               .state_size = sizeof(OsState),
                                               .trace_state = trace_os,
                                               .extensible = true,
                                               .u_alias = true};

}  // namespace xipy::modules
