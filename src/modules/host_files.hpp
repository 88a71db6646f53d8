// Host files under the filesystem grant: path confinement and the host-folder module source.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "object/runtime.hpp"
#include "vm/module_source.hpp"

namespace xipy::modules {

// Whether a path names its last component itself (os.remove() unlinks a symlink, not what it
// points to) or whatever that component leads to (open(), stat(), listdir()).
enum class LastComponent { follow, keep };

// `text` as a host path inside the granted directory `root`, or nothing with an OSError
// pending. Python sees `root` as "/", so absolute paths start there too. A ".." that would
// climb above it is refused before the host sees the path; what the host makes of the rest
// (symlinks, ".." after a symlink) is then resolved with canonical() and refused unless it
// stays inside. A path that does not exist is refused as well when its longest existing
// prefix leads outside, so the errno never says what exists outside the root. (os.cpp)
std::optional<std::filesystem::path> resolve_in_root(object::Runtime& runtime,
                                                     const std::string& root, std::string_view text,
                                                     LastComponent last);

// A module source over the host folder `directory` (absolute, as canonical_filesystem_root()
// makes it), confined as open() is: nothing outside it can be read through it. Files are
// memory-mapped where the host can, so imported bytecode runs from the mapping.
std::shared_ptr<vm::ModuleSource> make_host_folder_source(std::string directory);

}  // namespace xipy::modules
