// Python source through the C API: xipy_vm_run_source(), compile errors, exec/eval's memory.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "xipy/xipy.h"

namespace {

void append_output(void* context, const char* data, size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

class SourceTest : public ::testing::Test {
  protected:
    void SetUp() override { create(8 * 1024 * 1024); }
    void TearDown() override { xipy_vm_destroy(vm_); }

    void create(size_t heap_limit) {
        xipy_vm_destroy(vm_);
        xipy_config config;
        xipy_config_init(&config);
        config.heap_limit_bytes = heap_limit;
        config.write_stdout = append_output;
        config.output_context = &output_;
        ASSERT_EQ(xipy_vm_create(&config, &vm_), XIPY_OK);
    }

    xipy_status run(std::string_view source, int kind = XIPY_SOURCE_FILE,
                    const char* name = "<stdin>") {
        return xipy_vm_run_source(vm_, source.data(), source.size(), name, kind);
    }

    size_t live_bytes() {
        xipy_heap_statistics statistics;
        EXPECT_EQ(run("import gc\ngc.collect()"), XIPY_OK);
        EXPECT_EQ(xipy_vm_heap_statistics(vm_, &statistics), XIPY_OK);
        return statistics.bytes_in_use;
    }

    xipy_vm* vm_ = nullptr;
    std::string output_;
};

TEST_F(SourceTest, RunsAModuleInMainsGlobals) {
    ASSERT_EQ(run("x = 6 * 7\nprint(x, __name__, __file__)", XIPY_SOURCE_FILE, "prog.py"),
              XIPY_OK);
    ASSERT_EQ(run("print(x + 1)"), XIPY_OK);
    EXPECT_EQ(output_, "42 __main__ prog.py\n43\n");
}

TEST_F(SourceTest, StatementsPrintTheirValues) {
    ASSERT_EQ(run("1 + 1", XIPY_SOURCE_STATEMENT), XIPY_OK);
    ASSERT_EQ(run("None", XIPY_SOURCE_STATEMENT), XIPY_OK);
    ASSERT_EQ(run("'a' * 3", XIPY_SOURCE_STATEMENT), XIPY_OK);
    ASSERT_EQ(run("_", XIPY_SOURCE_STATEMENT), XIPY_OK);
    EXPECT_EQ(output_, "2\n'aaa'\n'aaa'\n");
}

// The texts are what the reference MicroPython prints for `1 +` and `x = 1\n  y = 2` typed
// at its REPL (a parse error names the file and line and no function).
TEST_F(SourceTest, CompileErrorsAreExceptionsWithTheLine) {
    ASSERT_EQ(run("1 +", XIPY_SOURCE_STATEMENT), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "SyntaxError");
    EXPECT_STREQ(xipy_vm_traceback(vm_),
                 "Traceback (most recent call last):\n  File \"<stdin>\", line 1\n"
                 "SyntaxError: invalid syntax\n");
    ASSERT_EQ(run("x = 1\n  y = 2"), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_traceback(vm_),
                 "Traceback (most recent call last):\n  File \"<stdin>\", line 2\n"
                 "IndentationError: unexpected indent\n");
    EXPECT_EQ(xipy_vm_exit_code(vm_), 1);
}

TEST_F(SourceTest, RejectsBadArguments) {
    EXPECT_EQ(xipy_vm_run_source(nullptr, "1", 1, "<stdin>", XIPY_SOURCE_FILE),
              XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_vm_run_source(vm_, "1", 1, nullptr, XIPY_SOURCE_FILE), XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_vm_run_source(vm_, nullptr, 1, "<stdin>", XIPY_SOURCE_FILE),
              XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_vm_run_source(vm_, "1", 1, "<stdin>", 7),
              XIPY_INVALID_ARGUMENT);
}

// exec and eval of strings, and run sources themselves, give their memory back once nothing
// can run their code again; functions they define keep theirs.
TEST_F(SourceTest, EvalInALoopKeepsNoHeap) {
    ASSERT_EQ(run("for i in range(50):\n    eval('i + 1')\n    exec('y = i')"), XIPY_OK);
    const size_t before = live_bytes();
    ASSERT_EQ(run("for i in range(2000):\n    eval('i * 2')\n    exec('y = [i]')"), XIPY_OK);
    EXPECT_LE(live_bytes(), before + 512);  // 2000 kept images would be ~1 MB
    ASSERT_EQ(run("exec('def f(): return 7')\nprint(f())"), XIPY_OK);
    EXPECT_EQ(output_, "7\n");
}

// The compiled image and the compiler's working memory are bounded by the heap limit: a source
// too big for a small heap fails with MemoryError, and the VM goes on.
TEST_F(SourceTest, CompilingIsBoundedByTheHeap) {
    create(64 * 1024);
    std::string source;
    for (int line = 0; line < 4000; ++line) {
        source += "v" + std::to_string(line) + " = " + std::to_string(line) + "\n";
    }
    ASSERT_EQ(run(source), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm_), "MemoryError");
    ASSERT_EQ(run("print('still here')"), XIPY_OK);
    EXPECT_EQ(output_, "still here\n");
}

}  // namespace
