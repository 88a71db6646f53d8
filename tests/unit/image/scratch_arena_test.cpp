// Tests for ScratchArena and FixedTable: memory from a MemorySource, reused, and refusals.
#include "image/scratch_arena.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "support/memory_source.hpp"

namespace xipy::image {
namespace {

// Counts what it hands out and refuses past `limit` bytes.
class CountingSource final : public support::MemorySource {
  public:
    explicit CountingSource(std::size_t limit) : limit_(limit) {}
    void* allocate(std::size_t bytes) override {
        if (bytes > limit_ - in_use) {
            return nullptr;
        }
        in_use += bytes;
        ++allocations;
        return std::malloc(bytes);
    }
    void release(void* memory, std::size_t bytes) override {
        in_use -= bytes;
        std::free(memory);
    }
    std::size_t in_use = 0;
    std::size_t allocations = 0;

  private:
    std::size_t limit_;
};

TEST(ScratchArena, ReusesItsBlocksAfterReset) {
    CountingSource source(1 << 20);
    {
        ScratchArena arena(source);
        for (int round = 0; round < 10; ++round) {
            arena.reset();
            std::vector<std::uint32_t, ArenaAllocator<std::uint32_t>> values(
                (ArenaAllocator<std::uint32_t>(arena)));
            for (std::uint32_t value = 0; value < 1000; ++value) {
                values.push_back(value);
            }
            EXPECT_EQ(values[999], 999u);
        }
        EXPECT_FALSE(arena.exhausted());
        // The first round's blocks serve every later round.
        EXPECT_LE(source.allocations, 4u);
        EXPECT_EQ(source.in_use, arena.bytes());
    }
    EXPECT_EQ(source.in_use, 0u);
}

TEST(ScratchArena, KeepsServingAndReportsWhenTheSourceRefuses) {
    CountingSource source(0);
    ScratchArena arena(source);
    auto* memory = static_cast<std::uint8_t*>(arena.allocate(100, alignof(std::uint64_t)));
    std::memset(memory, 1, 100);
    EXPECT_TRUE(arena.exhausted());
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(memory) % alignof(std::uint64_t), 0u);
}

// A small function's verification must not need a large contiguous block: in a VM's fixed
// buffer, fragmented by the heap's pages, a 4 KiB block was often unavailable while
// plenty of memory was free (pystone needed a 72 KiB buffer to verify its functions).
TEST(ScratchArena, SmallRequestsTakeAKilobyteBlock) {
    CountingSource source(1024 + 64);
    ScratchArena arena(source);
    for (int request = 0; request < 12; ++request) {
        ASSERT_NE(arena.allocate(64, alignof(std::uint64_t)), nullptr);
    }
    EXPECT_FALSE(arena.exhausted());
    EXPECT_EQ(source.allocations, 1u);
}

TEST(FixedTable, TakesExactlyItsCapacityAndGivesItBack) {
    CountingSource source(1024);
    {
        support::FixedTable<std::uint32_t> table;
        ASSERT_TRUE(table.reserve(source, 10));
        EXPECT_EQ(source.in_use, 40u);
        table.push_back(7);
        table.resize(3);
        EXPECT_EQ(table[0], 7u);
        EXPECT_EQ(table[2], 0u);
        support::FixedTable<std::uint32_t> moved = std::move(table);
        EXPECT_EQ(moved.size(), 3u);
        EXPECT_EQ(table.size(), 0u);
    }
    EXPECT_EQ(source.in_use, 0u);
    support::FixedTable<std::uint32_t> too_big;
    EXPECT_FALSE(too_big.reserve(source, 1000));
}

}  // namespace
}  // namespace xipy::image
