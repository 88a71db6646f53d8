// Tests the fixed-buffer allocator: blocks from one buffer, free lists, and merging free blocks.
#include "gc/fixed_buffer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace xipy::gc {
namespace {

constexpr std::size_t granule = FixedBufferAllocator::granule;

TEST(FixedBufferAllocator, BlocksComeFromTheBufferAndFreedOnesAreReused) {
    alignas(16) static unsigned char buffer[64 * granule];
    FixedBufferAllocator allocator(buffer, sizeof buffer);
    void* first = allocator.allocate(granule);
    void* second = allocator.allocate(granule);
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_GE(static_cast<unsigned char*>(first), buffer);
    EXPECT_LT(static_cast<unsigned char*>(second), buffer + sizeof buffer);
    allocator.free(first, granule);
    EXPECT_EQ(allocator.allocate(granule), first);
}

TEST(FixedBufferAllocator, SmallFreeBlocksMergeToServeALargeRequest) {
    // The whole buffer cut into two-granule blocks, all freed except the last one (so none
    // goes back to the untouched end as it is freed): the small size lists then hold nearly
    // every byte, in pieces a large request cannot use until neighbours merge.
    constexpr std::size_t count = 64;
    alignas(16) static unsigned char buffer[count * 2 * granule];
    FixedBufferAllocator allocator(buffer, sizeof buffer);
    std::vector<void*> blocks;
    for (std::size_t index = 0; index < count; ++index) {
        blocks.push_back(allocator.allocate(2 * granule));
        ASSERT_NE(blocks.back(), nullptr);
    }
    EXPECT_EQ(allocator.allocate(granule), nullptr);
    // Freed out of address order, as a collection frees them.
    for (std::size_t index = 0; index + 1 < count; index += 2) {
        allocator.free(blocks[index], 2 * granule);
    }
    for (std::size_t index = 1; index + 1 < count; index += 2) {
        allocator.free(blocks[index], 2 * granule);
    }
    const std::size_t large = (count - 1) * 2 * granule;
    EXPECT_EQ(allocator.bytes_free(), large);
    void* merged = allocator.allocate(large);
    EXPECT_EQ(merged, blocks[0]);
    EXPECT_EQ(allocator.bytes_free(), 0u);
    // Given back, the run and the last block make the whole buffer one block again.
    allocator.free(merged, large);
    allocator.free(blocks[count - 1], 2 * granule);
    EXPECT_EQ(allocator.allocate(sizeof buffer), blocks[0]);
}

TEST(FixedBufferAllocator, MergingKeepsSmallRemaindersUsable) {
    // Free blocks that cannot merge (each between two live ones) stay where a small request
    // finds them after a failed large request merged what it could.
    constexpr std::size_t count = 32;
    alignas(16) static unsigned char buffer[count * granule];
    FixedBufferAllocator allocator(buffer, sizeof buffer);
    std::vector<void*> blocks;
    for (std::size_t index = 0; index < count; ++index) {
        blocks.push_back(allocator.allocate(granule));
    }
    for (std::size_t index = 0; index < count; index += 2) {
        allocator.free(blocks[index], granule);
    }
    EXPECT_EQ(allocator.allocate(2 * granule), nullptr);
    for (std::size_t index = 0; index < count; index += 2) {
        EXPECT_NE(allocator.allocate(granule), nullptr) << index;
    }
    EXPECT_EQ(allocator.allocate(granule), nullptr);
}

}  // namespace
}  // namespace xipy::gc
