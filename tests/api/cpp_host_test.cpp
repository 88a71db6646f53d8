// The C++ wrapper xipy.hpp tested from a C++ host: isolation, threads, limits, moves.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "xipy/xipy.hpp"

namespace {

// XIPY_API_MPY_DIR and XIPY_API_EXPECTED_DIR come from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> program(const std::string& name) {
    return read_bytes(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy");
}

std::string expected(const std::string& name) {
    const auto bytes = read_bytes(std::string(XIPY_API_EXPECTED_DIR) + "/" + name);
    return std::string(bytes.begin(), bytes.end());
}

// A Vm whose stdout and stderr are appended to `output`.
xipy::Vm capturing_vm(std::string& output, std::vector<std::string> argv,
                      xipy::VmOptions options = {}) {
    options.argv = std::move(argv);
    options.on_stdout = [&output](std::string_view text) { output.append(text); };
    options.on_stderr = [&output](std::string_view text) { output.append(text); };
    return xipy::Vm(std::move(options));
}

TEST(CppHost, TwoVmsKeepTheirOwnStateAndOutput) {
    const auto image = program("identity");
    std::string alpha_output;
    std::string beta_output;
    xipy::Vm alpha = capturing_vm(alpha_output, {"identity.py", "alpha"});
    xipy::Vm beta = capturing_vm(beta_output, {"identity.py", "beta"});
    ASSERT_TRUE(alpha.valid());
    ASSERT_TRUE(beta.valid());
    EXPECT_TRUE(alpha.run(image).ok());
    EXPECT_TRUE(beta.run(image).ok());
    EXPECT_EQ(alpha_output, expected("identity.alpha.exp"));
    EXPECT_EQ(beta_output, expected("identity.beta.exp"));
}

TEST(CppHost, VmsOnTwoThreadsRunConcurrently) {
    const auto image = program("busy");
    std::string outputs[2];
    int successes[2] = {0, 0};
    const char* labels[2] = {"left", "right"};
    std::vector<std::thread> threads;
    for (int index = 0; index < 2; ++index) {
        threads.emplace_back([&, index] {
            for (int run = 0; run < 4; ++run) {
                std::string output;
                xipy::Vm vm = capturing_vm(output, {"busy.py", labels[index]});
                successes[index] += vm.run(image).ok() ? 1 : 0;
                outputs[index] = output;
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(successes[0], 4);
    EXPECT_EQ(successes[1], 4);
    EXPECT_EQ(outputs[0], expected("busy.left.exp"));
    EXPECT_EQ(outputs[1], expected("busy.right.exp"));
}

TEST(CppHost, HeapLimitRaisesMemoryErrorInPython) {
    xipy::VmOptions options;
    options.heap_limit_bytes = 512 * 1024;
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"exhaust_heap.py"}, options);
    const auto result = vm.run(program("exhaust_heap"));
    EXPECT_EQ(result.status, XIPY_OK) << result.traceback;
    EXPECT_EQ(output, expected("exhaust_heap.exp"));
}

TEST(CppHost, UncaughtMemoryErrorReturnsControlToTheHost) {
    xipy::VmOptions options;
    options.heap_limit_bytes = 256 * 1024;
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"exhaust_heap_uncaught.py"}, options);
    const auto result = vm.run(program("exhaust_heap_uncaught"));
    EXPECT_EQ(result.status, XIPY_EXCEPTION);
    EXPECT_EQ(result.exception_type, "MemoryError");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(output, "");
}

TEST(CppHost, DeepRecursionRaisesRuntimeError) {
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"recursion.py"});
    const auto caught = vm.run(program("recursion"));
    EXPECT_EQ(caught.status, XIPY_OK) << caught.traceback;
    EXPECT_EQ(output, expected("recursion.exp"));

    xipy::VmOptions shallow;
    shallow.max_depth = 50;
    std::string uncaught_output;
    xipy::Vm limited = capturing_vm(uncaught_output, {"recursion_uncaught.py"}, shallow);
    const auto uncaught = limited.run(program("recursion_uncaught"));
    EXPECT_EQ(uncaught.status, XIPY_EXCEPTION);
    EXPECT_EQ(uncaught.exception_type, "RuntimeError");
    EXPECT_EQ(uncaught.exception_message, "maximum recursion depth exceeded");
    EXPECT_NE(uncaught.traceback.find("RuntimeError: maximum recursion depth exceeded\n"),
              std::string::npos);
}

