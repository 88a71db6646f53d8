// Tests of compile_source(): the whole compiler against bytes mpy-cross 1.29 wrote, and the
// failures a byte comparison cannot show (limits, input kinds, error details).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/compile.hpp"
#include "image/image.hpp"
#include "image/verifier.hpp"
#include "support/counting_source.hpp"
#include "support/scratch_scope.hpp"

namespace {

using namespace xipy::compiler;

// The image as a plain vector, which gtest compares with the references and prints.
std::vector<std::uint8_t> plain(const Vector<std::uint8_t>& image) {
    return {image.begin(), image.end()};
}

// `../shared/micropython/bin/mpy-cross -s small.py small.py` for:
//   x = 1
//   if x:
//       print("hi", 70000)
const std::vector<std::uint8_t> small_reference = {
    0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x10, 0x73, 0x6d, 0x61, 0x6c, 0x6c, 0x2e, 0x70,
    0x79, 0x00, 0x0f, 0x04, 0x68, 0x69, 0x00, 0x02, 0x78, 0x00, 0x81, 0x77, 0x81, 0x48,
    0x10, 0x06, 0x01, 0x23, 0x24, 0x81, 0x16, 0x03, 0x11, 0x03, 0x44, 0x4b, 0x11, 0x04,
    0x10, 0x02, 0x22, 0x84, 0xa2, 0x70, 0x34, 0x02, 0x59, 0x51, 0x63};

std::string nested(const std::string& open, const std::string& middle, const std::string& close,
                   int depth) {
    std::string text = "x = ";
    for (int level = 0; level < depth; ++level) {
        text += open;
    }
    text += middle;
    for (int level = 0; level < depth; ++level) {
        text += close;
    }
    return text + "\n";
}

TEST(CompileSource, WritesMpyCrossBytes) {
    CompileResult result = compile_source("x = 1\nif x:\n    print(\"hi\", 70000)\n", "small.py");
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(plain(result.image()), small_reference);
}

// Inside a VM run (a ScratchScope) the compiler works in the run's scratch memory, which a
// fixed-buffer VM takes from its buffer rather than malloc, and gives every block back; the
// bytes are the same.
TEST(CompileSource, WorksInTheRunsScratchMemory) {
    xipy::support::CountingSource scratch;
    {
        xipy::support::ScratchScope scope(scratch);
        CompileResult result =
            compile_source("x = 1\nif x:\n    print(\"hi\", 70000)\n", "small.py");
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_EQ(result.image().get_allocator().source(), &scratch);
        EXPECT_GT(scratch.live_bytes, 0u);
        EXPECT_EQ(plain(result.image()), small_reference);
    }
    EXPECT_EQ(scratch.live_bytes, 0u);
}

// An integer literal too wide for the target's small ints is a constant object with its
// own line in MicroPython's parser, so the line table moves on when it is loaded; folding it
// (the negation) gives a constant with no line. Bytes from `mpy-cross -s wide.py wide.py` for:
//   x = (y,
//        0x100000001, -0x100000001)
TEST(CompileSource, AWideIntegerLiteralMovesTheLineOn) {
    const std::vector<std::uint8_t> reference = {
        0x4d, 0x06, 0x00, 0x1f, 0x04, 0x02, 0x0e, 0x77, 0x69, 0x64, 0x65, 0x2e, 0x70,
        0x79, 0x00, 0x0f, 0x02, 0x79, 0x00, 0x02, 0x78, 0x00, 0x07, 0x0a, 0x34, 0x32,
        0x39, 0x34, 0x39, 0x36, 0x37, 0x32, 0x39, 0x37, 0x07, 0x0b, 0x2d, 0x34, 0x32,
        0x39, 0x34, 0x39, 0x36, 0x37, 0x32, 0x39, 0x37, 0x81, 0x00, 0x10, 0x04, 0x01,
        0x22, 0x11, 0x02, 0x23, 0x00, 0x23, 0x01, 0x2a, 0x03, 0x16, 0x03, 0x51, 0x63};
    CompileResult result = compile_source("x = (y,\n     0x100000001, -0x100000001)\n", "wide.py");
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(plain(result.image()), reference);
}

TEST(CompileSource, OutputPassesTheVerifier) {
    const char* source =
        "class A:\n"
        "    def f(self, *args, k=1, **kw):\n"
        "        return super().f(*args, **kw)\n"
        "def g(n):\n"
        "    try:\n"
        "        with open(n) as f:\n"
        "            yield from (line for line in f if line)\n"
        "    except OSError as e:\n"
        "        del e\n"
        "    finally:\n"
        "        pass\n"
        "async def h(x):\n"
        "    async for y in x:\n"
        "        await y\n";
    CompileResult result = compile_source(source, "mixed.py");
    ASSERT_TRUE(result.ok()) << result.error().message;
    auto image = xipy::image::Image::load(result.image());
    ASSERT_TRUE(image.ok());
    EXPECT_TRUE(xipy::image::verify(image.value()).ok());
}

// mpy-cross takes any byte from 0x80 up into names and strings; a file with such a name or
// str constant that is not UTF-8 would be refused by the loader, so compiling refuses it at
// its line (found by compile_fuzzer: "ab\xff" compiled to a file xipy could not load).
TEST(CompileSource, NamesAndStringsThatAreNotUtf8AreRefused) {
    for (const char* source :
         {"x = 1\nab\xff\n", "x = 1\ny = 'a\xfe'\n", "x = 1\nz = (1, 'a\xc3')\n"}) {
        CompileResult result = compile_source(source, "bad.py");
        ASSERT_FALSE(result.ok()) << source;
        EXPECT_EQ(result.error().kind, CompileErrorKind::syntax_error);
        EXPECT_EQ(result.error().message, "invalid UTF-8");
        EXPECT_EQ(result.error().line, 2u) << source;
    }
    // Bytes literals, comments and valid UTF-8 names are fine.
    for (const char* source : {"b = b'\xff'\n", "# \xff\nx = 1\n", "caf\xc3\xa9 = 1\n"}) {
        CompileResult result = compile_source(source, "good.py");
        EXPECT_TRUE(result.ok()) << source << ": " << result.error().message;
    }
}

TEST(CompileSource, ReportsTheScopeAndLineOfCompileErrors) {
    CompileResult result = compile_source("def f():\n    return 1\nreturn 5\n", "r.py");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, CompileErrorKind::syntax_error);
    EXPECT_EQ(result.error().message, "'return' outside function");
    EXPECT_EQ(result.error().line, 3u);
    EXPECT_EQ(result.error().scope, "<module>");

