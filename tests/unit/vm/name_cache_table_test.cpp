// Checks when a module's name-cache table makes a cache: on a name's second lookup, not its first.
#include <gtest/gtest.h>

#include "support/memory_source.hpp"
#include "vm/inline_cache.hpp"

namespace xipy::vm {
namespace {

TEST(NameCacheTableTest, AFirstLookupRunsUncachedAndMakesNothing) {
    NameCacheTable table;
    ASSERT_TRUE(table.reserve(support::system_memory(), 8));
    const std::size_t reserved = table.bytes();
    SpareNameCache spare;
    NameCache& first = table.find(3, spare);
    EXPECT_EQ(table.cache_count(), 0u);
    EXPECT_EQ(table.bytes(), reserved);
    EXPECT_EQ(table.find_existing(3), nullptr);
    // The first lookup got the spare room, empty.
    EXPECT_EQ(first.global.globals, nullptr);
}

TEST(NameCacheTableTest, TheSecondLookupMakesTheCacheThatLaterLookupsShare) {
    NameCacheTable table;
    ASSERT_TRUE(table.reserve(support::system_memory(), 8));
    SpareNameCache spare;
    table.find(5, spare);
    NameCache& made = table.find(5, spare);
    EXPECT_EQ(table.cache_count(), 1u);
    EXPECT_EQ(table.find_existing(5), &made);
    EXPECT_EQ(&table.find(5, spare), &made);
    // Another name is still on its first lookup.
    table.find(6, spare);
    EXPECT_EQ(table.cache_count(), 1u);
    EXPECT_EQ(table.find_existing(6), nullptr);
}

TEST(NameCacheTableTest, ATableWithoutCachingNeverMakesOne) {
    NameCacheTable table;
    ASSERT_TRUE(table.reserve(support::system_memory(), 8, false));
    SpareNameCache spare;
    table.find(1, spare);
    table.find(1, spare);
    EXPECT_EQ(table.cache_count(), 0u);
    EXPECT_EQ(table.find_existing(1), nullptr);
    EXPECT_EQ(table.bytes(), 0u);
}

}  // namespace
}  // namespace xipy::vm
