// ModuleContext: what one VM keeps about one loaded image (names, constants, globals).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "image/image.hpp"
#include "object/value.hpp"
#include "vm/inline_cache.hpp"

namespace xipy::vm {

// The per-VM side table of an image: the image itself stays read-only and
// may be shared by many VMs, so everything mutable about it lives here.
//
// Invariants: `qstr_ids[i]` is this VM's interned id of image.qstr(i);
// `constants` has one slot per image constant, empty until LOAD_CONST_OBJ
// first needs it; `globals` is the module's dict. The context outlives
// every function made from the image (the Interpreter owns it until the VM
// is destroyed). `name_caches` has one inline cache per qstr index (see
// vm/inline_cache.hpp).
struct ModuleContext {
    image::Image image;
    std::vector<std::uint32_t> qstr_ids;
    std::vector<NameCache> name_caches;
    std::vector<object::Value> constants;
    object::Value globals;
    std::uint32_t source_file = 0;  // interned id of the file name for tracebacks
    // What keeps the image's bytes alive when it came from a mapped file or a heap object
    // (vm/module_source.hpp); both empty for bytes the host keeps alive itself.
    std::shared_ptr<const void> keep_alive;
    object::Value owner;

    explicit ModuleContext(image::Image loaded) : image(std::move(loaded)) {}
};

}  // namespace xipy::vm
