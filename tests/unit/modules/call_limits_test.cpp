// The step budget and the depth limit count Python calls that take the interpreter's fast path.
#include <gtest/gtest.h>

#include <string>

#include "modules/reference_programs.hpp"
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

namespace xipy::vm {
namespace {

void append_output(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

VmConfig limited_config(std::string& output, std::uint32_t max_depth, std::uint64_t max_steps) {
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append_output;
    config.write_stderr = append_output;
    config.output_context = &output;
    config.argv = {"program.mpy"};
    config.max_depth = max_depth;
    config.max_steps = max_steps;
    return config;
}

// recursion.py has no loop, so only its calls (`down(depth + 1)`, one positional argument to
// a one-parameter function: the fast path) can spend the budget before the depth limit.
TEST(CallLimitsTest, FastPathCallsSpendTheStepBudget) {
    std::string output;
    Vm vm(limited_config(output, 1000, 100));
    EXPECT_EQ(vm.run_image(test_programs::recursion_mpy), RunStatus::step_limit);
    EXPECT_EQ(vm.exception_message(), "step budget exhausted");
    EXPECT_EQ(output, "");
}

TEST(CallLimitsTest, FastPathCallsCountTowardsTheDepth) {
    std::string output;
    Vm vm(limited_config(output, 30, 0));
    EXPECT_EQ(vm.run_image(test_programs::recursion_mpy), RunStatus::ok);
    EXPECT_EQ(output, test_programs::recursion_stdout);
    // The frames the RuntimeError unwound left no depth behind: the same VM runs it again.
    output.clear();
    EXPECT_EQ(vm.run_image(test_programs::recursion_mpy), RunStatus::ok);
    EXPECT_EQ(output, test_programs::recursion_stdout);
}

}  // namespace
}  // namespace xipy::vm
