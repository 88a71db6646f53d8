// Long native operations stop at the step budget; --latency prints how soon after an interrupt.
//
// The operations (big ints, strings, sort, re, json, struct, bytes) are programs/native_work.py's
// functions; with --latency each runs without a budget and another thread interrupts it.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "xipy/xipy.h"

namespace {

// XIPY_API_MPY_DIR comes from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> program() {
    std::ifstream file(std::string(XIPY_API_MPY_DIR) + "/native_work.mpy", std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open native_work.mpy";
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

// One operation of programs/native_work.py: `small` finishes within the test's budget, `large`
// needs far more than it, and `long_running` keeps the operation busy for a second or more
// without a budget (for the latency figures).
struct Operation {
    const char* name;
    std::uint64_t small;
    std::uint64_t large;
    std::uint64_t long_running;
};

constexpr Operation operations[] = {
    {"power", 1000, 1000000, 3000000},
    {"int_to_str", 1000, 1000000, 300000},
    {"str_to_int", 1000, 1000000, 1000000},
    {"hexadecimal", 1000, 1000000, 300000},
    {"division", 100, 10000, 40000},
    {"shift", 1000, 20000000, 50000000},
    // Fewer loop trips than the budget (so it finished when small products were free), each
    // worth about 60 steps of work.
    {"medium_products", 100, 50000, 2000000},
    {"repeat_str", 1, 100, 100000},
    {"repeat_bytes", 1, 100, 100000},
    {"repeat_list", 1, 100, 100000},
    {"grow_bytearray", 1, 1000, 10000},
    {"make_bytes", 1, 100, 100000},
    {"sort", 1000, 200000, 2000000},
    {"replace", 1, 100, 100000},
    {"join", 1, 100, 100000},
    {"split", 1, 100, 100000},
    {"find", 1, 100, 100000},
    {"percent_format", 1, 100, 100000},
    {"regex", 50, 400, 800},
    {"regex_sub", 1, 100, 2000},
    {"json_dumps", 1000, 1000000, 5000000},
    {"json_loads", 1, 100, 100000},
    {"struct_pack", 1, 100, 100000},
};

// Small enough that every large input needs more, large enough for every small one and for
// loading the program.
constexpr std::uint64_t test_budget = 100000;
constexpr std::size_t heap_limit = std::size_t{256} << 20;

// A VM that runs operation `name` on `n`, its output in `output`; the caller destroys it.
xipy_vm* make_vm(const char* name, const std::string& count, std::uint64_t max_steps,
                 std::string& output) {
    // xipy_vm_create copies sys.argv, so the array may go when it returns.
    const char* arguments[] = {"native_work.py", name, count.c_str()};
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    config.max_steps = max_steps;
    config.heap_limit_bytes = heap_limit;
    config.argument_count = 3;
    config.argument_values = arguments;
    xipy_vm* vm = nullptr;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    return vm;
}

xipy_status run_operation(const char* name, std::uint64_t n, std::uint64_t max_steps,
                          std::string& output) {
    const std::vector<std::uint8_t> image = program();
    xipy_vm* vm = make_vm(name, std::to_string(n), max_steps, output);
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    const xipy_status status = xipy_vm_run_mpy(vm, image.data(), image.size());
    xipy_vm_destroy(vm);
    return status;
}

class NativeWork : public testing::TestWithParam<Operation> {};

TEST_P(NativeWork, SmallInputFinishes) {
    const Operation& operation = GetParam();
    std::string output;
    EXPECT_EQ(run_operation(operation.name, operation.small, test_budget, output), XIPY_OK)
        << output;
}

TEST_P(NativeWork, LargeInputStopsAtTheStepBudget) {
    const Operation& operation = GetParam();
    std::string output;
    EXPECT_EQ(run_operation(operation.name, operation.large, test_budget, output),
              XIPY_STEP_LIMIT)
        << output;
}

INSTANTIATE_TEST_SUITE_P(Operations, NativeWork, testing::ValuesIn(operations),
                         [](const testing::TestParamInfo<Operation>& info) {
                             return std::string(info.param.name);
                         });

// Starts each long-running operation, interrupts it from this thread after `delay`, and prints
// how long it took to stop. Measured, not asserted: the machine may be busy.
int measure_latency() {
    using Clock = std::chrono::steady_clock;
    const std::vector<std::uint8_t> image = program();
    const auto delay = std::chrono::milliseconds(200);
    std::printf("%-16s %12s %10s  %s\n", "operation", "n", "stop (ms)", "outcome");
    for (const Operation& operation : operations) {
        std::string output;
        xipy_vm* vm =
            make_vm(operation.name, std::to_string(operation.long_running), 0, output);
        if (vm == nullptr) {
            return 1;
        }
        std::atomic<std::int64_t> stopped_at{0};
        xipy_status status = XIPY_OK;
        std::thread runner([&] {
            status = xipy_vm_run_mpy(vm, image.data(), image.size());
            stopped_at = Clock::now().time_since_epoch().count();
        });
        std::this_thread::sleep_for(delay);
        const Clock::time_point interrupted = Clock::now();
        const bool still_running = stopped_at.load() == 0;
        xipy_vm_interrupt(vm);
        runner.join();
        const std::string exception_type =
            status == XIPY_EXCEPTION ? xipy_vm_exception_type(vm) : "";
        xipy_vm_destroy(vm);
        const double milliseconds =
            std::chrono::duration<double, std::milli>(
                Clock::time_point(Clock::duration(stopped_at.load())) - interrupted)
                .count();
        std::printf("%-16s %12llu %10.3f  %s\n", operation.name,
                    static_cast<unsigned long long>(operation.long_running), milliseconds,
                    !still_running          ? "finished before the interrupt"
                    : exception_type.empty() ? xipy_status_name(status)
                                             : exception_type.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--latency") == 0) {
        return measure_latency();
    }
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
