// Tests for Image::load on hand-made byte strings and on one reference-compiled file.
#include "image/image.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "image/format.hpp"
#include "image/static_qstrs.hpp"
#include "support/small_int.hpp"

namespace xipy::image {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes result;
    for (const Bytes& part : parts) {
        result.insert(result.end(), part.begin(), part.end());
    }
    return result;
}

// MicroPython's vuint: 7-bit groups, most significant first.
Bytes vuint(std::uint64_t value) {
    Bytes groups;
    do {
        groups.insert(groups.begin(), static_cast<std::uint8_t>(value & 0x7F));
        value >>= 7;
    } while (value != 0);
    for (std::size_t index = 0; index + 1 < groups.size(); ++index) {
        groups[index] |= 0x80;
    }
    return groups;
}

Bytes text_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

const Bytes standard_header = {'M', 6, 0, 31};
// One inline qstr "t.py" (index 0, the source file), then the given constants.
Bytes tables(std::uint32_t constant_count, const Bytes& constants) {
    return concat({vuint(1), vuint(constant_count), {8, 't', '.', 'p', 'y', 0}, constants});
}

// A bytecode raw code: header vuint (length << 3 | children bit), data, optional child count.
Bytes raw_code(const Bytes& function_data, std::optional<std::uint32_t> child_count = {}) {
    const std::uint64_t head = (std::uint64_t{function_data.size()} << 3) | (child_count ? 4 : 0);
    Bytes result = concat({vuint(head), function_data});
    if (child_count) {
        result = concat({result, vuint(*child_count)});
    }
    return result;
}

// Signature 0x00 (n_state 1, nothing else), sizes 0x02 (n_info 1, no cells), name qstr 0,
// bytecode LOAD_CONST_NONE RETURN_VALUE.
const Bytes simple_function = {0x00, 0x02, 0x00, 0x51, 0x63};

Bytes minimal_module() {
    return concat({standard_header, tables(0, {}), raw_code(simple_function)});
}

std::string load_error(const Bytes& bytes) {
    auto result = Image::load(bytes);
    if (result.ok()) {
        return "<loaded>";
    }
    return std::string(result.error().message);
}

std::size_t load_error_offset(const Bytes& bytes) {
    auto result = Image::load(bytes);
    return result.ok() ? support::Error::no_offset : result.error().offset;
}

TEST(ImageLoad, MinimalModule) {
    const Bytes bytes = minimal_module();
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    EXPECT_EQ(image.header().major_version, 6);
    EXPECT_EQ(image.header().small_int_bits, 31);
    EXPECT_FALSE(image.header().has_arch_flags);
    EXPECT_EQ(image.qstr_count(), 1u);
    EXPECT_EQ(image.qstr(0), "t.py");
    EXPECT_FALSE(image.qstr_is_static(0));
    EXPECT_EQ(image.source_file(), "t.py");
    EXPECT_TRUE(image.constants().empty());
    ASSERT_EQ(image.raw_codes().size(), 1u);
    const RawCode& root = image.root();
    EXPECT_EQ(root.kind, CodeKind::bytecode);
    EXPECT_EQ(root.file_offset, 13u);
    EXPECT_EQ(image.function_data(root).size(), 5u);
    EXPECT_EQ(root.prelude.n_state, 1u);
    EXPECT_EQ(root.n_info(), 1u);
    EXPECT_EQ(root.n_cell(), 0u);
    EXPECT_EQ(image.name_qstr(root), 0u);
    EXPECT_TRUE(image.argument_names(root).empty());
    EXPECT_TRUE(image.line_table(root).empty());
    ASSERT_EQ(image.bytecode(root).size(), 2u);
    EXPECT_EQ(image.bytecode(root)[0], 0x51);
    EXPECT_EQ(root.bytecode_file_offset, 16u);
    EXPECT_EQ(image.file_offset_of(image.bytecode(root).data()), 16u);
    EXPECT_TRUE(image.children(root).empty());
    EXPECT_EQ(image.end_offset(), bytes.size());
    EXPECT_EQ(image.line_for_offset(root, 0), 1u);
    // Everything points into the caller's bytes.
    EXPECT_EQ(image.qstr(0).data(), reinterpret_cast<const char*>(bytes.data()) + 7);
    EXPECT_EQ(image.function_data(root).data(), bytes.data() + 13);
}