TEST(CppHost, TracebackMatchesTheReference) {
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"raising.py"});
    const auto result = vm.run(program("raising"));
    EXPECT_EQ(result.status, XIPY_EXCEPTION);
    EXPECT_EQ(result.traceback, expected("raising.err"));
    EXPECT_EQ(result.exit_report, result.traceback);
    EXPECT_EQ(output, expected("raising.exp"));
}

TEST(CppHost, MovedVmKeepsRunningAndMovedFromVmRefuses) {
    std::string output;
    xipy::Vm original = capturing_vm(output, {"greeting.py"});
    xipy::Vm moved = std::move(original);
    EXPECT_FALSE(original.valid());  // NOLINT(bugprone-use-after-move): checked on purpose
    EXPECT_EQ(original.run(program("greeting")).status, XIPY_INVALID_ARGUMENT);
    xipy::Vm assigned;
    assigned = std::move(moved);
    EXPECT_TRUE(assigned.run(program("greeting")).ok());
    EXPECT_EQ(output, expected("greeting.exp"));
}

TEST(CppHost, BadImageIsReportedNotRun) {
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"bad.mpy"});
    const std::vector<std::uint8_t> not_an_image = {'C', 'A', 'F', 'E'};
    const auto result = vm.run(not_an_image);
    EXPECT_EQ(result.status, XIPY_BAD_IMAGE);
    EXPECT_FALSE(result.load_error.empty());
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(output, "");
}

TEST(CppHost, StepBudgetEndsTheRunWithStepLimit) {
    xipy::VmOptions options;
    options.max_steps = 100000;
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"endless_loop.py"}, options);
    // The images stay alive as long as the VM: its interned names keep pointing into them.
    const auto endless_loop = program("endless_loop");
    const auto result = vm.run(endless_loop);
    EXPECT_TRUE(result.step_limit());
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.status, XIPY_STEP_LIMIT);
    EXPECT_EQ(result.exception_type, "RuntimeError");
    EXPECT_EQ(result.exception_message, "step budget exhausted");
    EXPECT_EQ(result.exit_code, 3);
    // Neither the except nor the finally body ran.
    EXPECT_EQ(output, "");
    // The budget is per run and leaves programs that stay within it alone.
    EXPECT_TRUE(vm.run(program("greeting")).ok());
    EXPECT_EQ(output, expected("greeting.exp"));
}

TEST(CppHost, DefaultOptionsHaveNoStepBudget) {
    EXPECT_EQ(xipy::VmOptions{}.max_steps, 0u);
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"busy.py", "left"});
    const auto result = vm.run(program("busy"));
    EXPECT_TRUE(result.ok()) << result.traceback;
    EXPECT_FALSE(result.step_limit());
}

TEST(CppHost, InterruptFromAnotherThreadRaisesKeyboardInterrupt) {
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"endless_loop.py"});
    std::atomic<bool> finished{false};
    std::thread interrupter([&] {
        // Keep interrupting until the run ends: the first may land before the loop starts.
        while (!finished.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            vm.interrupt();
        }
    });
    const auto result = vm.run(program("endless_loop"));
    finished.store(true);
    interrupter.join();
    EXPECT_TRUE(result.ok()) << result.traceback;
    EXPECT_EQ(output, "caught KeyboardInterrupt\nfinally\n");
}

TEST(CppHost, PendingInterruptStopsTheNextRunAndInvalidVmIgnoresIt) {
    std::string output;
    xipy::Vm vm = capturing_vm(output, {"exhaust_heap_uncaught.py"});
    vm.interrupt();
    // The images stay alive as long as the VM: its interned names keep pointing into them.
    const auto exhaust_heap = program("exhaust_heap_uncaught");
    const auto result = vm.run(exhaust_heap);
    EXPECT_EQ(result.status, XIPY_EXCEPTION);
    EXPECT_EQ(result.exception_type, "KeyboardInterrupt");
    xipy::Vm moved = std::move(vm);
    vm.interrupt();  // NOLINT(bugprone-use-after-move): a moved-from Vm ignores it
    EXPECT_TRUE(moved.run(program("greeting")).ok());
}

TEST(CppHost, InvalidOptionsLeaveNoVm) {
    xipy::VmOptions options;
    options.max_depth = 0;
    xipy::Vm vm(options);
    EXPECT_FALSE(vm.valid());
    EXPECT_EQ(vm.creation_status(), XIPY_INVALID_ARGUMENT);
}

}  // namespace
