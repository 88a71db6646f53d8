// Checks the fixed name table: known static ids have MicroPython's texts and every text is unique.
#include "object/names.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

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

// Entries live in chunks that never move: many names span many chunks, and every earlier
// name keeps its id, text and hash as later ones are added. Past 65,535 names the hash
// slots widen from 16 to 32 bits.
TEST(InternTableTest, ManyNamesKeepTheirIdsAcrossChunks) {
    InternTable table;
    std::vector<std::string> texts;
    std::vector<std::uint32_t> ids;
    for (int index = 0; index < 70000; ++index) {
        texts.push_back("name_" + std::to_string(index));
        ids.push_back(table.intern_copy(texts.back()));
        EXPECT_EQ(ids.back(), ids.front() + static_cast<std::uint32_t>(index));
    }
    for (std::size_t index = 0; index < texts.size(); ++index) {
        EXPECT_EQ(table.text(ids[index]), texts[index]);
        EXPECT_EQ(table.hash(ids[index]), hash_string(texts[index]));
        EXPECT_EQ(table.find(texts[index]), ids[index]);
    }
    EXPECT_FALSE(table.find("name_70000").has_value());
}

// The hash is 32 bits (FNV-1a), the same for interned and heap strings.
TEST(InternTableTest, NameHashesAreFnv1aInThirtyTwoBits) {
    EXPECT_EQ(hash_string(""), 0x811c9dc5u);
    EXPECT_EQ(hash_string("a"), 0xe40c292cu);
}

}  // namespace
}  // namespace xipy::object