TEST(ImageLoad, TrailingBytesAreIgnoredLikeMicroPython) {
    const Bytes bytes = concat({minimal_module(), {0xDE, 0xAD}});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.value().end_offset(), bytes.size() - 2);
}

TEST(ImageLoad, HeaderErrorsNameWhatWasFound) {
    EXPECT_EQ(load_error({}), "unexpected end of file while reading header");
    EXPECT_EQ(load_error({'C', 6, 0, 31}), "incompatible .mpy file: bad magic 0x43");
    EXPECT_EQ(load_error_offset({'C', 6, 0, 31}), 0u);
    EXPECT_EQ(load_error({'M', 5, 0, 31}), "incompatible .mpy file: version 5");
    EXPECT_EQ(load_error_offset({'M', 5, 0, 31}), 1u);
    EXPECT_EQ(load_error({'M', 6, 0}), "unexpected end of file while reading header");
    EXPECT_EQ(load_error({'M', 6, 0x80, 31}), "incompatible .mpy file: feature byte 0x80");
    const Bytes too_many_bits = concat({{'M', 6, 0, 64}, tables(0, {}), raw_code(simple_function)});
    EXPECT_EQ(load_error(too_many_bits),
              "incompatible .mpy file: needs 64-bit small ints, xipy has " +
                  std::to_string(format::maximum_small_int_bits));
    EXPECT_EQ(load_error_offset(too_many_bits), 3u);
}

TEST(ImageLoad, SmallIntBitsUpToTheHostLimitAreAccepted) {
    const Bytes bytes = concat(
        {{'M', 6, 0, format::maximum_small_int_bits}, tables(0, {}), raw_code(simple_function)});
    EXPECT_EQ(load_error(bytes), "<loaded>");
}

TEST(ImageLoad, NativeArchitectureIsRefused) {
    // Feature byte 0x08: arch 2 (x64) in bits 2-5.
    const Bytes bytes = concat({{'M', 6, 0x08, 31}, tables(0, {}), raw_code(simple_function)});
    EXPECT_EQ(load_error(bytes), "native code in .mpy unsupported");
    EXPECT_EQ(load_error_offset(bytes), 2u);
}

TEST(ImageLoad, NativeRawCodeIsRefused) {
    // Kind 1 (native Python) in the raw-code header's low bits.
    Bytes code = raw_code(simple_function);
    code[0] |= 1;
    const Bytes bytes = concat({standard_header, tables(0, {}), code});
    EXPECT_EQ(load_error(bytes), "native code in .mpy unsupported");
    EXPECT_EQ(load_error_offset(bytes), 12u);
}

TEST(ImageLoad, SubVersionsZeroToThreeAreAccepted) {
    for (std::uint8_t sub_version = 0; sub_version <= 3; ++sub_version) {
        const Bytes bytes =
            concat({{'M', 6, sub_version, 31}, tables(0, {}), raw_code(simple_function)});
        auto result = Image::load(bytes);
        ASSERT_TRUE(result.ok()) << result.error().describe();
        EXPECT_EQ(result.value().header().sub_version, sub_version);
    }
}

TEST(ImageLoad, ArchFlagsFollowTheHeader) {
    const Bytes bytes =
        concat({{'M', 6, 0x40, 31}, vuint(300), tables(0, {}), raw_code(simple_function)});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    EXPECT_TRUE(result.value().header().has_arch_flags);
    EXPECT_EQ(result.value().header().arch_flags, 300u);
}

TEST(ImageLoad, OverflowingVuintsAreRefused) {
    const Bytes bytes = concat({standard_header, {0x90, 0x80, 0x80, 0x80, 0x00}});
    EXPECT_EQ(load_error(bytes), "qstr count does not fit in 32 bits");
    EXPECT_EQ(load_error_offset(bytes), 4u);
    // A raw-code header whose length needs more than 32 bits.
    const Bytes long_code =
        concat({standard_header, tables(0, {}), {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}});
    EXPECT_EQ(load_error(long_code), "raw code header does not fit in 32 bits");
}

