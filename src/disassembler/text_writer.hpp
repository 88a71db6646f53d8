// The human-readable disassembly listing of a loaded .mpy image.
#pragma once

#include <string>

#include "image/image.hpp"
#include "support/result.hpp"

namespace xipy::disassembler {

// The listing: header, qstr table, constant table, then every raw code,
// children indented under their parent, each with its prelude, line table
// and instructions. Fails on the first instruction that cannot be decoded
// (the error names its file offset), producing no partial listing.
support::Result<std::string> write_text(const image::Image& image);

}  // namespace xipy::disassembler
