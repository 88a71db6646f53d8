// Runs the struct/re/binascii/hashlib/random corpus programs collecting before every allocation.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

namespace xipy::vm {
namespace {

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(stream)), {});
}

// The module programs hold values in native code across allocations (match objects handed
// to sub's callable, unpack's half-filled tuple...); collecting at every allocation turns a
// missing root into a wrong answer or an ASan report.
TEST(GcStressTest, ProgramsSurviveCollectionAtEveryAllocation) {
    const char* corpus = std::getenv("XIPY_CORPUS_DIR");
    ASSERT_NE(corpus, nullptr) << "XIPY_CORPUS_DIR is unset";
    std::filesystem::path programs =
        std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "programs";
    std::size_t ran = 0;
    for (const char* area :
         {"module_struct", "module_re", "module_binascii", "module_hashlib", "module_random"}) {
        std::filesystem::path directory = std::filesystem::path(corpus) / area;
        ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory;
        for (const auto& entry : std::filesystem::directory_iterator(directory)) {
            if (entry.path().extension() != ".mpy") {
                continue;
            }
            std::string image = read_file(entry.path());
            std::filesystem::path expected_path =
                programs / area / entry.path().stem().concat(".exp");
            ASSERT_TRUE(std::filesystem::exists(expected_path)) << expected_path;
            std::string output;
            VmConfig config;
            config.modules = modules::standard_modules();
            config.write_stdout = append;
            config.write_stderr = append;
            config.output_context = &output;
            config.collect_on_every_allocation = true;
            Vm vm(config);
            RunStatus status = vm.run_image(std::span<const std::uint8_t>(
                reinterpret_cast<const std::uint8_t*>(image.data()), image.size()));
            // A program with a .err ends with an uncaught exception; its traceback is the
            // host's to print, so the output is still just the .exp.
            std::filesystem::path error_path = expected_path;
            error_path.replace_extension(".err");
            const bool ends_raising = std::filesystem::exists(error_path);
            EXPECT_EQ(status, ends_raising ? RunStatus::exception : RunStatus::ok)
                << entry.path() << ": " << vm.traceback_text();
            EXPECT_EQ(output, read_file(expected_path)) << entry.path();
            ++ran;
        }
    }
    EXPECT_GE(ran, 15u);
}

}  // namespace
}  // namespace xipy::vm
