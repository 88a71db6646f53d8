// Tests of the text and JSON listings on a module compiled by the reference mpy-cross.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>

#include "disassembler/json_writer.hpp"
#include "disassembler/listing.hpp"
#include "disassembler/python_repr.hpp"
#include "disassembler/text_writer.hpp"
#include "image/image.hpp"

namespace xipy::disassembler {
namespace {

// sample.py, compiled by the reference mpy-cross of MicroPython 1.19
// (`node tests/reference/mpy-cross.js sample.py -o sample.mpy`):
//   def add(a, b=2):
//       return a + b
//   print(add(1), 'hi', 1.5)
constexpr std::array<std::uint8_t, 83> sample_mpy = {
    0x4d, 0x06, 0x00, 0x1f, 0x07, 0x01, 0x12, 0x73, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e,
    0x70, 0x79, 0x00, 0x0f, 0x04, 0x68, 0x69, 0x00, 0x06, 0x61, 0x64, 0x64, 0x00, 0x81,
    0x77, 0x02, 0x61, 0x00, 0x02, 0x62, 0x00, 0x08, 0x03, 0x31, 0x2e, 0x35, 0x81, 0x64,
    0x18, 0x04, 0x01, 0x48, 0x82, 0x2a, 0x01, 0x53, 0x33, 0x00, 0x16, 0x03, 0x11, 0x04,
    0x11, 0x03, 0x81, 0x34, 0x01, 0x10, 0x02, 0x23, 0x00, 0x34, 0x03, 0x59, 0x51, 0x63,
    0x01, 0x58, 0x9a, 0x01, 0x08, 0x03, 0x05, 0x06, 0x20, 0xb0, 0xb1, 0xf2, 0x63};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class SampleModule : public ::testing::Test {
  protected:
    void SetUp() override {
        auto loaded = image::Image::load(sample_mpy);
        ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
        image_ = std::make_unique<image::Image>(std::move(*loaded));
    }
    std::unique_ptr<image::Image> image_;
};

TEST_F(SampleModule, EveryCodeDecodesToItsExactEnd) {
    for (const image::RawCode& code : image_->raw_codes()) {
        auto instructions = decode_bytecode(*image_, code);
        ASSERT_TRUE(instructions.ok()) << instructions.error().describe();
        std::uint32_t expected = 0;
        for (const image::Instruction& instruction : *instructions) {
            EXPECT_EQ(instruction.offset, expected);
            expected = instruction.end();
        }
        EXPECT_EQ(expected, image_->bytecode(code).size());
    }
}

TEST_F(SampleModule, TextListingShowsDecodedOperands) {
    auto text = write_text(*image_);
    ASSERT_TRUE(text.ok()) << text.error().describe();
    // The function body is the last four bytes of the file: b0 b1 f2 63.
    EXPECT_TRUE(contains(*text, "0  LOAD_FAST_MULTI 0\n")) << *text;
    EXPECT_TRUE(contains(*text, "1  LOAD_FAST_MULTI 1\n"));
    EXPECT_TRUE(contains(*text, "2  BINARY_OP_MULTI 27 __add__\n"));
    EXPECT_TRUE(contains(*text, "3  RETURN_VALUE\n"));
    // The default b=2 is built as a one-element tuple before MAKE_FUNCTION_DEFARGS.
    EXPECT_TRUE(contains(*text, "LOAD_CONST_SMALL_INT_MULTI 2\n"));
    EXPECT_TRUE(contains(*text, "BUILD_TUPLE 1\n"));
    EXPECT_TRUE(contains(*text, "MAKE_FUNCTION_DEFARGS child 0 add\n"));
    EXPECT_TRUE(contains(*text, "STORE_NAME add\n"));
    EXPECT_TRUE(contains(*text, "LOAD_CONST_STRING 'hi'\n"));
    EXPECT_TRUE(contains(*text, "LOAD_CONST_OBJ #0 1.5\n"));
    EXPECT_TRUE(contains(*text, "CALL_FUNCTION 3 positional, 0 keyword\n"));
    EXPECT_TRUE(contains(*text, "arguments: a, b\n"));
    EXPECT_TRUE(contains(*text, "n_pos_args=2 n_kwonly_args=0 n_def_pos_args=1"));
    EXPECT_TRUE(contains(*text, "0  inline  'sample.py'\n"));
    EXPECT_TRUE(contains(*text, "static 123  'print'\n"));
    EXPECT_TRUE(contains(*text, "0  float  1.5\n"));
    EXPECT_TRUE(contains(*text, "header: version 6.0, native arch 0, small int bits 31\n"));
}

TEST_F(SampleModule, JsonListingHasTheSameFacts) {
    auto json = write_json(*image_);
    ASSERT_TRUE(json.ok()) << json.error().describe();
    EXPECT_TRUE(contains(*json, "\"schema\":\"xipy-disassembly\",\"schema_version\":1"));
    EXPECT_TRUE(contains(*json, "\"name\":\"add\""));
    EXPECT_TRUE(contains(*json, "\"argument_names\":[\"a\",\"b\"]"));
    EXPECT_TRUE(contains(*json, "\"bytecode_length\":4"));
    EXPECT_TRUE(contains(*json,
                         "{\"offset\":2,\"length\":1,\"opcode\":242,\"name\":\"BINARY_OP_MULTI\","
                         "\"stack_effect\":-1,\"text\":\"27 __add__\",\"operator\":27,"
                         "\"operator_name\":\"__add__\"}"));
    EXPECT_TRUE(contains(*json,
                         "\"name\":\"LOAD_CONST_STRING\",\"stack_effect\":1,"
                         "\"text\":\"'hi'\",\"qstr\":2}"));
    EXPECT_EQ(json->back(), '\n');
}

TEST_F(SampleModule, BadOpcodeInBytecodeIsAnErrorAtItsFileOffset) {
    std::array<std::uint8_t, 83> damaged = sample_mpy;
    damaged[80] = 0x00;  // was BINARY_OP_MULTI __add__ in add()
    auto loaded = image::Image::load(damaged);
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    auto text = write_text(*loaded);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().offset, 80u);
    EXPECT_TRUE(contains(std::string(text.error().message), "unknown opcode 0x00 in add"))
        << text.error().message;
    EXPECT_FALSE(write_json(*loaded).ok());
}

TEST(PythonRepr, Strings) {
    EXPECT_EQ(string_repr("abc"), "'abc'");
    EXPECT_EQ(string_repr("it's"), "\"it's\"");
    EXPECT_EQ(string_repr("it's \"q\""), "'it\\'s \"q\"'");
    EXPECT_EQ(string_repr("a\nb\t\\"), "'a\\nb\\t\\\\'");
    EXPECT_EQ(string_repr(std::string_view("\x01\x7f", 2)), "'\\x01\\x7f'");
    EXPECT_EQ(string_repr("\xc3\xa9"), "'\xc3\xa9'");
}

TEST(PythonRepr, BytesAndFloats) {
    EXPECT_EQ(bytes_repr(std::string_view("\x00"
                                          "ab'\"",
                                          5)),
              "b'\\x00ab\\'\"'");
    EXPECT_EQ(bytes_repr("\xff"), "b'\\xff'");
    EXPECT_EQ(float_repr(1.5), "1.5");
    EXPECT_EQ(float_repr(2.0), "2.0");
    EXPECT_EQ(float_repr(-3.0), "-3.0");
    EXPECT_EQ(float_repr(1e300), "1.0000000000000001e+300");
    EXPECT_EQ(scope_flag_names(0x05), "GENERATOR|VARARGS");
    EXPECT_EQ(scope_flag_names(0x42), "VARKEYWORDS|0x40");
    EXPECT_EQ(scope_flag_names(0), "");
}

TEST(JsonString, EscapesControlsQuotesAndBadUtf8) {
    EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(json_string("\n\x01"), "\"\\n\\u0001\"");
    EXPECT_EQ(json_string("\xc3\xa9"), "\"\xc3\xa9\"");
    EXPECT_EQ(json_string("\xff"
                          "a"),
              "\"\\u00ffa\"");
    EXPECT_EQ(json_string("\xc3"), "\"\\u00c3\"");                        // cut-off sequence
    EXPECT_EQ(json_string("\xed\xa0\x80"), "\"\\u00ed\\u00a0\\u0080\"");  // surrogate
}

}  // namespace
}  // namespace xipy::disassembler
