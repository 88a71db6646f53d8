// ModuleSource: one place module files come from (host folder, ROMFS image, frozen table).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gc/heap.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::vm {

enum class PathKind : std::uint8_t { missing, file, directory };

// A file's bytes, read in place. `keep_alive` (C++ owned, e.g. a memory mapping) and `owner`
// (a heap object, e.g. the bytes a ROMFS image lies in) keep them valid for as long as a
// module made from them lives; either may be empty when the bytes are static.
struct SourceFile {
    std::span<const std::uint8_t> bytes;
    std::shared_ptr<const void> keep_alive;
    object::Value owner;
};

// A read-only tree of files mounted at one point of the paths `sys.path` holds, so the import
// system asks every source the same two questions. Paths given to a source are relative to
// its mount point, '/'-separated, without a leading '/' ("" is its top).
class ModuleSource {
  public:
    virtual ~ModuleSource() = default;
    // Neither leaves an exception pending in `runtime`.
    virtual PathKind stat(object::Runtime& runtime, std::string_view path) const = 0;
    // False when the file cannot be read (missing, a directory, an I/O error).
    virtual bool read(object::Runtime& runtime, std::string_view path, SourceFile& file) const = 0;
    // Marks the heap objects the source's bytes depend on while it is mounted.
    virtual void trace(gc::Tracer&) const {}
    // Whether open() reads files from this source (ROMFS images). Host folders are reached
    // through the filesystem grant instead, and frozen modules only by import.
    virtual bool serves_open() const { return false; }
};

// One `.mpy` a host linked in: its path inside the frozen tree ("helper.mpy",
// "pkg/__init__.mpy") and its bytes, which outlive every VM that imports it.
struct FrozenModule {
    std::string_view path;
    std::span<const std::uint8_t> bytes;
};

// The sys.path entry under which frozen modules are found, as in MicroPython.
inline constexpr std::string_view frozen_path_entry = ".frozen";

// Where the registry's frozen modules (ModuleRegistry::frozen) are mounted, on their first
// import; never in sys.path, since import looks them up by name. A module's __file__ starts so.
inline constexpr std::string_view runtime_modules_point = ".runtime";

// A source over a host's table of frozen modules (copied: the descriptors, not the bytes).
std::shared_ptr<ModuleSource> make_frozen_source(std::span<const FrozenModule> modules);

// The mount table of the VM `runtime` belongs to (vm/importer.cpp), for modules such as vfs:
// false when `point` is taken (mount) or holds nothing (unmount).
bool mount_source(object::Runtime& runtime, std::string_view point,
                  std::shared_ptr<ModuleSource> source, object::Value object);
bool unmount_source(object::Runtime& runtime, std::string_view point);
// The source holding `path`, the path inside it and the object mounted there; null if none.
const ModuleSource* find_source(object::Runtime& runtime, std::string_view path,
                                support::ScratchString& inside, object::Value* object = nullptr);
// Appends (or with `first`, inserts at the front) `entry` to sys.path.
bool add_module_path(object::Runtime& runtime, std::string_view entry, bool first);

// `path` without "./" prefixes, repeated or trailing '/' or a leading '/': the form mount
// points and paths are compared in (Python code's current directory is always "/").
support::ScratchString normalize_path(std::string_view path);

}  // namespace xipy::vm
