// Checks the fixed name table: known static ids have MicroPython's texts and every text is unique.
#include "object/names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "object/intern_table.hpp"

namespace xipy::object {
namespace {

// tests/unit/vm/static_names_test.cpp checks every static id against the image's qstr table.
TEST(NamesTest, StaticIdsAreMicroPythonsQstrIds) {
    EXPECT_EQ(fixed_name_text(names::dunder_init), "__init__");
    EXPECT_EQ(fixed_name_text(names::int_), "int");
    EXPECT_EQ(fixed_name_text(names::dunder_add), "__add__");
}

TEST(NamesTest, EveryFixedNameIsUnique) {
    std::set<std::string_view> seen;
    for (std::uint32_t id = 1; id < names::fixed_name_count; ++id) {
        EXPECT_TRUE(seen.insert(fixed_name_text(id)).second) << fixed_name_text(id);
    }
}

TEST(InternTableTest, InterningFindsFixedNamesAndDeduplicates) {
    InternTable table;
    EXPECT_EQ(table.intern_copy("append"), names::append);
    std::uint32_t first = table.intern_copy("not_a_fixed_name");
    EXPECT_GE(first, names::fixed_name_count);
    EXPECT_EQ(table.intern_in_place("not_a_fixed_name"), first);
    EXPECT_EQ(table.text(first), "not_a_fixed_name");
    EXPECT_EQ(table.hash(first), hash_string("not_a_fixed_name"));
}

}  // namespace
}  // namespace xipy::object
