// Host limits through the C API: verifier rejection, step budget, interrupts, deep nesting.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "xipy/xipy.h"

namespace {

// XIPY_API_MPY_DIR, XIPY_API_EXPECTED_DIR and XIPY_REGRESSIONS_DIR come from
// tests/api/CMakeLists.txt.
std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> program(const std::string& name) {
    return read_bytes(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy");
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

// A VM whose stdout and stderr both go to `output`; the caller destroys it.
xipy_vm* make_vm(std::string& output, std::uint64_t max_steps = 0) {
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    config.max_steps = max_steps;
    xipy_vm* vm = nullptr;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    return vm;
}

// mpy-cross 1.19's output for
//     try:
//         x = 1
//     finally:
//         pass
//     print("end")
// with one byte changed, as the comments at each copy say. Offset 0x20 holds SETUP_FINALLY,
// 0x21 its jump offset, 0x25 the LOAD_CONST_NONE the finally handler's END_FINALLY reads.
constexpr std::uint8_t try_finally_mpy[] = {
    0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x10, 0x66, 0x6f, 0x72, 0x67, 0x65, 0x2e, 0x70, 0x79, 0x00,
    0x0f, 0x81, 0x1d, 0x02, 0x78, 0x00, 0x81, 0x77, 0x81, 0x30, 0x1c, 0x08, 0x01, 0x22, 0x44, 0x21,
    0x49, 0x04, 0x81, 0x16, 0x03, 0x51, 0x5d, 0x11, 0x04, 0x10, 0x02, 0x34, 0x01, 0x59, 0x51, 0x63,
};

std::vector<std::uint8_t> try_finally_with(std::size_t offset, std::uint8_t value) {
    std::vector<std::uint8_t> bytes(std::begin(try_finally_mpy), std::end(try_finally_mpy));
    bytes[offset] = value;
    return bytes;
}

TEST(Limits, UnchangedTryFinallyRuns) {
    std::string output;
    xipy_vm* vm = make_vm(output);
    EXPECT_EQ(xipy_vm_run_mpy(vm, try_finally_mpy, sizeof try_finally_mpy), XIPY_OK);
    EXPECT_EQ(output, "end\n");
    xipy_vm_destroy(vm);
}

TEST(Limits, VerifierRejectionIsABadImageAndNothingRuns) {
    // SETUP_FINALLY's offset 4 -> 2: its handler lands inside STORE_NAME's operand.
    const auto bytes = try_finally_with(0x21, 0x02);
    std::string output;
    xipy_vm* vm = make_vm(output);
    EXPECT_EQ(xipy_vm_run_mpy(vm, bytes.data(), bytes.size()), XIPY_BAD_IMAGE);
    EXPECT_STREQ(xipy_vm_load_error(vm),
                 "invalid .mpy: jump to 0x4 is not an instruction start at <module>+0");
    EXPECT_EQ(xipy_vm_exit_code(vm), 2);
    EXPECT_EQ(output, "");
    xipy_vm_destroy(vm);
}

TEST(Limits, ForgedUnwindMarkersAreNotTrusted) {
    // LOAD_CONST_NONE -> the small ints -1 (once the "return" marker) and 0 (once a jump with
    // its target read from below the stack). The verifier accepts both (the stack depth is
    // the same); END_FINALLY must treat them as values, and raising a non-exception is a
    // TypeError.
    for (std::uint8_t forged : {std::uint8_t{0x7f}, std::uint8_t{0x80}}) {
        const auto bytes = try_finally_with(0x25, forged);
        std::string output;
        xipy_vm* vm = make_vm(output);
        EXPECT_EQ(xipy_vm_run_mpy(vm, bytes.data(), bytes.size()), XIPY_EXCEPTION);
        EXPECT_STREQ(xipy_vm_exception_type(vm), "TypeError");
        EXPECT_STREQ(xipy_vm_exception_message(vm), "exceptions must derive from BaseException");
        xipy_vm_destroy(vm);
    }
}

TEST(Limits, StepBudgetStopsAnEndlessLoopUncatchably) {
    const auto image = program("endless_loop");
    std::string output;
    xipy_vm* vm = make_vm(output, 100000);
    EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_STEP_LIMIT);
    EXPECT_STREQ(xipy_status_name(XIPY_STEP_LIMIT), "STEP_LIMIT");
    EXPECT_STREQ(xipy_vm_exception_type(vm), "RuntimeError");
    EXPECT_STREQ(xipy_vm_exception_message(vm), "step budget exhausted");
    EXPECT_EQ(xipy_vm_exit_code(vm), 3);
    // Neither the except nor the finally body ran.
    EXPECT_EQ(output, "");
    // The budget is per run: the next run gets it whole again.
    EXPECT_EQ(xipy_vm_run_mpy(vm, try_finally_mpy, sizeof try_finally_mpy), XIPY_OK);
    EXPECT_EQ(output, "end\n");
    xipy_vm_destroy(vm);
}

TEST(Limits, InterruptFromAnotherThreadRaisesKeyboardInterrupt) {
    const auto image = program("endless_loop");
    std::string output;
    xipy_vm* vm = make_vm(output);
    std::atomic<bool> finished{false};
    std::thread interrupter([&] {
        // Keep interrupting until the run ends: the first may land before the loop starts.
        while (!finished.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            xipy_vm_interrupt(vm);
        }
    });
    const xipy_status status = xipy_vm_run_mpy(vm, image.data(), image.size());
    finished.store(true);
    interrupter.join();
    EXPECT_EQ(status, XIPY_OK);
    EXPECT_EQ(output, "caught KeyboardInterrupt\nfinally\n");
    xipy_vm_destroy(vm);
}

TEST(Limits, PendingInterruptStopsTheNextRun) {
    // No handler here: the interrupt is the program's uncaught exception.
    const auto image = program("exhaust_heap_uncaught");
    std::string output;
    xipy_vm* vm = make_vm(output);
    xipy_vm_interrupt(vm);
    xipy_vm_interrupt(nullptr);  // ignored
    EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "KeyboardInterrupt");
    xipy_vm_destroy(vm);
}

TEST(Limits, DeepNestingInBuiltinsRaisesRuntimeError) {
    const auto image = program("nested_containers");
    std::string output;
    xipy_vm* vm = make_vm(output);
    EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_OK) << output;
    const auto expected = read_bytes(std::string(XIPY_API_EXPECTED_DIR) + "/nested_containers.exp");
    EXPECT_EQ(output, std::string(expected.begin(), expected.end()));
    xipy_vm_destroy(vm);
}

