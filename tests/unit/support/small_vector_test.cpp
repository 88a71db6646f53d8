// SmallVector: inline items first, the C library's memory beyond them, items kept in order.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

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

}  // namespace
}  // namespace xipy::support
