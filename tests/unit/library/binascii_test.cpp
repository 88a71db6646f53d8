// Checks binascii's CRC-32, hex and base64 conversions against the reference's output.
#include <gtest/gtest.h>

#include <string>

#include "library/binascii.hpp"
#include "library/vectors.hpp"

namespace xipy::library {
namespace {

using testing::bytes_of;
using testing::hex_of;

TEST(Binascii, Crc32KnownValues) {
    const std::string check = "123456789";
    std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(check.data()),
                                       check.size());
    // The CRC-32 check value of "123456789", and a running value over two pieces.
    EXPECT_EQ(crc32(data), 0xcbf43926u);
    EXPECT_EQ(crc32(data.subspan(4), crc32(data.first(4))), 0xcbf43926u);
    EXPECT_EQ(crc32({}), 0u);
}

TEST(Binascii, ReferenceVectors) {
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("reference_vectors.txt")) {
        auto fields = testing::split_fields(line);
        const std::string& kind = fields[0];
        if (kind == "crc32") {
            EXPECT_EQ(crc32(bytes_of(fields[1]), static_cast<std::uint32_t>(std::stoul(fields[2]))),
                      std::stoul(fields[3]))
                << line;
        } else if (kind == "hexlify") {
            auto data = bytes_of(fields[1]);
            std::optional<std::uint8_t> separator;
            if (fields[2] != "none") {
                separator = bytes_of(fields[2])[0];
            }
            std::vector<std::uint8_t> out(hexlify_size(data.size(), separator.has_value()));
            hexlify(data, separator, out);
            EXPECT_EQ(hex_of(out), fields[3]) << line;
        } else if (kind == "unhexlify") {
            auto text = bytes_of(fields[1]);
            std::vector<std::uint8_t> out(text.size() / 2);
            auto result = unhexlify(text, out);
            if (fields[2] == "error") {
                ASSERT_FALSE(result.ok()) << line;
                EXPECT_EQ(testing::error_text_of(line),
                          "ValueError " + std::string(result.error().message));
            } else {
                ASSERT_TRUE(result.ok()) << line;
                out.resize(*result);
                EXPECT_EQ(hex_of(out), fields[2]) << line;
            }
        } else if (kind == "b2a_base64") {
            auto data = bytes_of(fields[1]);
            bool newline = fields[2] == "1";
            std::vector<std::uint8_t> out(base64_encoded_size(data.size(), newline));
            base64_encode(data, newline, out);
            EXPECT_EQ(hex_of(out), fields[3]) << line;
        } else if (kind == "a2b_base64") {
            auto text = bytes_of(fields[1]);
            std::vector<std::uint8_t> out(base64_decoded_capacity(text.size()));
            auto result = base64_decode(text, out);
            if (fields[2] == "error") {
                ASSERT_FALSE(result.ok()) << line;
                // The reference's frozen binascii.py raises Exception("Incorrect padding");
                // the C module's text is "incorrect padding".
                EXPECT_EQ(fields[3], "Exception");
                EXPECT_EQ(result.error().message, "incorrect padding");
            } else {
                ASSERT_TRUE(result.ok()) << line;
                out.resize(*result);
                EXPECT_EQ(hex_of(out), fields[2]) << line;
            }
        } else {
            continue;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 9 * 4 + 9 * 2 + 9 * 2 + 9 + 13 + 24);
}

}  // namespace
}  // namespace xipy::library
