// Runs every compiled corpus program and, where opcodes are counted, checks that together they
// execute every opcode.
//
// Every build runs the programs (so both dispatch schemes run the whole corpus). Only builds
// with the CMake option XIPY_OPCODE_COUNTS (the sanitizer tree of `make test`) have the
// counter, so only they compile the coverage test, rather than a test that passes there
// without checking.
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "image/opcodes.hpp"

namespace xipy::vm {
namespace {

std::vector<std::filesystem::path> corpus_files() {
    const char* directory = std::getenv("XIPY_CORPUS_DIR");
    std::vector<std::filesystem::path> files;
    if (directory == nullptr || !std::filesystem::is_directory(directory)) {
        return files;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (entry.path().extension() == ".mpy") {
            files.push_back(entry.path());
        }
    }
    return files;
}

void discard(void*, const char*, std::size_t) {}

// Runs every corpus program on a fresh VM; none may be rejected as a bad image. With the
// counter, returns how often each opcode byte ran over all of them.
std::array<std::uint64_t, 256> run_every_program() {
    std::vector<std::filesystem::path> files = corpus_files();
    EXPECT_FALSE(files.empty()) << "XIPY_CORPUS_DIR is unset or holds no .mpy files";
    std::array<std::uint64_t, 256> totals{};
    for (const auto& path : files) {
        std::ifstream stream(path, std::ios::binary);
        std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(stream)), {});
        VmConfig config;
        config.modules = modules::standard_modules();
        config.write_stdout = discard;
        config.write_stderr = discard;
        Vm vm(config);
        RunStatus status = vm.run_image(bytes);
        EXPECT_NE(status, RunStatus::bad_image) << path << ": " << vm.load_error();
#ifdef XIPY_OPCODE_COUNTS
        std::array<std::uint64_t, 256> counts = vm.opcode_counts();
        for (std::size_t byte = 0; byte < counts.size(); ++byte) {
            totals[byte] += counts[byte];
        }
#endif
    }
    return totals;
}

#ifndef XIPY_OPCODE_COUNTS
TEST(CorpusTest, EveryProgramRuns) { run_every_program(); }
#else
// Also checks that every program runs: the corpus runs once per build either way.
TEST(CorpusTest, EveryOpcodeIsExecuted) {
    const std::array<std::uint64_t, 256> totals = run_every_program();
    // Range opcodes count once whichever of their bytes ran.
    std::set<std::string_view> executed;
    std::set<std::string_view> all;
    for (int byte = 0; byte < 256; ++byte) {
        const image::OpcodeInfo& info = image::opcode_info(static_cast<std::uint8_t>(byte));
        if (!info.assigned) {
            continue;
        }
        all.insert(info.name);
        if (totals[byte] != 0) {
            executed.insert(info.name);
        }
    }
    for (std::string_view name : all) {
        EXPECT_TRUE(executed.count(name) != 0) << "never executed: " << name;
    }
}
#endif

}  // namespace
}  // namespace xipy::vm
