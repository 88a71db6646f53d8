// The machine-readable (JSON) disassembly of a loaded .mpy image; schema in json_writer.cpp.
#pragma once

#include <string>
#include <string_view>

#include "image/image.hpp"
#include "support/result.hpp"

namespace xipy::disassembler {

// The same information as write_text(), as one JSON document (schema at the
// top of json_writer.cpp and in docs/disassembler.md). Fails like write_text().
support::Result<std::string> write_json(const image::Image& image);

// `text` as a JSON string literal, quotes included. Bytes that are not valid
// UTF-8 are written as \u00XX of their byte value, so the result is always
// valid JSON.
std::string json_string(std::string_view text);

}  // namespace xipy::disassembler
