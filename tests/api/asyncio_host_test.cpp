// The runtime's frozen asyncio through the C API: imported by any VM, and driven a slice at a
// time by a host loop with xipy_vm_asyncio_run_once().
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

class AsyncioHostTest : public ::testing::Test {
  protected:
    void SetUp() override { create(true); }

    void create(bool allow_clock) {
        xipy_vm_destroy(vm_);
        xipy_config config;
        xipy_config_init(&config);
        // The scheduler reads time.ticks_ms(), which is behind the clock grant.
        config.allow_clock = allow_clock ? 1 : 0;
        config.heap_limit_bytes = 8 * 1024 * 1024;
        config.write_stdout = append_output;
        config.write_stderr = append_output;
        config.output_context = &output_;
        ASSERT_EQ(xipy_vm_create(&config, &vm_), XIPY_OK);
    }
    void TearDown() override { xipy_vm_destroy(vm_); }

    xipy_status run(std::string_view source) {
        return xipy_vm_run_source(vm_, source.data(), source.size(), "host.py", XIPY_SOURCE_FILE);
    }

    xipy_vm* vm_ = nullptr;
    std::string output_;
};

TEST_F(AsyncioHostTest, EveryVmImportsTheFrozenModule) {
    ASSERT_EQ(run("import asyncio, uasyncio\n"
                  "async def main():\n"
                  "    await asyncio.sleep_ms(1)\n"
                  "    return 'ran'\n"
                  "print(asyncio.run(main()), uasyncio.run is asyncio.run)\n"
                  "print(asyncio.__file__)"),
              XIPY_OK);
    EXPECT_EQ(output_, "ran True\n.runtime/asyncio.mpy\n");
}

TEST_F(AsyncioHostTest, WithoutTheClockGrantItImportsButCannotSchedule) {
    create(false);
    ASSERT_EQ(run("import asyncio\n"
                  "async def main():\n"
                  "    pass\n"
                  "try:\n"
                  "    asyncio.run(main())\n"
                  "except OSError as error:\n"
                  "    print('OSError', error.args)\n"),
              XIPY_OK);
    EXPECT_EQ(output_, "OSError (1,)\n");
}

TEST_F(AsyncioHostTest, TheHostRunsTheSchedulerOneSliceAtATime) {
    int32_t next_ms = 0;
    ASSERT_EQ(xipy_vm_asyncio_run_once(vm_, &next_ms), XIPY_OK);
    EXPECT_EQ(next_ms, -1);
    ASSERT_EQ(run("import asyncio\n"
                  "async def blink(name, period, times):\n"
                  "    for index in range(times):\n"
                  "        print(name, index)\n"
                  "        await asyncio.sleep_ms(period)\n"
                  "async def spin():\n"
                  "    for index in range(3):\n"
                  "        print('spin', index)\n"
                  "        await asyncio.sleep(0)\n"
                  "asyncio.create_task(blink('led', 20, 2))\n"
                  "asyncio.create_task(spin())\n"),
              XIPY_OK);
    EXPECT_EQ(output_, "");
    // The first slice runs each task once; a task that yields with sleep(0) waits for the next.
    ASSERT_EQ(xipy_vm_asyncio_run_once(vm_, &next_ms), XIPY_OK);
    EXPECT_EQ(output_, "led 0\nspin 0\n");
    EXPECT_EQ(next_ms, 0);
    int slices = 1;
    while (next_ms >= 0 && slices < 1000) {
        std::this_thread::sleep_for(std::chrono::milliseconds(next_ms));
        ASSERT_EQ(xipy_vm_asyncio_run_once(vm_, &next_ms), XIPY_OK);
        ++slices;
    }
    EXPECT_EQ(next_ms, -1);
    EXPECT_EQ(output_, "led 0\nspin 0\nspin 1\nspin 2\nled 1\n");
}

TEST_F(AsyncioHostTest, FailedTasksGoToTheHandlerAndHandlerErrorsToTheHost) {
    ASSERT_EQ(run("import asyncio\n"
                  "def handler(loop, context):\n"
                  "    print('handler', repr(context['exception']))\n"
                  "asyncio.get_event_loop().set_exception_handler(handler)\n"
                  "async def fails():\n"
                  "    raise ValueError('task')\n"
                  "asyncio.create_task(fails())\n"),
              XIPY_OK);
    int32_t next_ms = 0;
    for (int slice = 0; slice < 3; ++slice) {
        ASSERT_EQ(xipy_vm_asyncio_run_once(vm_, &next_ms), XIPY_OK);
    }
    EXPECT_EQ(output_, "handler ValueError('task',)\n");
    ASSERT_EQ(run("async def leaves():\n"
                  "    raise SystemExit(3)\n"
                  "asyncio.create_task(leaves())\n"),
              XIPY_OK);
    EXPECT_EQ(xipy_vm_asyncio_run_once(vm_, &next_ms), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "SystemExit");
    EXPECT_EQ(xipy_vm_asyncio_run_once(nullptr, &next_ms), XIPY_INVALID_ARGUMENT);
}

}  // namespace
