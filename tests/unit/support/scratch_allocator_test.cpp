// ScratchAllocator: containers made inside a ScratchScope draw on its source; copies follow the
// scope.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "support/counting_source.hpp"
#include "support/result.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::support {
namespace {

TEST(ScratchAllocatorTest, ContainersMadeInAScopeDrawOnItsSourceAndGiveItBack) {
    CountingSource source;
    {
        ScratchScope scope(source);
        ScratchString text(300, 'x');
        ScratchVector<std::uint32_t> numbers(100, 7);
        EXPECT_GE(source.live_bytes, 300u + 400u);
        text += " and more";
        numbers.push_back(8);
        EXPECT_EQ(text.size(), 309u);
        EXPECT_EQ(numbers.back(), 8u);
    }
    EXPECT_EQ(source.live_bytes, 0u);
}

// Outside any scope (a tool, a host between runs) the C library serves, and a block keeps
// going back where it came from even when a scope opens later.
TEST(ScratchAllocatorTest, OutsideAScopeTheCLibraryServes) {
    CountingSource source;
    ScratchString text(200, 'y');
    {
        ScratchScope scope(source);
        text.append(200, 'z');  // grows: the new block still comes from the C library
        EXPECT_EQ(source.live_bytes, 0u);
        ScratchString inside(200, 'w');
        EXPECT_GT(source.live_bytes, 0u);
    }
    EXPECT_EQ(source.live_bytes, 0u);
    EXPECT_EQ(text.size(), 400u);
}

// A copy takes the memory current where it is made: a text copied out of a run after its
// scope closed must not hold a block of that VM's heap.
TEST(ScratchAllocatorTest, ACopyTakesTheMemoryCurrentWhereItIsMade) {
    CountingSource source;
    ScratchString made_inside;
    {
        ScratchScope scope(source);
        made_inside = ScratchString(250, 'q');
        EXPECT_GT(source.live_bytes, 0u);
    }
    const std::size_t held = source.live_bytes;
    ScratchString copy = made_inside;
    EXPECT_EQ(source.live_bytes, held);
    EXPECT_EQ(copy, made_inside);
    made_inside = ScratchString();
    EXPECT_EQ(source.live_bytes, 0u);
}

TEST(ScratchAllocatorTest, ARefusingSourceFallsBackToTheCLibrary) {
    CountingSource source;
    source.refusing = true;
    ScratchScope scope(source);
    ScratchVector<int> numbers(1000, 1);
    EXPECT_EQ(source.live_bytes, 0u);
    source.refusing = false;
    numbers.clear();
    numbers.shrink_to_fit();
    EXPECT_EQ(source.live_bytes, 0u);
}

// Error texts joined from pieces are made in the scope's memory, with no std::string.
TEST(ScratchAllocatorTest, ErrorTextsJoinInScratchMemory) {
    CountingSource source;
    {
        ScratchScope scope(source);
        const std::string long_name(64, 'n');
        Error error = make_error(12, {"qstr index ", DecimalText(4096), " of ", long_name});
        EXPECT_EQ(std::string_view(error.message), "qstr index 4096 of " + long_name);
        EXPECT_EQ(error.offset, 12u);
        EXPECT_GT(source.live_bytes, 0u);
        EXPECT_EQ(error.describe(), "qstr index 4096 of " + long_name + " at offset 12");
    }
    EXPECT_EQ(source.live_bytes, 0u);
}

}  // namespace
}  // namespace xipy::support
