// Repeated writes go out in blocks so that long padding costs few sink calls.
#include "text/text_sink.hpp"

#include <algorithm>
#include <array>

namespace xipy::text {

Status TextSink::write_repeated(char byte, std::size_t count) {
    std::array<char, 32> block;
    block.fill(byte);
    while (count > 0) {
        std::size_t piece = std::min(count, block.size());
        XIPY_CHECK(write(std::string_view(block.data(), piece)));
        count -= piece;
    }
    return succeeded();
}

}  // namespace xipy::text
