// libFuzzer target: any bytes as a ROMFS image, opened, walked and searched.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "image/romfs.hpp"

namespace {

// Visits every entry below `directory`, touching each file's bytes so the sanitizer sees any
// read outside the input; `depth` bounds the walk as a host's would.
void walk(const xipy::image::RomfsImage& image, std::span<const std::uint8_t> directory,
          int depth) {
    auto entries = image.list(directory);
    if (!entries.ok() || depth > 64) {
        return;
    }
    for (const auto& entry : *entries) {
        std::uint32_t sum = 0;
        for (std::uint8_t byte : entry.bytes) {
            sum += byte;
        }
        for (char character : entry.name) {
            sum += static_cast<std::uint8_t>(character);
        }
        (void)sum;
        if (entry.kind == xipy::image::RomfsEntryKind::directory) {
            walk(image, entry.bytes, depth + 1);
        }
        auto found = image.find(std::string(entry.name) + "/x");
        (void)found;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto image = xipy::image::RomfsImage::open(std::span<const std::uint8_t>(data, size));
    if (!image.ok()) {
        return 0;
    }
    walk(*image, image->top(), 0);
    for (std::string_view path : {"", "/", "a", "lib/a.mpy", "a/b/c"}) {
        auto found = image->find(path);
        if (found.ok() && found->kind == xipy::image::RomfsEntryKind::file &&
            (found->bytes.data() < data || found->bytes.data() + found->bytes.size() > data + size)) {
            __builtin_trap();
        }
    }
    return 0;
}
