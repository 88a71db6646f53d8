// Tests of the linear substring search against the standard library's search.
#include "text/substring_search.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace xipy::text {
namespace {

constexpr auto npos = std::string_view::npos;

// Every start and end position of text, forward and backward, as std::string_view answers.
void expect_same_as_standard(const std::string& text, const std::string& needle) {
    const std::string_view view(text);
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
        ASSERT_EQ(find_forward(view, needle, from), view.find(needle, from))
            << "text " << text << " needle " << needle << " from " << from;
    }
    for (std::size_t end = 0; end <= text.size(); ++end) {
        ASSERT_EQ(find_backward(view, needle, end), view.substr(0, end).rfind(needle))
            << "text " << text << " needle " << needle << " end " << end;
    }
    ASSERT_EQ(find_backward(view, needle), view.rfind(needle));
}

TEST(SubstringSearch, LongNeedlesInRandomTextOfFewLetters) {
    // Two or three letters make periodic needles and near misses common, the hard cases.
    std::mt19937 random(12345);
    for (int round = 0; round < 300; ++round) {
        const int letters = 2 + round % 2;
        auto random_text = [&](std::size_t length) {
            std::string text;
            for (std::size_t index = 0; index < length; ++index) {
                text += static_cast<char>('a' + random() % letters);
            }
            return text;
        };
        const std::string text = random_text(40 + random() % 160);
        // Half the needles are cut from the text, so that they are found.
        std::string needle;
        if (round % 2 == 0 && text.size() > 40) {
            const std::size_t start = random() % (text.size() - 40);
            needle = text.substr(start, 33 + random() % 7);
        } else {
            needle = random_text(33 + random() % 20);
        }
        expect_same_as_standard(text, needle);
    }
}

TEST(SubstringSearch, PeriodicAndNonPeriodicNeedles) {
    const std::string runs = std::string(100, 'a');
    expect_same_as_standard(runs, std::string(40, 'a'));
    expect_same_as_standard(runs + "b" + runs, std::string(40, 'a') + "b" + std::string(40, 'a'));
    std::string abab;
    for (int index = 0; index < 60; ++index) {
        abab += "ab";
    }
    expect_same_as_standard(abab + "c" + abab, abab.substr(0, 41) + "c");
    expect_same_as_standard(abab, abab.substr(1, 50));
    expect_same_as_standard("xyz" + abab + "xyz", "zab" + abab.substr(0, 40));
}

TEST(SubstringSearch, ShortNeedlesAndEdges) {
    expect_same_as_standard("hello world", "o");
    expect_same_as_standard("hello world", "");
    expect_same_as_standard("", "");
    expect_same_as_standard("", std::string(40, 'x'));
    expect_same_as_standard(std::string(39, 'x'), std::string(40, 'x'));
    expect_same_as_standard(std::string(40, 'x'), std::string(40, 'x'));
    EXPECT_EQ(find_forward("abc", "", 4), npos);
}

TEST(SubstringSearch, AdversarialInputStaysLinear) {
    // The standard search compares the needle in full at every position here: about 1.5
    // million positions of half a megabyte each, tens of seconds inside one native call that
    // no step budget or interrupt could stop. The two-way search examines each byte a few
    // times, so this test finishes at once (a hang is the failure it guards against).
    const std::string text(2000000, 'a');
    const std::string needle = std::string(500000, 'a') + "b";
    const std::string reversed_needle = "b" + std::string(500000, 'a');
    EXPECT_EQ(find_forward(text, needle), npos);
    EXPECT_EQ(find_backward(text, reversed_needle), npos);
    EXPECT_EQ(find_forward(text + needle, needle), text.size());
    EXPECT_EQ(find_backward(reversed_needle + text, reversed_needle), 0U);
}

}  // namespace
}  // namespace xipy::text
