// SmallVector: inline items first, a source's (or the C library's) memory beyond, items in order.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "support/counting_source.hpp"
#include "support/small_vector.hpp"

namespace xipy::support {
namespace {

TEST(SmallVectorTest, KeepsItsFirstItemsInsideItself) {
    SmallVector<std::uint32_t, 4> items;
    const void* inside = &items;
    for (std::uint32_t item = 0; item < 4; ++item) {
        ASSERT_TRUE(items.push_back(item * 10));
    }
    const auto* first = reinterpret_cast<const unsigned char*>(items.data());
    const auto* start = static_cast<const unsigned char*>(inside);
    EXPECT_TRUE(first >= start && first < start + sizeof(items));
    EXPECT_EQ(items.size(), 4u);
    EXPECT_EQ(items[3], 30u);
}

TEST(SmallVectorTest, GrowsPastItsInlineRoomKeepingOrder) {
    SmallVector<std::uint64_t, 2> items;
    std::vector<std::uint64_t> expected;
    for (std::uint64_t item = 0; item < 100; ++item) {
        ASSERT_TRUE(items.push_back(item * item));
        expected.push_back(item * item);
    }
    ASSERT_TRUE(items.append(std::span<const std::uint64_t>(expected.data(), 3)));
    expected.insert(expected.end(), expected.begin(), expected.begin() + 3);
    EXPECT_EQ(std::vector<std::uint64_t>(items.begin(), items.end()), expected);
    items.erase(0);
    expected.erase(expected.begin());
    EXPECT_EQ(std::vector<std::uint64_t>(items.begin(), items.end()), expected);
    items.clear();
    EXPECT_TRUE(items.empty());
}

TEST(SmallVectorTest, ReservesAndAppendsNothing) {
    SmallVector<int, 3> items;
    ASSERT_TRUE(items.append({}));
    EXPECT_TRUE(items.empty());
    ASSERT_TRUE(items.reserve(50));
    for (int item = 0; item < 50; ++item) {
        ASSERT_TRUE(items.push_back(item));
    }
    EXPECT_EQ(items.span().back(), 49);
}

TEST(SmallVectorTest, GrowsIntoItsSourceAndGivesEachBlockBack) {
    CountingSource source;
    {
        SmallVector<std::uint32_t, 4> items(source);
        for (std::uint32_t item = 0; item < 4; ++item) {
            ASSERT_TRUE(items.push_back(item));
        }
        EXPECT_EQ(source.live_bytes, 0u);  // the inline room serves the first four
        for (std::uint32_t item = 4; item < 40; ++item) {
            ASSERT_TRUE(items.push_back(item));
        }
        // Only the latest block is held: each grown one went back.
        EXPECT_GE(source.live_bytes, 40 * sizeof(std::uint32_t));
        EXPECT_LT(source.live_bytes, 80 * sizeof(std::uint32_t) + 1);
        EXPECT_EQ(items[39], 39u);
        EXPECT_EQ(items[0], 0u);
    }
    EXPECT_EQ(source.live_bytes, 0u);
}

TEST(SmallVectorTest, TakesTheCLibrarysMemoryWhenTheSourceRefuses) {
    CountingSource source;
    SmallVector<std::uint32_t, 2> items(source);
    source.refusing = true;
    for (std::uint32_t item = 0; item < 10; ++item) {
        ASSERT_TRUE(items.push_back(item));
    }
    EXPECT_EQ(source.live_bytes, 0u);
    // Growing again once the source gives memory moves the items into it.
    source.refusing = false;
    ASSERT_TRUE(items.reserve(100));
    EXPECT_GT(source.live_bytes, 0u);
    EXPECT_EQ(items[9], 9u);
}

}  // namespace
}  // namespace xipy::support