TEST(Limits, HostAccessIsDeniedByDefault) {
    xipy_config config;
    xipy_config_init(&config);
    EXPECT_EQ(config.filesystem_root, nullptr);
    EXPECT_EQ(config.allow_clock, 0);
    EXPECT_EQ(config.allow_environment, 0);
    EXPECT_EQ(config.allow_filesystem_write, 0);
    EXPECT_EQ(config.read_stdin, nullptr);
    EXPECT_EQ(config.max_steps, 0u);
}

int read_letter(void* context) {
    auto* remaining = static_cast<std::string*>(context);
    if (remaining->empty()) {
        return -1;
    }
    const auto byte = static_cast<unsigned char>(remaining->front());
    remaining->erase(0, 1);
    return byte;
}

// Each grant opens its own service and nothing else: the grants program tries them all.
TEST(Limits, EachGrantOpensOnlyItsService) {
    const auto image = program("grants");
    const std::string denied[] = {"environment OSError 1\n", "clock OSError 1\n",
                                  "ticks OSError 1\n", "stdin EOFError\n",
                                  "filesystem OSError 1\n"};
    const std::string granted[] = {"environment ok\n", "clock ok\n", "ticks ok\n",
                                   "stdin ok\n", "filesystem ok\n"};
    const std::string root = std::filesystem::temp_directory_path().string();
    // -1: nothing granted; otherwise the index of the one grant given (ticks go with clock).
    for (int given = -1; given < 5; ++given) {
        std::string output;
        std::string input = "line\n";
        xipy_config config;
        xipy_config_init(&config);
        config.write_stdout = append;
        config.write_stderr = append;
        config.output_context = &output;
        config.allow_environment = given == 0;
        config.allow_clock = given == 1 || given == 2;
        if (given == 3) {
            config.read_stdin = read_letter;
            config.stdin_context = &input;
        }
        if (given == 4) {
            config.filesystem_root = root.c_str();
        }
        xipy_vm* vm = nullptr;
        ASSERT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
        EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_OK) << output;
        std::string expected;
        for (int service = 0; service < 5; ++service) {
            const bool clock = (given == 1 || given == 2) && (service == 1 || service == 2);
            const bool open = service == given || clock;
            expected += open ? granted[service] : denied[service];
        }
        EXPECT_EQ(output, expected) << "grant " << given;
        xipy_vm_destroy(vm);
    }
}