TEST(ImageLoad, HugeCountsInTinyFilesFailBeforeAllocating) {
    EXPECT_EQ(load_error(concat({standard_header, vuint(0xFFFFFFFF), vuint(0)})),
              "qstr count 4294967295 exceeds file");
    EXPECT_EQ(load_error(concat({standard_header, vuint(0), vuint(0xFFFFFFFF)})),
              "constant count 4294967295 exceeds file");
    EXPECT_EQ(load_error(concat({standard_header, tables(1, concat({{10}, vuint(0xFFFFFFF)}))})),
              "tuple length 268435455 exceeds file");
    EXPECT_EQ(
        load_error(concat({standard_header, tables(0, {}), raw_code(simple_function, 0xFFFFFFFF)})),
        "child count 4294967295 exceeds file");
    // Two children promised but room for only one.
    EXPECT_EQ(load_error(concat({standard_header, tables(0, {}), raw_code(simple_function, 2),
                                 raw_code(simple_function)})),
              "child count 2 exceeds file");
    EXPECT_EQ(load_error(concat({standard_header, tables(0, {}), vuint(5000 << 3), {0, 2, 0}})),
              "function data of 5000 bytes exceeds file (3 left)");
    EXPECT_EQ(load_error(concat({standard_header, vuint(1), vuint(0), vuint(2000 << 1), {'a'}})),
              "qstr text of 2000 bytes exceeds file (1 left)");
}

TEST(ImageLoad, TruncatedConstantNamesWhatItWasReading) {
    EXPECT_EQ(load_error(concat({standard_header, tables(1, {7})})),
              "unexpected end of file while reading constant length");
    EXPECT_EQ(load_error(concat({standard_header, tables(1, {10, 1})})),
              "tuple length 1 exceeds file");
}

TEST(ImageLoad, QstrIndicesAreChecked) {
    // Name qstr 5 with a one-entry table.
    const Bytes bad_name =
        concat({standard_header, tables(0, {}), raw_code({0x00, 0x02, 0x05, 0x63})});
    EXPECT_EQ(load_error(bad_name), "qstr index 5 out of range (table has 1)");
    EXPECT_EQ(load_error_offset(bad_name), 15u);
    // One positional argument (signature A bits = 1) whose name is qstr 300.
    const Bytes bad_argument = concat({standard_header, tables(0, {}),
                                       raw_code(concat({{0x01, 0x06, 0x00}, vuint(300), {0x63}}))});
    EXPECT_EQ(load_error(bad_argument), "qstr index 300 out of range (table has 1)");
    EXPECT_EQ(load_error_offset(bad_argument), 16u);
}

TEST(ImageLoad, StaticQstrs) {
    // Table: "t.py", static 7 ("<module>"), static 165 ("zip").
    const Bytes bytes = concat({standard_header,
                                vuint(3),
                                vuint(0),
                                {8, 't', '.', 'p', 'y', 0},
                                vuint(7 << 1 | 1),
                                vuint(165 << 1 | 1),
                                raw_code({0x00, 0x02, 0x01, 0x63})});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    EXPECT_TRUE(image.qstr_is_static(1));
    EXPECT_EQ(image.qstr(1), "<module>");
    EXPECT_EQ(image.static_qstr_id(1), 7u);
    EXPECT_EQ(image.qstr(2), "zip");
    EXPECT_EQ(image.static_qstr_id(0), 0u);
    EXPECT_EQ(image.qstr(image.name_qstr(image.root())), "<module>");

    EXPECT_EQ(load_error(concat({standard_header, vuint(1), vuint(0), vuint(1)})),
              "static qstr id 0 out of range (1..165)");
    EXPECT_EQ(load_error(concat({standard_header, vuint(1), vuint(0), vuint(166 << 1 | 1)})),
              "static qstr id 166 out of range (1..165)");
}

