// RomfsImage and RomfsWriter: reading and writing ROMFS images, every read bounds-checked.
#include "image/romfs.hpp"

#include <algorithm>
#include <cstring>

namespace xipy::image {

namespace {

using Bytes = std::span<const std::uint8_t>;

support::Error corrupt(std::size_t offset, std::string_view what) {
    return support::make_error(offset, "corrupt ROMFS image: " + std::string(what));
}

// Reads a varuint from the front of `bytes`. Padding bytes (0x80) may lead; values past 32
// bits are refused, since no offset or size in an image this reader can hold is larger.
bool read_varuint(Bytes& bytes, std::uint32_t& value) {
    std::uint64_t result = 0;
    for (std::size_t index = 0; index < bytes.size(); ++index) {
        const std::uint8_t byte = bytes[index];
        result = (result << 7) | (byte & 0x7F);
        if (result > 0xFFFFFFFFu) {
            return false;
        }
        if ((byte & 0x80) == 0) {
            value = static_cast<std::uint32_t>(result);
            bytes = bytes.subspan(index + 1);
            return true;
        }
    }
    return false;
}

void write_varuint(std::vector<std::uint8_t>& out, std::uint32_t value) {
    std::uint8_t groups[5];
    std::size_t count = 0;
    do {
        groups[count++] = value & 0x7F;
        value >>= 7;
    } while (value != 0);
    while (count > 1) {
        out.push_back(static_cast<std::uint8_t>(0x80 | groups[--count]));
    }
    out.push_back(groups[0]);
}

void write_record(std::vector<std::uint8_t>& out, std::uint32_t kind, Bytes payload) {
    write_varuint(out, kind);
    write_varuint(out, static_cast<std::uint32_t>(payload.size()));
    out.insert(out.end(), payload.begin(), payload.end());
}

}  // namespace

support::Result<RomfsImage> RomfsImage::open(Bytes bytes) {
    if (bytes.size() < 4 || std::memcmp(bytes.data(), romfs::header, sizeof romfs::header) != 0) {
        return corrupt(0, "no ROMFS header");
    }
    Bytes rest = bytes;
    std::uint32_t kind = 0;
    std::uint32_t length = 0;
    if (!read_varuint(rest, kind) || kind != romfs::kind_filesystem ||
        !read_varuint(rest, length)) {
        return corrupt(0, "bad image header");
    }
    if (length > rest.size()) {
        return corrupt(bytes.size(), "image is truncated");
    }
    return RomfsImage(bytes, rest.first(length));
}

support::Result<RomfsEntry> RomfsImage::next_entry(Bytes& records) const {
    const std::size_t start = offset_of(records.data());
    std::uint32_t kind = 0;
    std::uint32_t length = 0;
    if (!read_varuint(records, kind) || !read_varuint(records, length) || length > records.size()) {
        return corrupt(start, "bad record");
    }
    Bytes payload = records.first(length);
    records = records.subspan(length);
    if (kind == romfs::kind_unused) {
        return corrupt(start, "unused record kind");
    }
    RomfsEntry entry;
    if (kind != romfs::kind_directory && kind != romfs::kind_file) {
        return entry;
    }
    std::uint32_t name_length = 0;
    if (!read_varuint(payload, name_length) || name_length > payload.size()) {
        return corrupt(start, "bad name");
    }
    entry.name = std::string_view(reinterpret_cast<const char*>(payload.data()), name_length);
    payload = payload.subspan(name_length);
    if (kind == romfs::kind_directory) {
        entry.kind = RomfsEntryKind::directory;
        entry.bytes = payload;
        return entry;
    }
    // A file: its first data record holds the bytes; other records are metadata to skip.
    while (!payload.empty()) {
        const std::size_t record_start = offset_of(payload.data());
        std::uint32_t inner_kind = 0;
        std::uint32_t inner_length = 0;
        if (!read_varuint(payload, inner_kind) || !read_varuint(payload, inner_length) ||
            inner_length > payload.size()) {
            return corrupt(record_start, "bad record in a file");
        }
        Bytes inner = payload.first(inner_length);
        payload = payload.subspan(inner_length);
        if (inner_kind == romfs::kind_unused) {
            return corrupt(record_start, "unused record kind");
        }
        if (inner_kind == romfs::kind_data_verbatim) {
            entry.kind = RomfsEntryKind::file;
            entry.bytes = inner;
            return entry;
        }
        if (inner_kind == romfs::kind_data_pointer) {
            std::uint32_t size = 0;
            std::uint32_t offset = 0;
            if (!read_varuint(inner, size) || !read_varuint(inner, offset) ||
                offset > payload_.size() || size > payload_.size() - offset) {
                return corrupt(record_start, "indirect data outside the image");
            }
            entry.kind = RomfsEntryKind::file;
            entry.bytes = payload_.subspan(offset, size);
            return entry;
        }
    }
    return corrupt(start, "file without data");
}

support::Result<RomfsEntry> RomfsImage::find(std::string_view path) const {
    RomfsEntry found{RomfsEntryKind::directory, {}, payload_};
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = std::min(path.find('/', start), path.size());
        std::string_view component = path.substr(start, end - start);
        start = end + 1;
        if (component.empty()) {
            continue;
        }
        if (found.kind != RomfsEntryKind::directory) {
            return RomfsEntry{};
        }
        Bytes records = found.bytes;
        found = RomfsEntry{};
        while (!records.empty()) {
            XIPY_TRY(RomfsEntry entry, next_entry(records));
            if (entry.kind != RomfsEntryKind::missing && entry.name == component) {
                found = entry;
                break;
            }
        }
        if (found.kind == RomfsEntryKind::missing) {
            return found;
        }
    }
    return found;
}

