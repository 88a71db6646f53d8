// Checks that input() and sys.stdin share the host's read_stdin channel byte for byte.
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace xipy::vm {
namespace {

// Compiled by tests/reference/mpy-cross.js from:
//   import sys
//   print(repr(input('> ')))
//   print(repr(sys.stdin.readline()))
//   print(repr(input()))
//   print(repr(sys.stdin.read(2)), repr(sys.stdin.read()))
//   try:
//       input()
//   except EOFError:
//       print('EOF')
// (The reference's WebAssembly build cannot run input() from a pipe, so this is a unit test
// rather than a conformance program.)
constexpr std::uint8_t stdin_shared_mpy[] = {
    0x4d, 0x06, 0x00, 0x1f, 0x0c, 0x00, 0x1e, 0x73, 0x74, 0x64, 0x69, 0x6e, 0x5f, 0x73, 0x68, 0x61,
    0x72, 0x65, 0x64, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x06, 0x73, 0x79, 0x73, 0x00, 0x04, 0x3e, 0x20,
    0x00, 0x0a, 0x73, 0x74, 0x64, 0x69, 0x6e, 0x00, 0x81, 0x7f, 0x81, 0x7b, 0x06, 0x45, 0x4f, 0x46,
    0x00, 0x81, 0x77, 0x82, 0x05, 0x0a, 0x69, 0x6e, 0x70, 0x75, 0x74, 0x00, 0x45, 0x87, 0x38, 0x2c,
    0x10, 0x01, 0x26, 0x2f, 0x31, 0x2d, 0x3e, 0x22, 0x4e, 0x80, 0x51, 0x1b, 0x02, 0x16, 0x02, 0x11,
    0x08, 0x11, 0x09, 0x11, 0x0a, 0x10, 0x03, 0x34, 0x01, 0x34, 0x01, 0x34, 0x01, 0x59, 0x11, 0x08,
    0x11, 0x09, 0x11, 0x02, 0x13, 0x04, 0x14, 0x05, 0x36, 0x00, 0x34, 0x01, 0x34, 0x01, 0x59, 0x11,
    0x08, 0x11, 0x09, 0x11, 0x0a, 0x34, 0x00, 0x34, 0x01, 0x34, 0x01, 0x59, 0x11, 0x08, 0x11, 0x09,
    0x11, 0x02, 0x13, 0x04, 0x14, 0x06, 0x82, 0x36, 0x01, 0x34, 0x01, 0x11, 0x09, 0x11, 0x02, 0x13,
    0x04, 0x14, 0x06, 0x36, 0x00, 0x34, 0x01, 0x34, 0x02, 0x59, 0x48, 0x07, 0x11, 0x0a, 0x34, 0x00,
    0x59, 0x4a, 0x11, 0x57, 0x11, 0x0b, 0xdf, 0x44, 0x4a, 0x59, 0x11, 0x08, 0x10, 0x07, 0x34, 0x01,
    0x59, 0x4a, 0x01, 0x5d, 0x51, 0x63};

// The host side: standard input from a string, one byte per call.
struct Input {
    std::string_view text;
    std::size_t position = 0;
};

int read_input(void* context) {
    auto* input = static_cast<Input*>(context);
    if (input->position == input->text.size()) {
        return -1;
    }
    return static_cast<unsigned char>(input->text[input->position++]);
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

TEST(StdinTest, InputAndSysStdinReadTheSameChannel) {
    for (bool stress : {false, true}) {
        Input input{"one\ntwo\nthree\nr\xc3\xa9st\nmore"};
        std::string output;
        VmConfig config;
        config.modules = modules::standard_modules();
        config.write_stdout = append;
        config.write_stderr = append;
        config.output_context = &output;
        config.collect_on_every_allocation = stress;
        config.host.read_stdin = read_input;
        config.host.stdin_context = &input;
        Vm vm(config);
        ASSERT_EQ(vm.run_image(stdin_shared_mpy), RunStatus::ok) << vm.traceback_text();
        // read(2) takes two characters, the second of them two bytes long.
        EXPECT_EQ(output, "> 'one'\n'two\\n'\n'three'\n'r\xc3\xa9' 'st\\nmore'\nEOF\n");
        EXPECT_EQ(input.position, input.text.size());
    }
}

TEST(StdinTest, WithoutACallbackStdinIsAtItsEnd) {
    std::string output;
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    Vm vm(config);
    ASSERT_EQ(vm.run_image(stdin_shared_mpy), RunStatus::exception);
    EXPECT_EQ(output, "> ");
    EXPECT_EQ(vm.exception_type_name(), "EOFError");
}

}  // namespace
}  // namespace xipy::vm