TEST(StaticQstrs, TableMatchesMicroPythonIds) {
    EXPECT_EQ(static_qstr(1), "");
    EXPECT_EQ(static_qstr(2), "__dir__");
    EXPECT_EQ(static_qstr(3), "\n");
    EXPECT_EQ(static_qstr(7), "<module>");
    EXPECT_EQ(static_qstr(123), "print");
    EXPECT_EQ(static_qstr(165), "zip");
    EXPECT_EQ(find_static_qstr("print"), 123u);
    EXPECT_EQ(find_static_qstr("not a static qstr"), std::nullopt);
}

TEST(ImageLoad, InlineQstrMustBeTerminatedAndUtf8) {
    EXPECT_EQ(load_error(concat({standard_header, vuint(1), vuint(0), {4, 'a', 'b', 1}})),
              "qstr not followed by a NUL byte");
    EXPECT_EQ(load_error(concat({standard_header, vuint(1), vuint(0), {2, 0xFF, 0}})),
              "invalid UTF-8 in qstr");
}

Bytes nested_tuples(std::size_t depth) {
    Bytes result;
    for (std::size_t level = 0; level < depth; ++level) {
        result.push_back(10);  // tuple
        result.push_back(1);   // of one item
    }
    result.push_back(1);  // None
    return result;
}

TEST(ImageLoad, TupleNestingIsBounded) {
    const Bytes shallow =
        concat({standard_header, tables(1, nested_tuples(10)), raw_code(simple_function)});
    auto result = Image::load(shallow);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    Constant constant = image.constants()[0];
    for (int level = 0; level < 10; ++level) {
        ASSERT_EQ(constant.kind, ConstantKind::tuple);
        ASSERT_EQ(image.items(constant).size(), 1u);
        constant = image.items(constant)[0];
    }
    EXPECT_EQ(constant.kind, ConstantKind::none);

    const Bytes deep =
        concat({standard_header, tables(1, nested_tuples(1000)), raw_code(simple_function)});
    EXPECT_EQ(load_error(deep), "constant tuples nested deeper than 64");
}

TEST(ImageLoad, FunctionNestingIsBounded) {
    auto nested = [](std::size_t depth) {
        Bytes codes;
        for (std::size_t level = 0; level + 1 < depth; ++level) {
            codes = concat({codes, raw_code(simple_function, 1)});
        }
        return concat({standard_header, tables(0, {}), codes, raw_code(simple_function)});
    };
    const Bytes shallow_bytes = nested(64);
    auto shallow = Image::load(shallow_bytes);
    ASSERT_TRUE(shallow.ok()) << shallow.error().describe();
    EXPECT_EQ(shallow.value().raw_codes().size(), 64u);
    EXPECT_EQ(load_error(nested(65)), "functions nested deeper than 64");
    EXPECT_EQ(load_error(nested(300)), "functions nested deeper than 64");
}

TEST(ImageLoad, ChildrenAreContiguousInFileOrder) {
    // root -> (a -> (c), b); names distinguish them: qstr 0 everywhere but n_state differs.
    auto function = [](std::uint8_t signature) { return Bytes{signature, 0x02, 0x00, 0x63}; };
    const Bytes bytes =
        concat({standard_header, tables(0, {}), raw_code(function(0x00), 2),
                raw_code(function(0x08), 1), raw_code(function(0x18)), raw_code(function(0x10))});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    ASSERT_EQ(image.raw_codes().size(), 4u);
    auto children = image.children(image.root());
    ASSERT_EQ(children.size(), 2u);
    EXPECT_EQ(children[0].prelude.n_state, 2u);  // a
    EXPECT_EQ(children[1].prelude.n_state, 3u);  // b
    auto grandchildren = image.children(children[0]);
    ASSERT_EQ(grandchildren.size(), 1u);
    EXPECT_EQ(grandchildren[0].prelude.n_state, 4u);  // c
    EXPECT_TRUE(image.children(children[1]).empty());
}

