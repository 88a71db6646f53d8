// Threads of a VM's program (_thread) through the C API: the grant, shared state under the VM's
// lock, garbage collection with several threads, and stopping threads by interrupt, step budget
// and destruction. `make tsan` runs it under ThreadSanitizer.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include "xipy/xipy.h"

namespace {

void append_output(void* context, const char* data, size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

class ProgramThreadsTest : public ::testing::Test {
  protected:
    void TearDown() override { xipy_vm_destroy(vm_); }

    void create(bool allow_threads, uint64_t max_steps = 0) {
        xipy_config config;
        xipy_config_init(&config);
        config.write_stdout = append_output;
        config.write_stderr = append_output;
        config.output_context = &output_;
        config.allow_clock = 1;
        config.allow_threads = allow_threads ? 1 : 0;
        config.max_steps = max_steps;
        ASSERT_EQ(xipy_vm_create(&config, &vm_), XIPY_OK);
    }

    xipy_status run(std::string_view source) {
        return xipy_vm_run_source(vm_, source.data(), source.size(), "prog.py", XIPY_SOURCE_FILE);
    }

    xipy_vm* vm_ = nullptr;
    std::string output_;
};

// Starts `count` threads running `body(index)` and waits for them all (with the lock `done`).
constexpr std::string_view start_and_wait = R"(
import _thread, time
finished = 0
done = _thread.allocate_lock()
def start(body, count):
    global finished
    finished = 0
    def wrapper(index):
        global finished
        body(index)
        with done:
            finished += 1
    for index in range(count):
        _thread.start_new_thread(wrapper, (index,))
    while finished < count:
        time.sleep(0)
)";

TEST_F(ProgramThreadsTest, AreDeniedWithoutTheGrant) {
    create(false);
    ASSERT_EQ(run("import _thread\nprint(_thread.get_ident())\n"
                  "_thread.start_new_thread(print, ())"),
              XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "OSError");
    EXPECT_STREQ(xipy_vm_exception_message(vm_), "[Errno 1] EPERM");
    EXPECT_EQ(output_, "1\n");
}

TEST_F(ProgramThreadsTest, ShareTheVmUnderItsLock) {
    create(true);
    ASSERT_EQ(run(start_and_wait), XIPY_OK);
    // Unlocked read-modify-write of shared containers: exact, since the threads take turns.
    ASSERT_EQ(run("items = []\ncounts = {}\n"
                  "def body(index):\n"
                  "    for n in range(500):\n"
                  "        items.append(n)\n"
                  "        counts[n % 7] = counts.get(n % 7, 0) + 1\n"
                  "start(body, 6)\n"
                  "print(len(items), sum(counts.values()), len(set(items)))"),
              XIPY_OK);
    EXPECT_EQ(output_, "3000 3000 500\n");
}

TEST_F(ProgramThreadsTest, CollectGarbageWithEveryThreadsRoots) {
    create(true);
    ASSERT_EQ(run(start_and_wait), XIPY_OK);
    ASSERT_EQ(run("import gc\nresults = [None] * 4\n"
                  "def body(index):\n"
                  "    kept = [str(n) * 3 for n in range(200)]\n"
                  "    for n in range(50):\n"
                  "        garbage = [bytearray(64) for _ in range(20)]\n"
                  "        if n % 10 == 0:\n"
                  "            gc.collect()\n"
                  "        time.sleep(0)\n"
                  "    results[index] = sum(len(text) for text in kept)\n"
                  "start(body, 4)\n"
                  "print(results)"),
              XIPY_OK);
    EXPECT_EQ(output_, "[1470, 1470, 1470, 1470]\n");
}

TEST_F(ProgramThreadsTest, StopWhenTheVmIsDestroyed) {
    create(true);
    // A thread spinning, one blocked on a lock and one asleep, left running after the run.
    ASSERT_EQ(run("import _thread, time\nlock = _thread.allocate_lock()\nlock.acquire()\n"
                  "def spin():\n"
                  "    try:\n"
                  "        while True:\n"
                  "            pass\n"
                  "    finally:\n"
                  "        print('no finally runs')\n"
                  "_thread.start_new_thread(spin, ())\n"
                  "_thread.start_new_thread(lock.acquire, ())\n"
                  "_thread.start_new_thread(time.sleep, (100,))\n"
                  "time.sleep(0.01)\nprint('started')"),
              XIPY_OK);
    const auto start = std::chrono::steady_clock::now();
    xipy_vm_destroy(vm_);
    vm_ = nullptr;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_EQ(output_, "started\n");
}

TEST_F(ProgramThreadsTest, AnInterruptStopsEveryThread) {
    create(true);
    std::thread interrupter([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        xipy_vm_interrupt(vm_);
    });
    const xipy_status status = run(
        "import _thread\n"
        "def spin():\n"
        "    while True:\n"
        "        pass\n"
        "for _ in range(3):\n"
        "    _thread.start_new_thread(spin, ())\n"
        "while True:\n"
        "    pass\n");
    interrupter.join();
    ASSERT_EQ(status, XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "KeyboardInterrupt");
    // The threads are gone: the next run has the VM to itself.
    output_.clear();
    ASSERT_EQ(run("print('after')"), XIPY_OK);
    EXPECT_EQ(output_, "after\n");
}

TEST_F(ProgramThreadsTest, TheStepBudgetCountsEveryThread) {
    create(true, 200000);
    ASSERT_EQ(run("import _thread\n"
                  "def spin():\n"
                  "    while True:\n"
                  "        pass\n"
                  "_thread.start_new_thread(spin, ())\n"
                  "while True:\n"
                  "    pass\n"),
              XIPY_STEP_LIMIT);
}

TEST_F(ProgramThreadsTest, UnhandledExceptionsArePrintedAsTheReferenceDoes) {
    create(true);
    ASSERT_EQ(run("import _thread, time\n"
                  "def fail():\n"
                  "    raise ValueError('bad')\n"
                  "_thread.start_new_thread(fail, ())\n"
                  "_thread.start_new_thread(_thread.exit, ())\n"
                  "time.sleep(0.05)\n"),
              XIPY_OK);
    EXPECT_EQ(output_.rfind("Unhandled exception in thread started by <function fail at 0x", 0),
              0u);
    EXPECT_NE(output_.find("\nTraceback (most recent call last):\n  File \"prog.py\", line 3, "
                           "in fail\nValueError: bad\n"),
              std::string::npos);
}

}  // namespace
