// Runs small reference-compiled programs through vm::Vm and checks what they print.
#include "vm/vm.hpp"
#include "modules/standard_modules.hpp"

#include <gtest/gtest.h>

#include <string>

#include "image/image.hpp"

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
    config.heap_limit_bytes = probe.heap_statistics().bytes_in_use + 256;
    Vm vm(config);
    EXPECT_EQ(vm.run_image(bytes(test_programs::classes_mpy)), RunStatus::exception);
    EXPECT_EQ(vm.exception_type_name(), "MemoryError");
    EXPECT_NE(vm.exception_message().find("not enough memory"), std::string::npos)
        << vm.exception_message();
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
