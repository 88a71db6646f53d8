// Runs small reference-compiled programs through vm::Vm and checks what they print.
#include "vm/vm.hpp"
#include "modules/standard_modules.hpp"

#include <gtest/gtest.h>

#include <string>

#include "image/image.hpp"
#include "image/verifier.hpp"

#include "modules/reference_programs.hpp"

namespace xipy::vm {
namespace {

struct Output {
    std::string standard_output;
    std::string standard_error;
};

void append_stdout(void* context, const char* data, std::size_t length) {
    static_cast<Output*>(context)->standard_output.append(data, length);
}

void append_stderr(void* context, const char* data, std::size_t length) {
    static_cast<Output*>(context)->standard_error.append(data, length);
}

VmConfig config_for(Output& output) {
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append_stdout;
    config.write_stderr = append_stderr;
    config.output_context = &output;
    config.argv = {"program.mpy"};
    return config;
}

template <std::size_t Size>
std::span<const std::uint8_t> bytes(const std::uint8_t (&data)[Size]) {
    return {data, Size};
}

struct Case {
    const char* name;
    std::span<const std::uint8_t> mpy;
    std::string_view expected;
};

class ReferenceProgramTest : public ::testing::TestWithParam<bool> {};

TEST_P(ReferenceProgramTest, PrintsWhatMicroPythonPrints) {
    const Case cases[] = {
        {"arithmetic", bytes(test_programs::arithmetic_mpy), test_programs::arithmetic_stdout},
        {"control", bytes(test_programs::control_mpy), test_programs::control_stdout},
        {"generators", bytes(test_programs::generators_mpy), test_programs::generators_stdout},
        {"classes", bytes(test_programs::classes_mpy), test_programs::classes_stdout},
        {"recursion", bytes(test_programs::recursion_mpy), test_programs::recursion_stdout},
    };
    for (const Case& test_case : cases) {
        Output output;
        VmConfig config = config_for(output);
        // The parameter runs everything again collecting before every
        // allocation, which exposes values that are not rooted.
        config.collect_on_every_allocation = GetParam();
        Vm vm(config);
        EXPECT_EQ(vm.run_image(test_case.mpy), RunStatus::ok)
            << test_case.name << ": " << vm.traceback_text();
        EXPECT_EQ(output.standard_output, test_case.expected) << test_case.name;
        EXPECT_EQ(output.standard_error, "") << test_case.name;
    }
}

INSTANTIATE_TEST_SUITE_P(CollectionModes, ReferenceProgramTest, ::testing::Values(false, true));

TEST(VmTest, UncaughtExceptionGivesMicroPythonsTraceback) {
    Output output;
    Vm vm(config_for(output));
    ASSERT_EQ(vm.run_image(bytes(test_programs::uncaught_mpy)), RunStatus::exception);
    EXPECT_EQ(output.standard_output, test_programs::uncaught_stdout);
    EXPECT_EQ(output.standard_error, "");
    EXPECT_EQ(vm.exception_type_name(), "ZeroDivisionError");
    EXPECT_EQ(vm.exception_message(), "divide by zero");
    EXPECT_EQ(vm.traceback_text(),
              "Traceback (most recent call last):\n"
              "  File \"uncaught.py\", line 9, in <module>\n"
              "  File \"uncaught.py\", line 8, in outer\n"
              "  File \"uncaught.py\", line 2, in inner\n"
              "ZeroDivisionError: divide by zero\n");
}

TEST(VmTest, SystemExitGivesTheExitCode) {
    Output output;
    Vm vm(config_for(output));
    ASSERT_EQ(vm.run_image(bytes(test_programs::exit_code_mpy)), RunStatus::exception);
    EXPECT_EQ(vm.exception_type_name(), "SystemExit");
    EXPECT_EQ(vm.exit_code(), 3);
    EXPECT_EQ(output.standard_output, test_programs::exit_code_stdout);
}

TEST(VmTest, HeapLimitRaisesMemoryError) {
    Output output;
    VmConfig config = config_for(output);
    config.heap_limit_bytes = 256 * 1024;
    Vm vm(config);
    EXPECT_EQ(vm.run_image(bytes(test_programs::memory_mpy)), RunStatus::ok) << vm.traceback_text();
    EXPECT_EQ(output.standard_output, test_programs::memory_stdout);
}

TEST(VmTest, RecursionLimitFollowsTheConfiguration) {
    Output output;
    VmConfig config = config_for(output);
    config.max_depth = 50;
    Vm vm(config);
    EXPECT_EQ(vm.run_image(bytes(test_programs::recursion_mpy)), RunStatus::ok);
    EXPECT_EQ(output.standard_output, "RuntimeError maximum recursion depth exceeded\n");
}

TEST(VmTest, BadImageReportsTheLoaderError) {
    Output output;
    Vm vm(config_for(output));
    const std::uint8_t version_five[] = {'M', 5, 0, 31};
    EXPECT_EQ(vm.run_image(version_five), RunStatus::bad_image);
    EXPECT_NE(vm.load_error().find("incompatible .mpy file"), std::string::npos) << vm.load_error();
}

// The loader's and verifier's memory is the VM's: it shows in the heap and obeys its limit.
TEST(VmTest, LoadingCountsAgainstTheHeap) {
    Output output;
    Vm vm(config_for(output));
    vm.collect_garbage();
    const std::size_t before = vm.heap_statistics().bytes_in_use;
    EXPECT_EQ(vm.run_image(bytes(test_programs::classes_mpy)), RunStatus::ok);
    vm.collect_garbage();
    // The module's tables (at least one raw code per class and method) stay with the VM.
    EXPECT_GT(vm.heap_statistics().bytes_in_use, before + 4 * sizeof(image::RawCode));
}

TEST(VmTest, LoadingBeyondTheHeapLimitFailsCleanly) {
    Output output;
    VmConfig config = config_for(output);
    Vm probe(config);
    probe.collect_garbage();
    // Enough for the VM itself and the MemoryError's message, not for the image's tables or
    // the verifier's area. That is the program's MemoryError, as on MicroPython: the image
    // itself is sound.
    config.heap_limit_bytes = probe.heap_statistics().bytes_reserved + 256;
    Vm vm(config);
    EXPECT_EQ(vm.run_image(bytes(test_programs::classes_mpy)), RunStatus::exception);
    EXPECT_EQ(vm.exception_type_name(), "MemoryError");
    EXPECT_NE(vm.exception_message().find("not enough memory"), std::string::npos)
        << vm.exception_message();
    EXPECT_TRUE(vm.load_error().empty()) << vm.load_error();
}

// generators.py with the first bytecode byte of its function `outer` changed so that the
// verifier refuses that function (and only it).
std::vector<std::uint8_t> generators_with_broken_outer() {
    std::vector<std::uint8_t> mpy(std::begin(test_programs::generators_mpy),
                                  std::end(test_programs::generators_mpy));
    auto loaded = image::Image::load(mpy);
    EXPECT_TRUE(loaded.ok());
    std::uint32_t offset = 0;
    for (const image::RawCode& child : loaded->children(loaded->root())) {
        if (loaded->qstr(loaded->name_qstr(child)) == "outer") {
            offset = child.bytecode_file_offset;
        }
    }
    EXPECT_NE(offset, 0u);
    for (unsigned value = 0; value < 256; ++value) {
        mpy[offset] = static_cast<std::uint8_t>(value);
        auto image = image::Image::load(mpy);
        if (image.ok() && !image::verify(*image).ok() &&
            image::verify_code(*image, image->root()).ok()) {
            return mpy;
        }
    }
    ADD_FAILURE() << "no byte value makes the verifier refuse outer";
    return mpy;
}

// A function is verified the first time it is called, not when its module loads: the outer
// code runs (its first print happens), and the call of the broken function raises the
// verifier's ValueError before any of its instructions runs. `xipy verify` (image::verify)
// still checks every code at once and refuses the file.
TEST(VmTest, AFunctionIsVerifiedOnItsFirstCall) {
    const std::vector<std::uint8_t> mpy = generators_with_broken_outer();
    auto image = image::Image::load(mpy);
    ASSERT_TRUE(image.ok());
    EXPECT_FALSE(image::verify(*image).ok());

    Output output;
    Vm vm(config_for(output));
    EXPECT_EQ(vm.run_image(mpy), RunStatus::exception);
    EXPECT_EQ(vm.exception_type_name(), "ValueError");
    EXPECT_TRUE(vm.exception_message().starts_with("invalid .mpy: ")) << vm.exception_message();
    EXPECT_NE(vm.exception_message().find(" at outer+"), std::string::npos)
        << vm.exception_message();
    const std::string_view expected = test_programs::generators_stdout;
    EXPECT_EQ(output.standard_output, expected.substr(0, expected.find('\n') + 1));
    EXPECT_TRUE(vm.load_error().empty()) << vm.load_error();
}

TEST(VmTest, OneVmRunsSeveralImages) {
    Output output;
    Vm vm(config_for(output));
    EXPECT_EQ(vm.run_image(bytes(test_programs::arithmetic_mpy)), RunStatus::ok);
    EXPECT_EQ(vm.run_image(bytes(test_programs::uncaught_mpy)), RunStatus::exception);
    EXPECT_EQ(vm.run_image(bytes(test_programs::classes_mpy)), RunStatus::ok);
    EXPECT_EQ(output.standard_output, std::string(test_programs::arithmetic_stdout) +
                                          std::string(test_programs::uncaught_stdout) +
                                          std::string(test_programs::classes_stdout));
}

#ifdef XIPY_OPCODE_COUNTS
// Only builds with the counter have Vm::opcode_counts() (the sanitizer tree of `make test`).
TEST(VmTest, CountsExecutedOpcodes) {
    Output output;
    Vm vm(config_for(output));
    ASSERT_EQ(vm.run_image(bytes(test_programs::arithmetic_mpy)), RunStatus::ok);
    std::array<std::uint64_t, 256> counts = vm.opcode_counts();
    // Every program ends with LOAD_CONST_NONE, RETURN_VALUE (0x51, 0x63).
    EXPECT_GE(counts[0x51], 1u);
    EXPECT_GE(counts[0x63], 1u);
}
#endif

}  // namespace
}  // namespace xipy::vm
