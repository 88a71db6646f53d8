// The import system: sys.modules, sys.path, packages and relative imports over mounted sources.
#include <algorithm>
#include <string>
#include <string_view>

#include "image/verifier.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/module_source.hpp"

namespace xipy::vm {

using object::Value;

namespace {

// How MicroPython's import reads a sys.path entry and a name: "" + "a" is "a", "lib" + "a"
// is "lib/a". The text becomes __file__ and __path__, as there.
support::ScratchString join_path(std::string_view directory, std::string_view name) {
    if (directory.empty()) {
        return support::ScratchString(name);
    }
    support::ScratchString joined(directory);
    if (joined.back() != '/') {
        joined += '/';
    }
    joined += name;
    return joined;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_module(Value value) {
    return value.is_object() && value.as_object()->type() == &object::module_type;
}

object::ModuleObject* as_module(Value value) {
    return static_cast<object::ModuleObject*>(value.as_object());
}

object::Raised raise_no_module(Interpreter& interpreter, std::string_view name) {
    return interpreter.raise_joined(&object::import_error_type, {"no module named '", name, "'"});
}

// A top-level name no file answered: an extensible built-in module of that name, or for
// `u` + name the module `name` when it has that alias (ujson is json), as in MicroPython.
Value find_extensible_module(Interpreter& interpreter, std::uint32_t id, std::string_view name) {
    Value module = interpreter.find_builtin_module(id, BuiltinLookup::extensible);
    if (module.is_empty() && !interpreter.has_exception() && name.size() > 1 &&
        name.front() == 'u') {
        // A module's name is always interned, so a text not in the table names none.
        if (const auto unprefixed = interpreter.interned().find(name.substr(1))) {
            module = interpreter.find_builtin_module(*unprefixed, BuiltinLookup::u_alias);
        }
    }
    return module;
}

// The frozen table's source: a directory exists where some entry's path continues below it.
// A host's table is copied (its descriptors, not their bytes); the registry's own table,
// which outlives the VM, is only viewed.
class FrozenSource final : public ModuleSource {
  public:
    struct Viewed {};
    explicit FrozenSource(std::span<const FrozenModule> modules)
        : copy_(modules.begin(), modules.end()), modules_(copy_) {}
    FrozenSource(std::span<const FrozenModule> modules, Viewed) : modules_(modules) {}

    PathKind stat(object::Runtime&, std::string_view path) const override {
        for (const FrozenModule& module : modules_) {
            if (module.path == path) {
                return PathKind::file;
            }
            if (path.empty() || (module.path.size() > path.size() &&
                                 module.path.compare(0, path.size(), path) == 0 &&
                                 module.path[path.size()] == '/')) {
                return PathKind::directory;
            }
        }
        return PathKind::missing;
    }

    bool read(object::Runtime&, std::string_view path, SourceFile& file) const override {
        for (const FrozenModule& module : modules_) {
            if (module.path == path) {
                file.bytes = module.bytes;
                return true;
            }
        }
        return false;
    }

  private:
    std::vector<FrozenModule> copy_;
    std::span<const FrozenModule> modules_;
};

}  // namespace

std::shared_ptr<ModuleSource> make_frozen_source(std::span<const FrozenModule> modules) {
    return std::make_shared<FrozenSource>(modules);
}

support::ScratchString normalize_path(std::string_view path) {
    support::ScratchString normal;
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view component = path.substr(start, end - start);
        start = end + 1;
        if (component.empty() || component == ".") {
            continue;
        }
        if (!normal.empty()) {
            normal += '/';
        }
        normal += component;
    }
    return normal;
}

bool Interpreter::mount(std::string_view point, std::shared_ptr<ModuleSource> source,
                        Value object) {
    support::ScratchString normal = normalize_path(point);
    for (const Mount& mount : mounts_) {
        if (mount.point == normal) {
            return false;
        }
    }
    mounts_.push_back(Mount{std::move(normal), std::move(source), object});
    return true;
}

bool Interpreter::unmount(std::string_view point) {
    const support::ScratchString normal = normalize_path(point);
    for (auto mount = mounts_.begin(); mount != mounts_.end(); ++mount) {
        if (mount->point == normal) {
            mounts_.erase(mount);
            return true;
        }
    }
    return false;
}

const Interpreter::Mount* Interpreter::find_mount(std::string_view path,
                                                  support::ScratchString& inside) const {
    const support::ScratchString normal = normalize_path(path);
    const Mount* best = nullptr;
    for (const Mount& mount : mounts_) {
        const std::string_view point = mount.point;
        const bool holds =
            point.empty() || normal == point ||
            (normal.size() > point.size() && normal.compare(0, point.size(), point) == 0 &&
             normal[point.size()] == '/');
        if (holds && (best == nullptr || point.size() > best->point.size())) {
            best = &mount;
        }
    }
    if (best != nullptr) {
        inside = best->point.empty()                   ? normal
                 : normal.size() == best->point.size() ? support::ScratchString()
                                                       : normal.substr(best->point.size() + 1);
    }
    return best;
}

PathKind Interpreter::stat_path(std::string_view path) {
    support::ScratchString inside;
    const Mount* mount = find_mount(path, inside);
    return mount == nullptr ? PathKind::missing : mount->source->stat(*this, inside);
}

// Loads `file_path` (an .mpy, or a .py for the compiler hook) as the module `name`: registered in
// sys.modules before its body runs (so circular imports see it) and removed again if the body
// raises, as in MicroPython. `package_path` is the package's folder when it is a package.
object::Result<Value> Interpreter::load_module_file(std::uint32_t name,
                                                    const support::ScratchString& file_path,
                                                    const support::ScratchString* package_path) {
    support::ScratchString inside;
    const Mount* mount = find_mount(file_path, inside);
    SourceFile file;
    if (mount == nullptr || !mount->source->read(*this, inside, file)) {
        return raise_joined(&object::import_error_type,
                            {"can't read module file '", file_path, "'"});
    }
    if (file.owner.is_empty()) {
        file.owner = mount->object;
    }
    if (ends_with(file_path, ".py")) {
        // The registry's compiler turns the source into an image in a heap bytes object, which
        // then runs as any .mpy does; the object keeps the image's bytes alive.
        file = compile_file(file_path, file);
        if (file.owner.is_empty()) {
            return Value::empty();
        }
    }
    // Loaded and verified with memory from this VM's heap, so the tables count in its limit.
    auto loaded = load_image(file.bytes);
    if (!loaded) {
        return raise_load_error(loaded.error());
    }
    Value globals = object::make_dict(*this);
    if (globals.is_empty()) {
        return Value::empty();
    }
    keep(globals);
    object::DictObject* dict = object::as_dict(globals);
    Value file_name = make_str_value(file_path);
    if (file_name.is_empty() ||
        !object::dict_store_name(*this, dict, object::names::dunder_name,
                                 Value::from_interned_string(name)) ||
        !object::dict_store_name(*this, dict, object::names::dunder_file, file_name)) {
        return Value::empty();
    }
    if (package_path != nullptr) {
        Value path = make_str_value(*package_path);
        if (path.is_empty() ||
            !object::dict_store_name(*this, dict, interned().intern_copy("__path__"), path)) {
            return Value::empty();
        }
    }
    Value module = object::make_module(*this, name, globals, object::ModuleAccess::writable);
    if (module.is_empty()) {
        return Value::empty();
    }
    keep(module);
    object::DictObject* loaded_modules = object::as_dict(modules());
    if (!object::dict_store_name(*this, loaded_modules, name, module)) {
        return Value::empty();
    }
    if (!execute_image(std::move(*loaded), globals, std::move(file), false).ok()) {
        Value pending = take_exception();
        keep(pending);
        Value removed;
        // Best effort: the import fails with `pending` whether or not the entry goes.
        (void)object::dict_remove(*this, loaded_modules, Value::from_interned_string(name),
                                  &removed);
        clear_exception();
        set_exception(pending);
        return Value::empty();
    }
    return module;
}

SourceFile Interpreter::compile_file(const support::ScratchString& file_path,
                                     const SourceFile& file) {
    SourceFile compiled;
    SourceCompiler compiler = module_registry_.compiler;
    if (compiler == nullptr) {
        raise_joined(&object::import_error_type,
                     {"'", file_path, "' is Python source and this VM has no compiler"});
        return compiled;
    }
    const std::string_view source(reinterpret_cast<const char*>(file.bytes.data()),
                                  file.bytes.size());
    Value image = compiler(*this, source, file_path, SourceKind::file);
    if (image.is_empty()) {
        return compiled;
    }
    keep(image);
    const std::string_view bytes = object::bytes_view(image);
    compiled.bytes = std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    compiled.owner = image;
    return compiled;
}

Value Interpreter::make_str_value(std::string_view text) {
    Value made = object::make_str(*this, text);
    keep(made);
    return made;
}

// Finds `component` (the last part of `full_name`) in `directory`: a package folder (with or
// without __init__), then name.mpy, then name.py. Empty without an exception when absent.
Value Interpreter::find_in_directory(std::uint32_t full_name, std::string_view component,
                                     std::string_view directory) {
    const support::ScratchString base = join_path(directory, component);
    if (stat_path(base) == PathKind::directory) {
        for (std::string_view init : {"/__init__.mpy", "/__init__.py"}) {
            const support::ScratchString init_path = base + support::ScratchString(init);
            if (stat_path(init_path) == PathKind::file) {
                return load_module_file(full_name, init_path, &base);
            }
        }
        // A package without __init__: an empty module whose __path__ lets its submodules load.
        Value globals = object::make_dict(*this);
        if (globals.is_empty()) {
            return Value::empty();
        }
        keep(globals);
        Value path = make_str_value(base);
        if (path.is_empty() ||
            !object::dict_store_name(*this, object::as_dict(globals), object::names::dunder_name,
                                     Value::from_interned_string(full_name)) ||
            !object::dict_store_name(*this, object::as_dict(globals),
                                     interned().intern_copy("__path__"), path)) {
            return Value::empty();
        }
        Value module =
            object::make_module(*this, full_name, globals, object::ModuleAccess::writable);
        if (module.is_empty() ||
            !object::dict_store_name(*this, object::as_dict(modules()), full_name, module)) {
            return Value::empty();
        }
        return module;
    }
    for (std::string_view extension : {".mpy", ".py"}) {
        const support::ScratchString file_path = base + support::ScratchString(extension);
        if (stat_path(file_path) == PathKind::file) {
            return load_module_file(full_name, file_path, nullptr);
        }
    }
    return Value::empty();
}

Value Interpreter::find_runtime_module(std::uint32_t name, std::string_view component) {
    const std::span<const FrozenModule> frozen = module_registry_.frozen;
    const support::ScratchString file = support::ScratchString(component) + ".mpy";
    const support::ScratchString package = support::ScratchString(component) + "/";
    bool present = false;
    for (const FrozenModule& module : frozen) {
        if (module.path == file || module.path.starts_with(package)) {
            present = true;
            break;
        }
    }
    if (!present) {
        return Value::empty();
    }
    if (!runtime_modules_mounted_) {
        // In the VM's scratch memory, as the mount table is: both die with the interpreter.
        auto source = std::allocate_shared<FrozenSource>(
            support::SourceAllocator<FrozenSource>(&scratch_memory()), frozen,
            FrozenSource::Viewed{});
        if (!mount(runtime_modules_point, std::move(source), Value::empty())) {
            // A host mounted something at that point: its modules are not the runtime's.
            return Value::empty();
        }
        runtime_modules_mounted_ = true;
    }
    return find_in_directory(name, component, runtime_modules_point);
}

// The folders sys.path lists now (entries that are not str are skipped, as in MicroPython).
Value Interpreter::current_module_path() {
    // Once the sys module exists, sys.path is what a program sees and may rebind; before, the
    // list it will start as (Runtime::module_path()), so importing does not make the module.
    Value sys = instantiated_builtin_module(interned().intern_copy("sys"));
    Value path = sys.is_empty()
                     ? module_path()
                     : object::find_attribute(*this, sys, interned().intern_copy("path"));
    if (path.is_empty() || !object::is_list(path)) {
        clear_exception();
        return Value::empty();
    }
    return path;
}

support::ScratchVector<support::ScratchString> Interpreter::module_search_path() {
    support::ScratchVector<support::ScratchString> folders;
    Value path = current_module_path();
    if (path.is_empty()) {
        return folders;
    }
    for (Value entry : object::as_list(path)->span()) {
        if (object::is_str(entry)) {
            folders.emplace_back(object::str_view(*this, entry));
        }
    }
    return folders;
}

object::Result<Value> Interpreter::import(std::string_view requested, Value globals,
                                          bool has_fromlist, std::int64_t level) {
    // A copy: `requested` may be interned text, which interning more names can move.
    const support::ScratchString name(requested);
    support::ScratchString full(name);
    if (level > 0) {
        // Relative to the importing module's package: the module itself when it is one (it
        // has __path__), else the package holding it, then one level up per extra dot.
        support::ScratchString base;
        if (!globals.is_empty() && object::is_dict(globals)) {
            object::DictObject* dict = object::as_dict(globals);
            Value module_name = object::dict_find_name(*this, dict, object::names::dunder_name);
            if (!module_name.is_empty() && object::is_str(module_name)) {
                base = support::ScratchString(object::str_view(*this, module_name));
                const bool is_package =
                    !object::dict_find_name(*this, dict, interned().intern_copy("__path__"))
                         .is_empty();
                std::int64_t strip = is_package ? level - 1 : level;
                if (base == "__main__") {
                    base.clear();
                }
                for (; strip > 0 && !base.empty(); --strip) {
                    const std::size_t dot = base.rfind('.');
                    base =
                        dot == std::string::npos ? support::ScratchString() : base.substr(0, dot);
                }
                if (strip > 0) {
                    base.clear();
                }
            }
        }
        if (base.empty()) {
            return raise_new(&object::import_error_type, "can't perform relative import");
        }
        full = name.empty() ? base : base + "." + name;
    }
    Value top;
    Value parent;
    support::ScratchString parent_path;
    for (std::size_t end = 0; end != std::string::npos;) {
        const std::size_t start = end == 0 ? 0 : end + 1;
        end = full.find('.', start);
        const std::string_view component = std::string_view(full).substr(
            start, end == std::string::npos ? full.npos : end - start);
        const std::string_view prefix =
            std::string_view(full).substr(0, end == std::string::npos ? full.size() : end);
        if (component.empty()) {
            return raise_no_module(*this, prefix);
        }
        const std::uint32_t id = interned().intern_copy(prefix);
        Value module = object::dict_find_name(*this, object::as_dict(modules()), id);
        if (module.is_empty() && start == 0) {
            module = find_builtin_module(id, BuiltinLookup::fixed);
            if (module.is_empty() && has_exception()) {
                return Value::empty();
            }
        }
        if (module.is_empty()) {
            if (start == 0) {
                // With nothing mounted no sys.path entry can hold a file, so `import array`
                // in a bare VM neither builds sys nor copies its path.
                if (!mounts_.empty()) {
                    for (const support::ScratchString& folder : module_search_path()) {
                        module = find_in_directory(id, component, folder);
                        if (!module.is_empty() || has_exception()) {
                            break;
                        }
                    }
                }
                if (module.is_empty() && !has_exception()) {
                    module = find_extensible_module(*this, id, component);
                }
                if (module.is_empty() && !has_exception()) {
                    module = find_runtime_module(id, component);
                }
            } else if (!parent_path.empty()) {
                module = find_in_directory(id, component, parent_path);
            }
            if (module.is_empty()) {
                return has_exception() ? object::Raised{} : raise_no_module(*this, prefix);
            }
            if (!parent.is_empty() && is_module(parent)) {
                // `import a.b` makes b an attribute of a, as a module's body could do itself.
                object::ModuleObject* outer = as_module(parent);
                if (outer->writable &&
                    !object::dict_store_name(*this, object::as_dict(outer->globals),
                                             interned().intern_copy(component), module)) {
                    return Value::empty();
                }
            }
        }
        keep(module);
        if (top.is_empty()) {
            top = module;
        }
        parent = module;
        parent_path.clear();
        if (is_module(module)) {
            Value path = object::dict_find_name(*this, object::as_dict(as_module(module)->globals),
                                                interned().intern_copy("__path__"));
            if (!path.is_empty() && object::is_str(path)) {
                parent_path = support::ScratchString(object::str_view(*this, path));
            }
        }
        if (end != std::string::npos && parent_path.empty()) {
            // A module that is not a package has no submodules.
            const std::string_view whole =
                std::string_view(full).substr(0, std::min(full.find('.', end + 1), full.size()));
            return raise_no_module(*this, whole);
        }
    }
    return has_fromlist ? parent : top;
}

bool mount_source(object::Runtime& runtime, std::string_view point,
                  std::shared_ptr<ModuleSource> source, Value object) {
    return static_cast<Interpreter&>(runtime).mount(point, std::move(source), object);
}

bool unmount_source(object::Runtime& runtime, std::string_view point) {
    return static_cast<Interpreter&>(runtime).unmount(point);
}

const ModuleSource* find_source(object::Runtime& runtime, std::string_view path,
                                support::ScratchString& inside, Value* object) {
    const Interpreter::Mount* mount = static_cast<Interpreter&>(runtime).find_mount(path, inside);
    if (mount == nullptr) {
        return nullptr;
    }
    if (object != nullptr) {
        *object = mount->object;
    }
    return mount->source.get();
}

bool add_module_path(object::Runtime& runtime, std::string_view entry, bool first) {
    auto& interpreter = static_cast<Interpreter&>(runtime);
    Value path = interpreter.current_module_path();
    if (path.is_empty()) {
        return false;
    }
    Value text = object::make_str(interpreter, entry);
    if (text.is_empty() || !object::list_append(interpreter, path, text)) {
        return false;
    }
    if (first) {
        std::span<Value> items = object::as_list(path)->span();
        std::rotate(items.begin(), items.end() - 1, items.end());
    }
    return true;
}

object::Result<Value> Interpreter::run_main_module(std::string_view name) {
    support::ScratchVector<support::ScratchString> folders;
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) {
        folders = module_search_path();
    } else {
        Value package = import(name.substr(0, dot), Value::empty(), true, 0);
        if (package.is_empty()) {
            return Value::empty();
        }
        Value path = object::find_attribute(*this, package, interned().intern_copy("__path__"));
        if (path.is_empty() || !object::is_str(path)) {
            clear_exception();
            return raise_no_module(*this, name);
        }
        folders.emplace_back(object::str_view(*this, path));
    }
    const std::string_view component = dot == std::string_view::npos ? name : name.substr(dot + 1);
    for (const support::ScratchString& folder : folders) {
        const support::ScratchString base = join_path(folder, component);
        for (const support::ScratchString& file_path :
             {base + ".mpy", base + ".py", base + "/__init__.mpy", base + "/__init__.py"}) {
            if (stat_path(file_path) != PathKind::file) {
                continue;
            }
            support::ScratchString inside;
            const Mount* mount = find_mount(file_path, inside);
            SourceFile file;
            if (mount == nullptr || !mount->source->read(*this, inside, file)) {
                continue;
            }
            if (file.owner.is_empty()) {
                file.owner = mount->object;
            }
            if (ends_with(file_path, ".py")) {
                file = compile_file(file_path, file);
                if (file.owner.is_empty()) {
                    return Value::empty();
                }
            }
            // Loaded and verified with memory from this VM's heap, so the tables count in its
            // limit.
            auto loaded = load_image(file.bytes);
            if (!loaded) {
                return raise_load_error(loaded.error());
            }
            return run_main_image(std::move(*loaded), file_path, std::move(file));
        }
    }
    return raise_no_module(*this, name);
}

object::Result<Value> Interpreter::import_module(Value name) {
    support::ScratchString text(object::str_view(*this, name));
    return import(text, Value::empty(), true, 0);
}

}  // namespace xipy::vm