TEST(ImageLoad, EveryConstantKindDecodes) {
    const Bytes constants = concat({
        {1},
        {2},
        {3},
        {4},                         // None False True ...
        {5, 3, 'h', 0xC3, 0xA9, 0},  // str "hé"
        {6, 3, 'a', 0, 'b', 0},      // bytes b"a\0b"
        {6, 0, 0},                   // bytes b""
        {7, 2, '4', '2'},            // 42
        {7, 2, '-', '7'},            // -7
        concat({{7, 30}, text_bytes("123456789012345678901234567890")}),
        concat({{7, 19}, text_bytes("4611686018427387904")}),   // 2**62
        concat({{7, 20}, text_bytes("-4611686018427387904")}),  // -2**62
        {8, 3, '1', '.', '5'},                                  // 1.5
        concat({{8, 6}, text_bytes("1e+100")}),
        {8, 3, 'i', 'n', 'f'},
        {9, 2, '2', 'j'},  // 2j
        concat({{9, 8}, text_bytes("1.5e+30j")}),
        {10, 2, 7, 1, '1', 5, 1, 'x', 0},  // (1, 'x')
    });
    const Bytes bytes = concat({standard_header, tables(18, constants), raw_code(simple_function)});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    auto table = image.constants();
    ASSERT_EQ(table.size(), 18u);
    EXPECT_EQ(table[0].kind, ConstantKind::none);
    EXPECT_EQ(table[0].file_offset, 12u);
    EXPECT_EQ(table[1].kind, ConstantKind::false_value);
    EXPECT_EQ(table[2].kind, ConstantKind::true_value);
    EXPECT_EQ(table[3].kind, ConstantKind::ellipsis);
    EXPECT_EQ(table[4].kind, ConstantKind::string);
    EXPECT_EQ(table[4].text, "h\xC3\xA9");
    EXPECT_EQ(table[5].kind, ConstantKind::bytes);
    EXPECT_EQ(table[5].text, std::string_view("a\0b", 3));
    EXPECT_EQ(table[6].kind, ConstantKind::bytes);
    EXPECT_EQ(table[6].text.size(), 0u);
    EXPECT_EQ(table[7].kind, ConstantKind::small_int);
    EXPECT_EQ(table[7].small_int, 42);
    EXPECT_EQ(table[8].small_int, -7);
    EXPECT_EQ(table[9].kind, ConstantKind::big_int);
    EXPECT_EQ(table[9].text, "123456789012345678901234567890");
    // +-2**62 lie past the 48-bit small-int range on every host (SmallIntBoundaries).
    EXPECT_EQ(table[10].kind, ConstantKind::big_int);
    EXPECT_EQ(table[10].text, "4611686018427387904");
    EXPECT_EQ(table[11].kind, ConstantKind::big_int);
    EXPECT_EQ(table[11].text, "-4611686018427387904");
    EXPECT_EQ(table[12].kind, ConstantKind::float_value);
    EXPECT_EQ(table[12].real, 1.5);
    EXPECT_EQ(table[13].real, 1e100);
    EXPECT_TRUE(std::isinf(table[14].real));
    EXPECT_EQ(table[15].kind, ConstantKind::complex_value);
    EXPECT_EQ(table[15].real, 0.0);
    EXPECT_EQ(table[15].imaginary, 2.0);
    EXPECT_EQ(table[16].imaginary, 1.5e30);
    EXPECT_EQ(table[17].kind, ConstantKind::tuple);
    auto items = image.items(table[17]);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].kind, ConstantKind::small_int);
    EXPECT_EQ(items[0].small_int, 1);
    EXPECT_EQ(items[1].kind, ConstantKind::string);
    EXPECT_EQ(items[1].text, "x");
    EXPECT_EQ(constant_kind_name(table[17].kind), "tuple");
    EXPECT_EQ(code_kind_name(image.root().kind), "bytecode");
}

