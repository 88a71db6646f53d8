// Checks struct format parsing and the field codecs against the reference's output.
#include <gtest/gtest.h>

#include <string>

#include "library/struct_format.hpp"
#include "library/vectors.hpp"

namespace xipy::library {
namespace {

using testing::bits_of;
using testing::bytes_of;
using testing::double_of;
using testing::hex_of;
using testing::text_of;

StructFormat parsed(const std::string& format) {
    auto result = StructFormat::parse(format);
    EXPECT_TRUE(result.ok()) << format;
    return *result;
}

// unpack of one value as the vector file prints it.
std::string unpack_text(const StructField& field, const std::vector<std::uint8_t>& data,
                        bool big_endian) {
    const std::uint8_t* bytes = data.data() + field.offset;
    switch (field.kind) {
        case StructKind::signed_integer:
            return std::to_string(static_cast<std::int64_t>(
                load_struct_integer(bytes, field.size, big_endian, true)));
        case StructKind::unsigned_integer:
        case StructKind::object:
            return std::to_string(load_struct_integer(bytes, field.size, big_endian, false));
        case StructKind::bytes:
            return hex_of(std::vector<std::uint8_t>(bytes, bytes + field.size));
        default: {
            std::vector<std::uint8_t> bits(8);
            store_struct_integer(bits.data(), 8, true,
                                 bits_of(load_struct_float(bytes, field.kind, big_endian)));
            return "d" + hex_of(bits).substr(1);
        }
    }
}

TEST(StructFormat, ReferenceVectors) {
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("reference_vectors.txt")) {
        auto fields = testing::split_fields(line);
        const std::string& kind = fields[0];
        if (kind == "calcsize") {
            auto result = StructFormat::parse(text_of(fields[1]));
            if (fields[2] == "error") {
                ASSERT_FALSE(result.ok()) << line;
                EXPECT_EQ(testing::error_text_of(line),
                          "ValueError " + std::string(result.error().message));
            } else {
                ASSERT_TRUE(result.ok()) << line;
                EXPECT_EQ(std::to_string(result->size()), fields[2]) << line;
            }
        } else if (kind == "pack") {
            std::string text = text_of(fields[1]);
            StructFormat format = parsed(text);
            std::vector<std::uint8_t> out(format.size());
            format.for_each_field([&](const StructField& field) {
                std::uint8_t* bytes = out.data() + field.offset;
                if (field.kind == StructKind::bytes) {
                    auto value = bytes_of(fields[2]);
                    for (std::size_t index = 0; index < field.size; ++index) {
                        bytes[index] = index < value.size() ? value[index] : 0;
                    }
                } else if (fields[2][0] == 'd') {
                    store_struct_float(bytes, field.kind, format.big_endian(),
                                       double_of(fields[2]));
                } else {
                    store_struct_integer(bytes, field.size, format.big_endian(),
                                         testing::low_bits_of(fields[2]));
                }
            });
            EXPECT_EQ(hex_of(out), fields[3]) << line;
        } else if (kind == "unpack" || kind == "unpack_all") {
            std::string text = text_of(fields[1]);
            StructFormat format = parsed(text);
            auto data = bytes_of(fields[2]);
            ASSERT_GE(data.size(), format.size()) << line;
            std::string values;
            std::size_t count = 0;
            format.for_each_field([&](const StructField& field) {
                values +=
                    (values.empty() ? "" : " ") + unpack_text(field, data, format.big_endian());
                ++count;
            });
            EXPECT_EQ(count, format.item_count()) << line;
            std::string expected;
            for (std::size_t index = 3; index < fields.size(); ++index) {
                expected += (index > 3 ? " " : "") + fields[index];
            }
            EXPECT_EQ(values, expected) << line;
        } else {
            continue;
        }
        ++checked;
    }
    EXPECT_GT(checked, 1800);
}

TEST(StructFormat, HalfFloatQuirks) {
    // MicroPython ORs a rounding carry into the exponent: 1.99995 packs as 1.0 (0x3c00).
    EXPECT_EQ(encode_half_float(1.99995f), 0x3c00);
    EXPECT_EQ(encode_half_float(65520.0f), 0x7c00);
    EXPECT_EQ(encode_half_float(1e10f), 0xc0a8);
    EXPECT_EQ(decode_half_float(0x0001), 5.960464477539063e-08f);
}

TEST(StructFormat, HugeCountsAreRejectedWithoutOverflow) {
    EXPECT_FALSE(StructFormat::parse("99999999999999999999b").ok());
    EXPECT_FALSE(StructFormat::parse("<1073741824b").ok());
    EXPECT_FALSE(StructFormat::parse("<536870912q").ok());
    auto large = StructFormat::parse("<1073741823b");
    ASSERT_TRUE(large.ok());
    EXPECT_EQ(large->size(), 1073741823u);
}

}  // namespace
}  // namespace xipy::library
