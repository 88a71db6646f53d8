// Disassembles every reference-compiled .mpy file of the corpus in XIPY_CORPUS_DIR.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "disassembler/json_writer.hpp"
#include "disassembler/listing.hpp"
#include "disassembler/text_writer.hpp"
#include "image/image.hpp"

namespace xipy::disassembler {
namespace {

std::vector<std::filesystem::path> corpus_files() {
    std::vector<std::filesystem::path> files;
    const char* directory = std::getenv("XIPY_CORPUS_DIR");
    if (directory == nullptr || !std::filesystem::is_directory(directory)) {
        return files;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (entry.is_regular_file() && entry.path().extension() == ".mpy") {
            files.push_back(entry.path());
        }
    }
    return files;
}

// Every reference-compiled file must load, decode from offset 0 to exactly
// the end of each code's bytecode, and produce both listings.
TEST(Corpus, EveryFileDisassemblesCompletely) {
    const auto files = corpus_files();
    ASSERT_FALSE(files.empty()) << "XIPY_CORPUS_DIR is unset, missing or holds no .mpy files";
    for (const auto& path : files) {
        std::ifstream stream(path, std::ios::binary);
        const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(stream)),
                                              std::istreambuf_iterator<char>());
        auto image = image::Image::load(bytes);
        ASSERT_TRUE(image.ok()) << path << ": " << image.error().describe();
        for (const image::RawCode& code : image->raw_codes()) {
            auto instructions = decode_bytecode(*image, code);
            ASSERT_TRUE(instructions.ok()) << path << ": " << instructions.error().describe();
            std::uint32_t end = 0;
            for (const image::Instruction& instruction : *instructions) {
                ASSERT_EQ(instruction.offset, end) << path;
                end = instruction.end();
            }
            EXPECT_EQ(end, image->bytecode(code).size()) << path;
        }
        EXPECT_TRUE(write_text(*image).ok()) << path;
        EXPECT_TRUE(write_json(*image).ok()) << path;
    }
}

}  // namespace
}  // namespace xipy::disassembler