// An int constant is small exactly when a Value holds it without allocating, so the loader's
// boundaries are support::small_int_minimum/maximum: +-2**47 with the 64-bit Value word,
// +-2**30 with the 32-bit one.
TEST(ImageLoad, SmallIntBoundaries) {
    static_assert(support::small_int_maximum ==
                  (std::int64_t{1} << (support::small_int_bits - 1)) - 1);
    const auto int_constant = [](const std::string& text) {
        return concat({{7, static_cast<std::uint8_t>(text.size())}, text_bytes(text)});
    };
    const std::string past_maximum = std::to_string(support::small_int_maximum + 1);
    const std::string past_minimum = std::to_string(support::small_int_minimum - 1);
    const Bytes constants = concat({
        int_constant(std::to_string(support::small_int_maximum)), int_constant(past_maximum),
        int_constant(std::to_string(support::small_int_minimum)), int_constant(past_minimum),
        int_constant("9223372036854775807"),  // past int64 too: text only
    });
    // The image is a view: the bytes must outlive it.
    const Bytes bytes = concat({standard_header, tables(5, constants), raw_code(simple_function)});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    auto table = result.value().constants();
    ASSERT_EQ(table.size(), 5u);
    EXPECT_EQ(table[0].kind, ConstantKind::small_int);
    EXPECT_EQ(table[0].small_int, support::small_int_maximum);
    EXPECT_EQ(table[1].kind, ConstantKind::big_int);
    EXPECT_EQ(table[1].text, past_maximum);
    EXPECT_EQ(table[2].kind, ConstantKind::small_int);
    EXPECT_EQ(table[2].small_int, support::small_int_minimum);
    EXPECT_EQ(table[3].kind, ConstantKind::big_int);
    EXPECT_EQ(table[3].text, past_minimum);
    EXPECT_EQ(table[4].kind, ConstantKind::big_int);
}

TEST(ImageLoad, MalformedConstantsAreRefused) {
    auto error_for = [](const Bytes& constant) {
        return load_error(
            concat({standard_header, tables(1, constant), raw_code(simple_function)}));
    };
    EXPECT_EQ(error_for({7, 3, '1', '2', 'a'}), "malformed int constant");
    EXPECT_EQ(error_for({7, 1, '-'}), "malformed int constant");
    EXPECT_EQ(error_for({7, 0}), "malformed int constant");
    EXPECT_EQ(error_for({8, 4, '1', '.', '5', 'x'}), "malformed float constant");
    EXPECT_EQ(error_for({8, 0}), "malformed float constant");
    EXPECT_EQ(error_for({8, 2, '-', '-'}), "malformed float constant");
    EXPECT_EQ(error_for({9, 1, '2'}), "malformed complex constant");
    EXPECT_EQ(error_for({9, 1, 'j'}), "malformed complex constant");
    EXPECT_EQ(error_for({5, 1, 'a', 'b'}), "constant not followed by a NUL byte");
    EXPECT_EQ(error_for({5, 1, 0x80, 0}), "invalid UTF-8 in str constant");
    EXPECT_EQ(error_for({0}), "unknown constant kind 0");
    EXPECT_EQ(error_for({11}), "unknown constant kind 11");
    EXPECT_EQ(error_for({5, 9, 'a'}), "constant of 9 bytes exceeds file (7 left)");
}

TEST(ImageLoad, PreludeIsChecked) {
    auto error_for = [](const Bytes& function) {
        return load_error(concat({standard_header, tables(0, {}), raw_code(function)}));
    };
    EXPECT_EQ(error_for(Bytes(20, 0xFF)), "prelude signature too long");
    EXPECT_EQ(error_for({0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}), "prelude size too long");
    EXPECT_EQ(error_for({0x00}), "unexpected end of function data while reading prelude size");
    // n_info 10 in a 5-byte function.
    EXPECT_EQ(error_for({0x00, 0x14, 0x00, 0x51, 0x63}),
              "code info of 10 bytes exceeds function data (3 left)");
    EXPECT_EQ(error_for({0x00, 0x00, 0x63}),
              "unexpected end of code info while reading function name");
    // One cell (C bit) holding local 1 while n_state is 1.
    EXPECT_EQ(error_for({0x00, 0x03, 0x00, 0x01, 0x63}), "cell local 1 out of range (n_state 1)");
    // A long line entry (0x80) missing its second byte at the end of code info.
    EXPECT_EQ(error_for({0x00, 0x04, 0x00, 0x80, 0x63}),
              "unexpected end of code info while reading line table");
}