// A host whose stdin read is cut short by an interrupt (xipy run's Ctrl-C) answers "end": the
// program then sees the KeyboardInterrupt, not an EOFError it might catch.
int interrupted_read(void* context) {
    xipy_vm_interrupt(*static_cast<xipy_vm**>(context));
    return -1;
}

// Runs `name` on a VM whose every stdin read is interrupted; returns the run's status, the
// exception type (if any) and everything the program wrote.
struct InterruptedRun {
    xipy_status status = XIPY_OK;
    std::string exception_type;
    std::string output;
};

InterruptedRun run_with_interrupted_stdin(const std::string& name) {
    const auto image = program(name);
    InterruptedRun run;
    xipy_vm* vm = nullptr;
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &run.output;
    config.read_stdin = interrupted_read;
    config.stdin_context = &vm;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    if (vm == nullptr) {
        return run;
    }
    run.status = xipy_vm_run_mpy(vm, image.data(), image.size());
    run.exception_type = xipy_vm_exception_type(vm);
    xipy_vm_destroy(vm);
    return run;
}

TEST(Limits, InterruptedStdinReadRaisesKeyboardInterrupt) {
    const InterruptedRun run = run_with_interrupted_stdin("grants");
    EXPECT_EQ(run.status, XIPY_EXCEPTION) << run.output;
    EXPECT_EQ(run.exception_type, "KeyboardInterrupt");
}

// sys.stdin's read methods, like input(), see the interrupt that ended the host's read: a
// read that ended early used to return what it had, and the interrupt stayed pending.
TEST(Limits, InterruptedStdinMethodsRaiseKeyboardInterrupt) {
    const InterruptedRun run = run_with_interrupted_stdin("stdin_methods");
    EXPECT_EQ(run.status, XIPY_OK) << run.output;
    EXPECT_EQ(run.output, "read interrupted\nreadline interrupted\nbuffer.read interrupted\n");
}

TEST(Limits, RegressionInputsEndInAStatus) {
    // Every file once crashed xipy; now each must end in a status under small limits.
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(XIPY_REGRESSIONS_DIR)) {
        if (entry.path().extension() != ".mpy") {
            continue;
        }
        ++count;
        const auto bytes = read_bytes(entry.path().string());
        std::string output;
        xipy_config config;
        xipy_config_init(&config);
        config.write_stdout = append;
        config.write_stderr = append;
        config.output_context = &output;
        config.heap_limit_bytes = 1024 * 1024;
        config.max_depth = 100;
        config.max_steps = 200000;
        xipy_vm* vm = nullptr;
        ASSERT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
        const xipy_status status = xipy_vm_run_mpy(vm, bytes.data(), bytes.size());
        EXPECT_TRUE(status == XIPY_OK || status == XIPY_EXCEPTION || status == XIPY_BAD_IMAGE ||
                    status == XIPY_STEP_LIMIT)
            << entry.path();
        xipy_vm_destroy(vm);
    }
    EXPECT_GT(count, 0u) << "no regression inputs in " << XIPY_REGRESSIONS_DIR;
}

}  // namespace
