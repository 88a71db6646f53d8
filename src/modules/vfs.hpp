// ROMFS images as module sources, for the vfs module and for hosts that mount an image.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "object/value.hpp"
#include "vm/module_source.hpp"

namespace xipy::modules {

// The type bits of a stat result's mode (S_IFDIR, S_IFREG), as os.stat and ilistdir give them.
inline constexpr std::int64_t stat_mode_directory = 0x4000;
inline constexpr std::int64_t stat_mode_file = 0x8000;

// A source over the ROMFS image in `bytes`, which `owner` (a heap object, or empty when the
// host keeps the bytes alive) holds. Null, with the reason in `error`, for a corrupt image.
std::shared_ptr<vm::ModuleSource> make_romfs_source(std::span<const std::uint8_t> bytes,
                                                    std::string& error,
                                                    object::Value owner = object::Value::empty());

// open() of a path inside a mounted image: a read-only file object over the image's bytes (no
// copy). Sets `handled` false, returning empty, when no image holds the path.
object::Result<object::Value> open_image_file(object::Runtime& runtime, std::string_view path,
                                              bool binary, bool& handled);

}  // namespace xipy::modules