TEST(ImageLoad, PreludeSignatureDecodesEveryField) {
    // 0x80|S=2<<3|E=1<<2|A=3 then 0x40 F | 0x30 S | 0x08 K | 0x04 A | 0x02 E | 0x01 D.
    // n_state = (2 | 0x30) + 1 = 51, n_exc_stack = 1 | 2 = 3, scope_flags = 1,
    // n_pos_args = 3 | 4 = 7, n_kwonly_args = 1, n_def_pos_args = 1.
    Bytes function = {0x80 | 0x10 | 0x04 | 0x03, 0x7F, 0x12, 0x00};
    for (int argument = 0; argument < 8; ++argument) {
        function.push_back(0x00);  // argument names, all qstr 0
    }
    function.push_back(0x63);
    // Sizes byte: n_info = 9 (name + 8 arguments) -> 9 << 1 = 0x12; already placed above.
    const Bytes bytes = concat({standard_header, tables(0, {}), raw_code(function)});
    auto result = Image::load(bytes);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Prelude& prelude = result.value().root().prelude;
    EXPECT_EQ(prelude.n_state, 51u);
    EXPECT_EQ(prelude.n_exc_stack, 3u);
    EXPECT_EQ(prelude.scope_flags, 1u);
    EXPECT_EQ(prelude.n_pos_args, 7u);
    EXPECT_EQ(prelude.n_kwonly_args, 1u);
    EXPECT_EQ(prelude.n_def_pos_args, 1u);
    EXPECT_EQ(result.value().root().n_info(), 9u);
    EXPECT_EQ(result.value().argument_name_qstrs(result.value().root()).size(), 8u);
}

// a.py, compiled with the reference mpy-cross 1.19 (tests/reference/mpy-cross.js):
//   x = 1
//   def f(a, b=2, *, c):
//       y = (1, 2, (3, 'x'))
//       def g():
//           return a
//       return g
//   print(f(1, c=3)(), 12345678901, 123456789012345678901234567890, 1.5, 2j, b'by\x00',
//         'héllo', ...)
// (the print call is on one source line, line 7)
const Bytes reference_module = {
    0x4d, 0x06, 0x00, 0x1f, 0x0b, 0x07, 0x08, 0x61, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x02, 0x63, 0x00,
    0x0c, 0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 0x00, 0x02, 0x66, 0x00, 0x02, 0x67, 0x00, 0x02, 0x78,
    0x00, 0x81, 0x77, 0x02, 0x61, 0x00, 0x02, 0x62, 0x00, 0x0b, 0x07, 0x0b, 0x31, 0x32, 0x33, 0x34,
    0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0x31, 0x07, 0x1e, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
    0x38, 0x39, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0x31, 0x32, 0x33,
    0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0x08, 0x03, 0x31, 0x2e, 0x35, 0x09, 0x02, 0x32, 0x6a,
    0x06, 0x03, 0x62, 0x79, 0x00, 0x00, 0x04, 0x0a, 0x03, 0x07, 0x01, 0x31, 0x07, 0x01, 0x32, 0x0a,
    0x02, 0x07, 0x01, 0x33, 0x05, 0x01, 0x78, 0x00, 0x83, 0x0c, 0x40, 0x08, 0x01, 0x23, 0x68, 0x40,
    0x81, 0x16, 0x06, 0x82, 0x2a, 0x01, 0x53, 0x33, 0x00, 0x16, 0x04, 0x11, 0x07, 0x11, 0x04, 0x81,
    0x10, 0x02, 0x83, 0x34, 0x82, 0x01, 0x34, 0x00, 0x23, 0x00, 0x23, 0x01, 0x23, 0x02, 0x23, 0x03,
    0x23, 0x04, 0x10, 0x03, 0x23, 0x05, 0x34, 0x08, 0x59, 0x51, 0x63, 0x01, 0x81, 0x2c, 0xaa, 0x09,
    0x0f, 0x04, 0x08, 0x09, 0x02, 0x40, 0x23, 0x45, 0x00, 0x23, 0x06, 0xc3, 0xb0, 0x20, 0x00, 0x01,
    0xc4, 0xb4, 0x63, 0x01, 0x48, 0x09, 0x08, 0x05, 0x0a, 0x60, 0x20, 0x25, 0x00, 0x63,
};

