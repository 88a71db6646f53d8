// ROMFS images as module sources, for the vfs module and for hosts that mount an image.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "object/value.hpp"
#include "vm/module_source.hpp"

namespace xipy::modules {

// A source over the ROMFS image in `bytes`, which `owner` (a heap object, or empty when the
// host keeps the bytes alive) holds. Null, with the reason in `error`, for a corrupt image.
std::shared_ptr<vm::ModuleSource> make_romfs_source(std::span<const std::uint8_t> bytes,
                                                    std::string& error,
                                                    object::Value owner = object::Value::empty());

}  // namespace xipy::modules
