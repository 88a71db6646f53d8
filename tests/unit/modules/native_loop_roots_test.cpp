// Native loops over a million items keep the root stack small (object/roots.hpp's rule).
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace xipy::vm {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(stream)), {});
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

// tests/programs/native_loops/long_iterables.py runs sum, all, any, min, max, `in`, filter,
// set(), dict() and more over generators of fresh big ints. Before native loops released
// each round's roots, a million items left a million values on the root stack (8 MB outside
// the heap limit); now the stack never grows past a few hundred slots.
// Optimised builds visit a million items; the unoptimised sanitizer build visits 20,000,
// which still needs twenty times the allowed slots if a loop keeps one root per item.
#ifdef NDEBUG
constexpr const char* item_count = "1000000";
#else
constexpr const char* item_count = "20000";
#endif

TEST(NativeLoopRoots, RootStackStaysSmallOverAMillionItems) {
    const char* corpus = std::getenv("XIPY_CORPUS_DIR");
    const char* programs = XIPY_PROGRAMS_DIR;
    ASSERT_NE(corpus, nullptr) << "XIPY_CORPUS_DIR is unset";
    const std::filesystem::path image_path =
        std::filesystem::path(corpus) / "native_loops" / "long_iterables.mpy";
    const std::string image = read_file(image_path);
    ASSERT_FALSE(image.empty()) << image_path << " is missing; run `make corpus`";
    const std::string expected =
        read_file(std::filesystem::path(programs) / "native_loops" / "long_iterables.exp");
    ASSERT_FALSE(expected.empty());

    std::string output;
    VmConfig config;
    config.modules = modules::standard_modules();
    config.heap_limit_bytes = 1024 * 1024;
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    config.argv = {"long_iterables.mpy", item_count};
    Vm vm(config);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(image.data());
    ASSERT_EQ(vm.run_image({bytes, image.size()}), RunStatus::ok) << output;
    EXPECT_EQ(output, expected);
    // The stack starts with 256 reserved slots; a loop that kept one root per item would
    // have grown it past a million.
    EXPECT_LE(vm.heap_statistics().root_stack_capacity, 1024u);
}

}  // namespace
}  // namespace xipy::vm