    CompileResult inner = compile_source("def f():\n    nonlocal y\n", "n.py");
    ASSERT_FALSE(inner.ok());
    EXPECT_EQ(inner.error().message, "no binding for nonlocal found");
    EXPECT_EQ(inner.error().scope, "f");
}

TEST(CompileSource, ParseErrorsHaveNoScope) {
    CompileResult result = compile_source("x = (\n", "p.py");
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().scope.empty());
}

TEST(CompileSource, DeepNestingFailsCleanly) {
    // Each level is a unary minus of a name, which the parser cannot fold away.
    CompileResult deep = compile_source(nested("-", "y", "", 20000), "deep.py");
    ASSERT_FALSE(deep.ok());
    EXPECT_EQ(deep.error().kind, CompileErrorKind::runtime_error);
    EXPECT_EQ(deep.error().message, "maximum recursion depth exceeded");

    CompileOptions small_stack;
    small_stack.stack_limit = 16 * 1024;
    CompileResult lists = compile_source(nested("[y, ", "y", "]", 2000), "lists.py", small_stack);
    ASSERT_FALSE(lists.ok());
    EXPECT_EQ(lists.error().kind, CompileErrorKind::runtime_error);

    // Well within the limits, even in a sanitizer build's large frames.
    EXPECT_TRUE(compile_source(nested("[y, ", "y", "]", 200), "lists.py").ok());
}

TEST(CompileSource, RespectsTheMemoryLimit) {
    std::string source;
    for (int index = 0; index < 2000; ++index) {
        source += "def f" + std::to_string(index) + "(a, b):\n    return lambda: a + b\n";
    }
    CompileOptions options;
    options.memory_limit = 64 * 1024;
    CompileResult result = compile_source(source, "many.py", options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, CompileErrorKind::memory_error);
}

TEST(CompileSource, CompilesEvalAndSingleInput) {
    CompileOptions eval;
    eval.input = InputKind::eval;
    CompileResult value = compile_source("1 + x", "<string>", eval);
    ASSERT_TRUE(value.ok()) << value.error().message;
    // The code ends by returning the expression's value: no LOAD_CONST_NONE before RETURN.
    ASSERT_GE(value.image().size(), 2u);
    EXPECT_NE(value.image()[value.image().size() - 2], 0x51);

    CompileOptions single;
    single.input = InputKind::single;
    CompileResult statement = compile_source("x + 1\n", "<stdin>", single);
    ASSERT_TRUE(statement.ok()) << statement.error().message;
    const Vector<std::uint8_t>& image = statement.image();
    const std::string bytes(image.begin(), image.end());
    EXPECT_NE(bytes.find("__repl_print__"), std::string::npos);
}

TEST(CompileSource, TooManyCellsFailCleanly) {
    // The prelude holds a cell's local number in one byte; mpy-cross aborts on an assertion.
    std::string source = "def f():\n";
    std::string sum;
    for (int index = 0; index < 300; ++index) {
        source += "    v" + std::to_string(index) + " = 1\n";
        sum += (index == 0 ? "v" : " + v") + std::to_string(index);
    }
    source += "    def g():\n        return " + sum + "\n    return g\n";
    CompileResult result = compile_source(source, "cells.py");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, CompileErrorKind::not_implemented_error);
    EXPECT_EQ(result.error().scope, "f");
}

TEST(CompileSource, RejectsNativeDecoratorsAsMpyCrossDoes) {
    CompileResult result =
        compile_source("import micropython\n@micropython.viper\ndef f():\n    pass\n", "v.py");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().message, "invalid arch");
    EXPECT_EQ(result.error().line, 2u);
}

}  // namespace
