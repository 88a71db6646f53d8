// Loads every reference-compiled .mpy of the corpus, whole, truncated and mutated, and
// measures how much heap Image::load uses per file.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "image/image.hpp"

// Test-only allocation counting: every operator new in this executable adds its size, so a
// test can measure what one call allocates. Relaxed atomics suffice (tests run on one thread).
namespace {
std::atomic<std::size_t> allocated_bytes{0};
}  // namespace

void* operator new(std::size_t size) {
    allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    if (void* pointer = std::malloc(size == 0 ? 1 : size)) {
        return pointer;
    }
    std::abort();  // the test executable has exceptions, but running out here is fatal anyway
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return operator new(size, tag);
}
void operator delete(void* pointer) noexcept { std::free(pointer); }
void operator delete[](void* pointer) noexcept { std::free(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { std::free(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { std::free(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { std::free(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { std::free(pointer); }

namespace xipy::image {
namespace {

using Bytes = std::vector<std::uint8_t>;

struct CorpusFile {
    std::string name;
    Bytes bytes;
};

// The corpus must exist: a missing or empty corpus fails the tests instead of skipping them.
std::vector<CorpusFile> load_corpus() {
    std::vector<CorpusFile> files;
    const char* directory = std::getenv("XIPY_CORPUS_DIR");
    if (directory == nullptr || *directory == '\0') {
        ADD_FAILURE() << "XIPY_CORPUS_DIR is not set";
        return files;
    }
    std::error_code error;
    std::filesystem::recursive_directory_iterator iterator(directory, error);
    if (error) {
        ADD_FAILURE() << "cannot read XIPY_CORPUS_DIR " << directory << ": " << error.message();
        return files;
    }
    for (const auto& entry : iterator) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mpy") {
            continue;
        }
        std::ifstream stream(entry.path(), std::ios::binary);
        Bytes bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
        files.push_back(
            {std::filesystem::relative(entry.path(), directory).string(), std::move(bytes)});
    }
    std::sort(files.begin(), files.end(), [](const CorpusFile& left, const CorpusFile& right) {
        return left.name < right.name;
    });
    if (files.empty()) {
        ADD_FAILURE() << "XIPY_CORPUS_DIR " << directory << " holds no .mpy files";
    }
    return files;
}

const std::vector<CorpusFile>& corpus() {
    static const std::vector<CorpusFile> files = load_corpus();
    return files;
}

// Walks everything a loaded image exposes, so a bad span or index shows up under ASan.
void touch_everything(const Image& image) {
    std::size_t sum = 0;
    for (std::size_t index = 0; index < image.qstr_count(); ++index) {
        for (char character : image.qstr(index)) {
            sum += static_cast<unsigned char>(character);
        }
    }
    // Constants are decoded from the file as they are walked, nested tuple items included.
    auto touch_constant = [&](auto& self, const Constant& constant) -> void {
        for (char character : constant.text) {
            sum += static_cast<unsigned char>(character);
        }
        for (const Constant& item : image.items(constant)) {
            self(self, item);
        }
    };
    for (const Constant& constant : image.constants()) {
        touch_constant(touch_constant, constant);
    }
    for (const RawCode& code : image.raw_codes()) {
        for (std::uint8_t byte : image.function_data(code)) {
            sum += byte;
        }
        for (std::uint32_t name : image.argument_name_qstrs(code)) {
            sum += image.qstr(name).size();
        }
        sum += image.qstr(image.name_qstr(code)).size();
        sum += image.line_entries(code).size();
        sum += image.line_for_offset(code, static_cast<std::uint32_t>(image.bytecode(code).size()));
        sum += image.children(code).size();
    }
    EXPECT_GT(sum, 0u);
}

TEST(ImageCorpus, EveryFileLoads) {
    ASSERT_FALSE(corpus().empty()) << "no corpus, see XIPY_CORPUS_DIR";
    for (const CorpusFile& file : corpus()) {
        auto result = Image::load(file.bytes);
        ASSERT_TRUE(result.ok()) << file.name << ": " << result.error().describe();
        const Image& image = result.value();
        EXPECT_EQ(image.end_offset(), file.bytes.size()) << file.name;
        EXPECT_FALSE(image.source_file().empty()) << file.name;
        touch_everything(image);
    }
}

// Every prefix of a valid file: a clean error (or, if the cut falls after the module's end,
// success), never a crash. Each prefix is copied into its own buffer so ASan sees the end.
TEST(ImageCorpus, EveryTruncationIsClean) {
    ASSERT_FALSE(corpus().empty()) << "no corpus, see XIPY_CORPUS_DIR";
    for (const CorpusFile& file : corpus()) {
        for (std::size_t length = 0; length < file.bytes.size(); ++length) {
            const Bytes prefix(file.bytes.begin(), file.bytes.begin() + length);
            auto result = Image::load(prefix);
            if (result.ok()) {
                touch_everything(result.value());
            } else {
                EXPECT_FALSE(result.error().message.empty());
                EXPECT_LE(result.error().offset, length) << file.name << " cut at " << length;
            }
        }
    }
}

// Every byte of three small files set to every value: 256 x size loads per file. The three
// smallest files of at least 100 bytes keep this under a few seconds in sanitizer builds while
// still covering header, qstrs, constants and nested raw codes.
TEST(ImageCorpus, EveryByteValueIsClean) {
    ASSERT_FALSE(corpus().empty()) << "no corpus, see XIPY_CORPUS_DIR";
    std::vector<const CorpusFile*> chosen;
    for (const CorpusFile& file : corpus()) {
        if (file.bytes.size() >= 100) {
            chosen.push_back(&file);
        }
    }
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const CorpusFile* left, const CorpusFile* right) {
                         return left->bytes.size() < right->bytes.size();
                     });
    chosen.resize(std::min<std::size_t>(chosen.size(), 3));
    ASSERT_FALSE(chosen.empty());
    std::size_t loads = 0;
    for (const CorpusFile* file : chosen) {
        Bytes mutated = file->bytes;
        for (std::size_t position = 0; position < mutated.size(); ++position) {
            const std::uint8_t original = mutated[position];
            for (unsigned value = 0; value < 256; ++value) {
                mutated[position] = static_cast<std::uint8_t>(value);
                auto result = Image::load(mutated);
                if (result.ok()) {
                    touch_everything(result.value());
                } else {
                    EXPECT_LE(result.error().offset, mutated.size());
                }
                ++loads;
            }
            mutated[position] = original;
        }
    }
    std::printf("mutation loads: %zu over %zu files\n", loads, chosen.size());
}

// What the loader may allocate: exactly its three tables, sized up front (a qstr and a
// constant take one 32-bit word each). Anything more would be a hidden copy or wasted growth.
std::size_t table_bytes(const Image& image) {
    return image.qstr_count() * sizeof(std::uint32_t) +
           image.constant_count() * sizeof(std::uint32_t) +
           image.raw_codes().size() * sizeof(RawCode);
}

// Sanity bound from measurements on the corpus, taken when a raw code held 144 bytes (it holds
// 40 now, so the files sit further inside it): heap / file size was 1.0x-6.0x, highest for
// small files with many functions, since a raw code's metadata outweighs a small function's
// 20-60 bytes of file. (heap - 1 KiB) / size stayed below 4.1. Eight times plus 1 KiB leaves
// room for new corpus programs while still catching anything that scales worse than the tables.
constexpr std::size_t heap_ratio_bound = 8;
constexpr std::size_t heap_slack_bytes = 1024;

TEST(ImageCorpus, HeapUseIsOnlyTheTables) {
    ASSERT_FALSE(corpus().empty()) << "no corpus, see XIPY_CORPUS_DIR";
    std::printf("%-52s %10s %10s %7s\n", "file", "file bytes", "heap bytes", "ratio");
    std::size_t total_file = 0;
    std::size_t total_heap = 0;
    for (const CorpusFile& file : corpus()) {
        const std::size_t before = allocated_bytes.load(std::memory_order_relaxed);
        auto result = Image::load(file.bytes);
        const std::size_t heap = allocated_bytes.load(std::memory_order_relaxed) - before;
        ASSERT_TRUE(result.ok()) << file.name;
        const double ratio = static_cast<double>(heap) / static_cast<double>(file.bytes.size());
        std::printf("%-52s %10zu %10zu %7.2f\n", file.name.c_str(), file.bytes.size(), heap, ratio);
        EXPECT_LE(heap, table_bytes(result.value())) << file.name;
        EXPECT_LE(heap, heap_ratio_bound * file.bytes.size() + heap_slack_bytes) << file.name;
        total_file += file.bytes.size();
        total_heap += heap;
    }
    if (total_file != 0) {
        std::printf("%-52s %10zu %10zu %7.2f\n", "total", total_file, total_heap,
                    static_cast<double>(total_heap) / static_cast<double>(total_file));
    }
}

}  // namespace
}  // namespace xipy::image