support::Result<std::vector<RomfsEntry>> RomfsImage::list(Bytes directory) const {
    std::vector<RomfsEntry> entries;
    while (!directory.empty()) {
        XIPY_TRY(RomfsEntry entry, next_entry(directory));
        if (entry.kind != RomfsEntryKind::missing) {
            entries.push_back(entry);
        }
    }
    return entries;
}

RomfsWriter::RomfsWriter() { directories_.emplace_back(); }

void RomfsWriter::open_directory(std::string_view name) {
    directories_.emplace_back(std::string(name), std::vector<std::uint8_t>{});
}

void RomfsWriter::close_directory() {
    auto [name, contents] = std::move(directories_.back());
    directories_.pop_back();
    std::vector<std::uint8_t> payload;
    write_varuint(payload, static_cast<std::uint32_t>(name.size()));
    payload.insert(payload.end(), name.begin(), name.end());
    payload.insert(payload.end(), contents.begin(), contents.end());
    write_record(directories_.back().second, romfs::kind_directory, payload);
}

void RomfsWriter::add_file(std::string_view name, Bytes contents) {
    std::vector<std::uint8_t> payload;
    write_varuint(payload, static_cast<std::uint32_t>(name.size()));
    payload.insert(payload.end(), name.begin(), name.end());
    write_record(payload, romfs::kind_data_verbatim, contents);
    write_record(directories_.back().second, romfs::kind_file, payload);
}

std::vector<std::uint8_t> RomfsWriter::finish() {
    while (directories_.size() > 1) {
        close_directory();
    }
    std::vector<std::uint8_t>& records = directories_.back().second;
    std::vector<std::uint8_t> image;
    write_varuint(image, romfs::kind_filesystem);
    std::vector<std::uint8_t> length;
    write_varuint(length, static_cast<std::uint32_t>(records.size()));
    // The whole record must have an even size (a padding record cannot be one byte long), so
    // an odd one gets a padding 0x80 before its length, as MicroPython's writer does.
    if ((image.size() + length.size() + records.size()) % 2 == 1) {
        image.push_back(0x80);
    }
    image.insert(image.end(), length.begin(), length.end());
    image.insert(image.end(), records.begin(), records.end());
    return image;
}

}  // namespace xipy::image