TEST(ImageLoad, ReferenceModule) {
    auto result = Image::load(reference_module);
    ASSERT_TRUE(result.ok()) << result.error().describe();
    const Image& image = result.value();
    EXPECT_EQ(image.source_file(), "a.py");
    EXPECT_EQ(image.qstr(image.name_qstr(image.root())), "<module>");
    EXPECT_EQ(image.end_offset(), reference_module.size());

    auto table = image.constants();
    ASSERT_EQ(table.size(), 7u);
    // 34 bits: small in the 64-bit Value word, allocated with the 32-bit one.
    if (support::fits_small_int(12345678901)) {
        EXPECT_EQ(table[0].kind, ConstantKind::small_int);
        EXPECT_EQ(table[0].small_int, 12345678901);
    } else {
        EXPECT_EQ(table[0].kind, ConstantKind::big_int);
        EXPECT_EQ(table[0].text, "12345678901");
    }
    EXPECT_EQ(table[1].kind, ConstantKind::big_int);
    EXPECT_EQ(table[1].text, "123456789012345678901234567890");
    EXPECT_EQ(table[2].real, 1.5);
    EXPECT_EQ(table[3].imaginary, 2.0);
    EXPECT_EQ(table[4].text, std::string_view("by\0", 3));
    EXPECT_EQ(table[5].kind, ConstantKind::ellipsis);
    ASSERT_EQ(table[6].kind, ConstantKind::tuple);
    auto items = image.items(table[6]);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[1].small_int, 2);
    auto inner = image.items(items[2]);
    ASSERT_EQ(inner.size(), 2u);
    EXPECT_EQ(inner[0].small_int, 3);
    EXPECT_EQ(inner[1].text, "x");

    // 'héllo' is interned as an inline qstr; the file refers to print by static id
    // (vuint 0x81 0x77 = 247 = 123 << 1 | 1).
    bool found_hello = false;
    bool found_print = false;
    for (std::size_t index = 0; index < image.qstr_count(); ++index) {
        found_hello = found_hello || image.qstr(index) == "h\xC3\xA9llo";
        if (image.qstr(index) == "print") {
            found_print = true;
            EXPECT_EQ(image.static_qstr_id(index), 123u);
        }
    }
    EXPECT_TRUE(found_hello);
    EXPECT_TRUE(found_print);

    const RawCode& root = image.root();
    ASSERT_EQ(image.raw_codes().size(), 3u);
    auto functions = image.children(root);
    ASSERT_EQ(functions.size(), 1u);
    const RawCode& f = functions[0];
    EXPECT_EQ(image.qstr(image.name_qstr(f)), "f");
    EXPECT_EQ(f.prelude.n_pos_args, 2u);
    EXPECT_EQ(f.prelude.n_kwonly_args, 1u);
    EXPECT_EQ(f.prelude.n_def_pos_args, 1u);
    std::vector<std::string_view> names;
    for (std::uint32_t name : image.argument_name_qstrs(f)) {
        names.push_back(image.qstr(name));
    }
    EXPECT_EQ(names, (std::vector<std::string_view>{"a", "b", "c"}));
    // `a` is captured by g, so f has one cell.
    EXPECT_EQ(f.n_cell(), 1u);
    ASSERT_EQ(image.children(f).size(), 1u);
    EXPECT_EQ(image.qstr(image.name_qstr(image.children(f)[0])), "g");

    // Module code: `x = 1` is bytecode 0..2 (line 1), `def f` from 3 (line 2), print from
    // offset 11 (line 7); the line table reaches line 7 in two steps (+3, +2).
    EXPECT_EQ(image.line_for_offset(root, 0), 1u);
    EXPECT_EQ(image.line_for_offset(root, 2), 1u);
    EXPECT_EQ(image.line_for_offset(root, 3), 2u);
    EXPECT_EQ(image.line_for_offset(root, 10), 2u);
    EXPECT_EQ(image.line_for_offset(root, 11), 7u);
    EXPECT_EQ(image.line_for_offset(root, 1000), 7u);
    auto lines = image.line_entries(root);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front().bytecode_offset, 0u);
    EXPECT_EQ(lines.front().line, 1u);
    EXPECT_EQ(lines.back().bytecode_offset, 11u);
    EXPECT_EQ(lines.back().line, 7u);
    EXPECT_EQ(image.line_for_offset(f, 0), 3u);
}

}  // namespace
}  // namespace xipy::image
