// RomfsImage: a bounds-checked view of a ROMFS filesystem image in MicroPython's format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "support/result.hpp"

namespace xipy::image {

// The ROMFS format (MicroPython's docs/reference/romfs.rst and extmod/vfs_rom.c), in short:
// an image is one record whose kind encodes as the bytes D2 CD 31 ("RM1" with the high bits of
// the first two set). A record is a varuint kind, a varuint payload length and the payload. A
// varuint is big-endian, 7 bits a byte, bit 7 set on every byte but the last; leading 0x80
// bytes are padding. The image's payload is a list of records: a directory (a varuint name
// length, the name, then the records of its contents), a file (name length, name, then
// records, the first data record of which holds its bytes), verbatim data (the payload is the
// bytes) or indirect data (varuint size, varuint offset from the start of the image's
// payload). Every other kind is skipped, so later features stay readable.
namespace romfs {
constexpr std::uint8_t header[3] = {0xD2, 0xCD, 0x31};
constexpr std::uint32_t kind_unused = 0;
constexpr std::uint32_t kind_padding = 1;
constexpr std::uint32_t kind_data_verbatim = 2;
constexpr std::uint32_t kind_data_pointer = 3;
constexpr std::uint32_t kind_directory = 4;
constexpr std::uint32_t kind_file = 5;
constexpr std::uint32_t kind_filesystem = 0x14A6B1;
}  // namespace romfs

enum class RomfsEntryKind : std::uint8_t { missing, file, directory };

// One entry of a directory: its name and, for a file, its bytes in the image.
struct RomfsEntry {
    RomfsEntryKind kind = RomfsEntryKind::missing;
    std::string_view name;
    // A file: its bytes. A directory: the records of its contents.
    std::span<const std::uint8_t> bytes;
};

// Invariants: payload_ lies inside the caller's bytes, which outlive the view and never
// change. Every read is checked against the record that holds it, and indirect data must lie
// inside payload_, so no input makes a lookup read outside the caller's bytes; a malformed
// record makes lookups fail with an error naming its offset, never crash.
class RomfsImage {
  public:
    // Checks the header and that the image's record fits in `bytes`.
    static support::Result<RomfsImage> open(std::span<const std::uint8_t> bytes);

    // The entry at `path` ("a/b.mpy"; a leading '/' and empty components are ignored; "" is
    // the top directory). `missing` when nothing is there.
    support::Result<RomfsEntry> find(std::string_view path) const;
    // The entries of a directory (its RomfsEntry::bytes), in image order.
    support::Result<std::vector<RomfsEntry>> list(std::span<const std::uint8_t> directory) const;
    // The top directory's records.
    std::span<const std::uint8_t> top() const { return payload_; }
    // The whole image, header included.
    std::span<const std::uint8_t> bytes() const { return bytes_; }
    // Offset of `inside` (a span of this image) from the image's start, for error texts.
    std::size_t offset_of(const std::uint8_t* inside) const {
        return static_cast<std::size_t>(inside - bytes_.data());
    }

  private:
    RomfsImage(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> payload)
        : bytes_(bytes), payload_(payload) {}
    // Reads the entry (file or directory, or missing for other kinds) whose record starts at
    // `records`, advancing `records` past it.
    support::Result<RomfsEntry> next_entry(std::span<const std::uint8_t>& records) const;

    std::span<const std::uint8_t> bytes_;
    std::span<const std::uint8_t> payload_;
};

// Builds a ROMFS image in memory, as MicroPython's writer lays it out (file bytes verbatim).
class RomfsWriter {
  public:
    RomfsWriter();
    void open_directory(std::string_view name);
    void close_directory();
    void add_file(std::string_view name, std::span<const std::uint8_t> contents);
    // The finished image; the writer is spent afterwards.
    std::vector<std::uint8_t> finish();

  private:
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> directories_;
};

}  // namespace xipy::image
