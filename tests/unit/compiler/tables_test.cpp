// Tests of the module tables and the .mpy writer: qstr and constant order, sharing and encodings.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "compiler/compiled_module.hpp"
#include "compiler/constant_table.hpp"
#include "compiler/emitter.hpp"
#include "compiler/mpy_writer.hpp"
#include "compiler/qstr_table.hpp"
#include "image/image.hpp"
#include "image/operand_reader.hpp"
#include "image/operand_writer.hpp"

namespace {

using namespace xipy::compiler;

TEST(OperandWriter, ReadsBackThroughTheInterpretersReader) {
    for (const std::int64_t value :
         {0LL, 1LL, 63LL, 64LL, -1LL, -64LL, -65LL, 127LL, 128LL, 8191LL, 8192LL, -8192LL, -8193LL,
          70000LL, -70000LL, (1LL << 40), -(1LL << 40)}) {
        std::vector<std::uint8_t> bytes;
        xipy::image::append_signed_var_int(bytes, value);
        const std::uint8_t* position = bytes.data();
        EXPECT_EQ(xipy::image::read_signed_var_int(position), value);
        EXPECT_EQ(position, bytes.data() + bytes.size()) << value;
    }
    for (const std::uint32_t value : {0u, 127u, 128u, 16383u, 16384u, 0xffffffffu}) {
        std::vector<std::uint8_t> bytes;
        xipy::image::append_var_uint(bytes, value);
        EXPECT_EQ(bytes.size(), xipy::image::var_uint_size(value));
        const std::uint8_t* position = bytes.data();
        EXPECT_EQ(xipy::image::read_var_uint(position), value);
    }
    // LOAD_CONST_SMALL_INT 70000, as mpy-cross writes it.
    std::vector<std::uint8_t> bytes;
    xipy::image::append_signed_var_int(bytes, 70000);
    EXPECT_EQ(bytes, (std::vector<std::uint8_t>{0x84, 0xa2, 0x70}));
}

TEST(OperandWriter, WritesJumpsInBothForms) {
    for (const bool is_signed : {false, true}) {
        for (const std::int64_t offset : {0LL, 5LL, 63LL, 100LL, 127LL, 128LL, 5000LL}) {
            const bool one_byte = xipy::image::jump_fits_one_byte(offset, is_signed);
            std::vector<std::uint8_t> bytes;
            EXPECT_TRUE(xipy::image::append_jump_offset(bytes, offset, is_signed, one_byte));
            const std::uint8_t* position = bytes.data();
            EXPECT_EQ(xipy::image::read_jump_offset(position, is_signed), offset);
            EXPECT_EQ(bytes.size(), one_byte ? 1u : 2u);
        }
    }
    EXPECT_TRUE(xipy::image::jump_fits_one_byte(-64, true));
    EXPECT_FALSE(xipy::image::jump_fits_one_byte(-65, true));
    EXPECT_FALSE(xipy::image::jump_fits_one_byte(64, true));
    std::vector<std::uint8_t> bytes;
    EXPECT_FALSE(xipy::image::append_jump_offset(bytes, 0x8000, false, false));
}

TEST(QstrTable, NumbersByFirstUseAfterTheSourceFile) {
    QstrTable table("file.py");
    EXPECT_EQ(table.use("b"), 1u);
    EXPECT_EQ(table.use("a"), 2u);
    EXPECT_EQ(table.use("b"), 1u);
    EXPECT_EQ(table.use("file.py"), 0u);
    EXPECT_EQ(table.size(), 3u);
    EXPECT_EQ(table.text(2), "a");
}

TEST(ConstantTable, SharesOnlyStrictlyEqualConstants) {
    ConstantTable table;
    EXPECT_EQ(table.use(ConstantValue::floating(1.5)), 0u);
    EXPECT_EQ(table.use(ConstantValue::floating(0.0)), 1u);
    EXPECT_EQ(table.use(ConstantValue::floating(-0.0)), 2u);  // kept apart, as mpy-cross does
    EXPECT_EQ(table.use(ConstantValue::integer("1")), 3u);
    EXPECT_EQ(table.use(ConstantValue::floating(1.5)), 0u);
    EXPECT_EQ(table.use(ConstantValue::string("1")), 4u);
    EXPECT_EQ(table.use(ConstantValue::bytes("1")), 5u);
    const auto pair = ConstantValue::tuple(
        {ConstantValue::integer("1"), ConstantValue::singleton(ConstantKind::true_value)});
    EXPECT_EQ(table.use(pair), 6u);
    EXPECT_EQ(table.use(ConstantValue::tuple({ConstantValue::integer("1"),
                                              ConstantValue::singleton(ConstantKind::true_value)})),
              6u);
    EXPECT_EQ(table.use(ConstantValue::tuple({ConstantValue::floating(1.0),
                                              ConstantValue::singleton(ConstantKind::true_value)})),
              7u);
    EXPECT_EQ(table.use(ConstantValue::floating(std::nan(""))), 8u);
    EXPECT_EQ(table.use(ConstantValue::floating(std::nan(""))), 8u);
    EXPECT_EQ(table.use(ConstantValue::floating(-std::nan(""))), 9u);
    EXPECT_EQ(table.size(), 10u);
}

TEST(ConstantTable, WritesFloatsAndComplexesAsMicroPythonPrintsThem) {
    EXPECT_EQ(ConstantValue::floating(2.0).text, "2.0");
    EXPECT_EQ(ConstantValue::floating(1e30).text, "1e+30");
    EXPECT_EQ(ConstantValue::floating(-0.0).text, "-0.0");
    EXPECT_EQ(ConstantValue::imaginary(0.0).text, "0j");
    EXPECT_EQ(ConstantValue::imaginary(1.5).text, "1.5j");
    EXPECT_EQ(ConstantValue::imaginary(1e30).text, "1e+30j");
}

TEST(MpyWriter, WritesTablesTheLoaderReadsBack) {
    CompiledModule module("tables.py");
    const std::uint32_t root = module.add_code();
    const std::uint32_t child = module.add_code();
    Emitter outer(module, root, ScopeDescription{.name = "<module>"});
    outer.load_const_object(ConstantValue::string(std::string(300, 's')));
    outer.load_const_object(ConstantValue::bytes(std::string("a\0b", 3)));
    outer.load_const_object(ConstantValue::integer("123456789012345678901234567890"));
    outer.load_const_token(ConstantToken::ellipsis);
    outer.load_const_object(ConstantValue::imaginary(2.0));
    outer.load_const_object(ConstantValue::tuple(
        {ConstantValue::singleton(ConstantKind::none), ConstantValue::floating(0.25)}));
    outer.build(6, BuildKind::tuple);
    outer.make_function(child, 0, 0);
    outer.build(2, BuildKind::list);
    outer.return_value();
    ASSERT_TRUE(outer.finish().ok());
    Emitter inner(module, child, ScopeDescription{.name = "g"});
    inner.load_global("zip", GlobalKind::global);
    inner.return_value();
    ASSERT_TRUE(inner.finish().ok());

    auto bytes = write_mpy(module);
    ASSERT_TRUE(bytes.ok());
    auto image = xipy::image::Image::load(bytes.value());
    ASSERT_TRUE(image.ok()) << image.error().message;
    EXPECT_EQ(image->header().small_int_bits, 31);
    ASSERT_EQ(image->qstr_count(), 4u);
    EXPECT_EQ(image->qstr(0), "tables.py");
    EXPECT_TRUE(image->qstr_is_static(1));   // <module>
    EXPECT_FALSE(image->qstr_is_static(2));  // g
    EXPECT_TRUE(image->qstr_is_static(3));   // zip
    const auto constants = image->constants();
    ASSERT_EQ(constants.size(), 6u);
    EXPECT_EQ(constants[0].text.size(), 300u);
    EXPECT_EQ(constants[1].text, std::string_view("a\0b", 3));
    EXPECT_EQ(constants[2].kind, xipy::image::ConstantKind::big_int);
    EXPECT_EQ(constants[3].kind, xipy::image::ConstantKind::ellipsis);
    EXPECT_EQ(constants[4].kind, xipy::image::ConstantKind::complex_value);
    EXPECT_EQ(constants[4].imaginary, 2.0);
    ASSERT_EQ(image->items(constants[5]).size(), 2u);
    EXPECT_EQ(image->items(constants[5])[1].real, 0.25);
    ASSERT_EQ(image->raw_codes().size(), 2u);
    EXPECT_EQ(image->qstr(image->name_qstr(image->raw_codes()[1])), "g");
}

TEST(MpyWriter, RefusesCodesOutsideTheTree) {
    CompiledModule module("orphan.py");
    module.add_code();
    module.add_code();
    EXPECT_FALSE(write_mpy(module).ok());
}

}  // namespace
