// str/bytes method algorithms and UTF-8 helpers; expected values come from the reference VM
// (MicroPython 1.27 via tests/reference/micropython.mjs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "number/big_integer.hpp"
#include "text/integer_text.hpp"
#include "text/string_methods.hpp"
#include "text/string_sink.hpp"
#include "text/utf8_text.hpp"

namespace xipy::text {
namespace {

class PieceList final : public PieceSink {
  public:
    bool add(std::string_view piece) override {
        pieces.emplace_back(piece);
        return true;
    }
    std::vector<std::string> pieces;
};

using Pieces = std::vector<std::string>;

Pieces split_of(std::string_view text, std::optional<std::string_view> separator,
                std::int64_t max_split = -1) {
    PieceList list;
    Status status = split(text, separator, max_split, list);
    return status.ok() ? list.pieces : Pieces{"!" + std::string(status.error().message)};
}

Pieces rsplit_of(std::string_view text, std::optional<std::string_view> separator,
                 std::int64_t max_split) {
    PieceList list;
    Status status = rsplit(text, separator, max_split, list);
    if (!status.ok()) {
        return Pieces{"!" + std::string(status.error().message)};
    }
    // Pieces arrive right to left when there is a limit.
    if (max_split >= 0) {
        std::reverse(list.pieces.begin(), list.pieces.end());
    }
    return list.pieces;
}

Pieces lines_of(std::string_view text, bool keep_ends) {
    PieceList list;
    EXPECT_TRUE(split_lines(text, keep_ends, list).ok());
    return list.pieces;
}

template <typename Writer>
std::string written(Writer writer) {
    std::string out;
    StringSink sink(out);
    Status status = writer(sink);
    return status.ok() ? out : "!" + std::string(status.error().message);
}

TEST(StringMethods, Split) {
    EXPECT_EQ(split_of(" a  b ", std::nullopt), (Pieces{"a", "b"}));
    EXPECT_EQ(split_of(" a  b ", std::nullopt, 1), (Pieces{"a", "b "}));
    EXPECT_EQ(split_of("  a b c  ", std::nullopt, 2), (Pieces{"a", "b", "c  "}));
    EXPECT_EQ(split_of("a b\x1c"
                       "c",
                       std::nullopt),
              (Pieces{"a",
                      "b\x1c"
                      "c"}));
    EXPECT_EQ(split_of("", std::nullopt), Pieces{});
    EXPECT_EQ(split_of("", ","), Pieces{""});
    EXPECT_EQ(split_of("a,,b", ","), (Pieces{"a", "", "b"}));
    EXPECT_EQ(split_of("a,b,,c", ",", 2), (Pieces{"a", "b", ",c"}));
    EXPECT_EQ(split_of("a", ""), Pieces{"!empty separator"});
    EXPECT_EQ(rsplit_of("a b c", " ", 1), (Pieces{"a b", "c"}));
    EXPECT_EQ(rsplit_of("ab,cd,ef", ",", 1), (Pieces{"ab,cd", "ef"}));
    EXPECT_EQ(rsplit_of("aaa", "aa", 1), (Pieces{"a", ""}));
    EXPECT_EQ(rsplit_of("a,b,c", ",", -1), (Pieces{"a", "b", "c"}));
    EXPECT_EQ(rsplit_of("a b  c ", std::nullopt, 1), Pieces{"!rsplit(None,n)"});
}

TEST(StringMethods, SplitLines) {
    EXPECT_EQ(lines_of("a\nb\r\nc\rd\n", false), (Pieces{"a", "b", "c", "d"}));
    EXPECT_EQ(lines_of("a\nb\r\nc\rd\n", true), (Pieces{"a\n", "b\r\n", "c\r", "d\n"}));
    EXPECT_EQ(lines_of("a\n\nb", false), (Pieces{"a", "", "b"}));
    EXPECT_EQ(lines_of("", false), Pieces{});
    EXPECT_EQ(lines_of("\n", false), Pieces{""});
    EXPECT_EQ(lines_of("\r\r\n", false), (Pieces{"", ""}));
    EXPECT_EQ(lines_of("x\ny", true), (Pieces{"x\n", "y"}));
}

TEST(StringMethods, FindAndCountUseCodePointIndexes) {
    const std::string hello = "h\xc3\xa9llo";  // 'héllo'
    EXPECT_EQ(find(hello, "l", TextKind::str, std::nullopt, std::nullopt, Direction::forward), 2);
    EXPECT_EQ(find(hello, "o", TextKind::str, 2, std::nullopt, Direction::forward), 4);
    EXPECT_EQ(find(hello, "l", TextKind::str, -2, std::nullopt, Direction::forward), 3);
    EXPECT_EQ(find(hello, "l", TextKind::str, std::nullopt, std::nullopt, Direction::backward), 3);
    EXPECT_EQ(find(hello, "", TextKind::str, 10, std::nullopt, Direction::forward), 5);
    EXPECT_EQ(find(hello, "l", TextKind::str, 0, -1, Direction::forward), 2);
    EXPECT_EQ(find(hello, "x", TextKind::str, std::nullopt, std::nullopt, Direction::backward), -1);
    EXPECT_EQ(find("h\xc3\xa9llo w\xc3\xb6rld", "w", TextKind::str, std::nullopt, std::nullopt,
                   Direction::forward),
              6);
    EXPECT_EQ(find("hello", "l", TextKind::str, 1, 3, Direction::forward), 2);
    EXPECT_EQ(find("hello", "l", TextKind::str, std::nullopt, 3, Direction::backward), 2);
    EXPECT_EQ(find("hello", "", TextKind::str, 3, 1, Direction::forward), -1);
    // bytes count bytes: b'h\xc3\xa9llo'.find(b'l') is 3.
    EXPECT_EQ(find(hello, "l", TextKind::bytes, std::nullopt, std::nullopt, Direction::forward), 3);
    EXPECT_EQ(count(hello, "l", TextKind::str, std::nullopt, std::nullopt), 2);
    EXPECT_EQ(count(hello, "", TextKind::str, std::nullopt, std::nullopt), 6);
    EXPECT_EQ(count(hello, "", TextKind::str, 2, std::nullopt), 4);
    EXPECT_EQ(count(hello, "l", TextKind::str, 3, std::nullopt), 1);
    EXPECT_EQ(count("\xc3\xa9", "", TextKind::str, std::nullopt, std::nullopt), 2);
}

TEST(StringMethods, StartsAndEndsWith) {
    const std::string hello = "h\xc3\xa9llo";
    EXPECT_TRUE(starts_with(hello, "l", TextKind::str, 3, std::nullopt));
    EXPECT_TRUE(starts_with(hello, "l", TextKind::str, 2, 3));
    EXPECT_TRUE(ends_with(hello, "l", TextKind::str, 0, 4));
    EXPECT_TRUE(ends_with(hello, "lo", TextKind::str, -2, std::nullopt));
    EXPECT_TRUE(ends_with("hello", "ll", TextKind::str, 1, 4));
    EXPECT_FALSE(starts_with(hello, "h\xc3\xa9", TextKind::str, 1, std::nullopt));
}

TEST(StringMethods, StripReplacePartitionCenter) {
    EXPECT_EQ(strip(std::string_view("\0a\0", 3), std::nullopt, StripSide::both),
              std::string_view("\0a\0", 3));
    EXPECT_EQ(strip(" \x0b\x0c"
                    "a\x1c",
                    std::nullopt, StripSide::both),
              "a\x1c");
    EXPECT_EQ(strip("xyax", "xy", StripSide::both), "a");
    EXPECT_EQ(strip("abc", "c", StripSide::right), "ab");
    EXPECT_EQ(strip("abc", "ab", StripSide::left), "c");
    EXPECT_EQ(strip("   ", std::nullopt, StripSide::both), "");

    auto replaced = [](std::string_view text, std::string_view old_text, std::string_view new_text,
                       std::int64_t max_count) {
        return written(
            [&](TextSink& sink) { return replace(text, old_text, new_text, max_count, sink); });
    };
    EXPECT_EQ(replaced("abc", "", "-", 2), "-a-bc");
    EXPECT_EQ(replaced("aaa", "a", "b", -1), "bbb");
    EXPECT_EQ(replaced("aaa", "aa", "b", -1), "ba");
    EXPECT_EQ(replaced("aXbXc", "X", "--", 1), "a--bXc");
    // Byte-wise like the reference: 'é'.replace('', '-') splits the UTF-8 sequence.
    EXPECT_EQ(replaced("\xc3\xa9", "", "-", -1), "-\xc3-\xa9-");

    Result<Partition> parts = partition("a-b-c", "-", Direction::backward);
    ASSERT_TRUE(parts.ok());
    EXPECT_EQ(parts.value().before, "a-b");
    EXPECT_EQ(parts.value().separator, "-");
    EXPECT_EQ(parts.value().after, "c");
    parts = partition("a-b", "x", Direction::backward);
    ASSERT_TRUE(parts.ok());
    EXPECT_EQ(parts.value().before, "");
    EXPECT_EQ(parts.value().after, "a-b");
    parts = partition("ab", "", Direction::forward);
    ASSERT_FALSE(parts.ok());
    EXPECT_EQ(parts.error().message, "empty separator");

    EXPECT_EQ(written([](TextSink& sink) { return center("abc", 3, 7, sink); }), "  abc  ");
    EXPECT_EQ(written([](TextSink& sink) { return center("abc", 3, 8, sink); }), "  abc   ");
    EXPECT_EQ(written([](TextSink& sink) { return center("abc", 3, 2, sink); }), "abc");
    EXPECT_EQ(written([](TextSink& sink) { return center("\xc3\xa9", 2, 5, sink); }),
              " \xc3\xa9  ");
    EXPECT_EQ(written([](TextSink& sink) { return center("\xc3\xa9", 1, 4, sink); }),
              " \xc3\xa9  ");
}

TEST(StringMethods, CaseAndClassesAreAscii) {
    EXPECT_EQ(written([](TextSink& sink) { return to_upper("aBc\xc3\xa9", sink); }), "ABC\xc3\xa9");
    EXPECT_EQ(written([](TextSink& sink) {
                  return to_lower(
                      "\xc3\x89"
                      "aB",
                      sink);
              }),
              "\xc3\x89"
              "ab");
    EXPECT_FALSE(is_alpha("\xc3\xa9"));
    EXPECT_FALSE(is_alpha("ab1"));
    EXPECT_TRUE(is_digit("12"));
    EXPECT_TRUE(is_space(" \t"));
    EXPECT_FALSE(is_space(""));
    EXPECT_FALSE(is_space("\x1c"));
    EXPECT_TRUE(is_upper("AB1"));
    EXPECT_TRUE(is_lower("ab1"));
    EXPECT_FALSE(is_upper("1"));
    EXPECT_FALSE(is_lower("A1"));
}

TEST(StringMethods, JoinHexAndIntegers) {
    std::vector<std::string_view> pieces = {"a", "b"};
    EXPECT_EQ(written([&](TextSink& sink) { return join(",", pieces, sink); }), "a,b");
    EXPECT_EQ(written([](TextSink& sink) { return write_hex("\x01\xff", "", sink); }), "01ff");
    EXPECT_EQ(written([](TextSink& sink) { return write_hex("\x01\xff", "-", sink); }), "01-ff");
    EXPECT_EQ(written([](TextSink& sink) { return from_hex("01 ff", sink); }), "\x01\xff");
    EXPECT_EQ(written([](TextSink& sink) { return from_hex("0A0b ", sink); }), "\n\x0b");
    EXPECT_EQ(written([](TextSink& sink) { return from_hex(" 01", sink); }), "\x01");
    EXPECT_EQ(written([](TextSink& sink) { return from_hex("0", sink); }), "!non-hex digit");
    EXPECT_EQ(written([](TextSink& sink) { return from_hex("zz", sink); }), "!non-hex digit");
    EXPECT_EQ(written([](TextSink& sink) { return write_int64(255, 16, true, sink); }), "0xff");
    EXPECT_EQ(written([](TextSink& sink) { return write_int64(-8, 8, true, sink); }), "-0o10");
    EXPECT_EQ(written([](TextSink& sink) { return write_int64(5, 2, true, sink); }), "0b101");
    EXPECT_EQ(written([](TextSink& sink) { return write_int64(INT64_MIN, 10, false, sink); }),
              "-9223372036854775808");
    number::BigInteger big = number::BigInteger::from_int64(-1) << 70;
    EXPECT_EQ(written([&](TextSink& sink) { return write_big_integer(big, 16, true, sink); }),
              "-0x400000000000000000");
}

TEST(Utf8Text, CountsAndIndexesCodePoints) {
    const std::string text =
        "a\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80"
        "b";  // aé日😀b
    EXPECT_FALSE(is_ascii(text));
    EXPECT_TRUE(is_ascii("plain"));
    EXPECT_EQ(code_point_count(text), 5u);
    EXPECT_EQ(code_point_offset(text, 0), 0u);
    EXPECT_EQ(code_point_offset(text, 2), 3u);
    EXPECT_EQ(code_point_offset(text, 4), 10u);
    EXPECT_EQ(code_point_offset(text, 9), text.size());
    EXPECT_EQ(code_point_index(text, 6), 3u);
    DecodedCodePoint decoded = decode_code_point(text, 6);
    EXPECT_EQ(decoded.code_point, 0x1F600u);
    EXPECT_EQ(decoded.length, 4u);
    // A lone lead byte decodes to its own bits only.
    decoded = decode_code_point("\xe9", 0);
    EXPECT_EQ(decoded.code_point, 9u);
    EXPECT_EQ(decoded.length, 1u);
    char buffer[4];
    EXPECT_EQ(encode_code_point(0xE9, buffer), 2u);
    EXPECT_EQ(std::string(buffer, 2), "\xc3\xa9");
    EXPECT_EQ(encode_code_point(0x1F600, buffer), 4u);
    EXPECT_EQ(std::string(buffer, 4), "\xf0\x9f\x98\x80");
    // A lone lead byte decodes to its own bits, so it prints as the control they make.
    EXPECT_EQ(written([](TextSink& sink) { return write_str_repr("\xe9", sink); }), "'\\t'");
    // repr('é'.replace('', '-')) is '-\x03--': the stray continuation byte prints nothing.
    EXPECT_EQ(written([](TextSink& sink) { return write_str_repr("-\xc3-\xa9-", sink); }),
              "'-\\x03--'");
    // Other characters print as themselves; surrogates and points past U+10FFFF escaped.
    EXPECT_EQ(written([](TextSink& sink) { return write_str_repr("\xc3\xa9\xe6\x97\xa5", sink); }),
              "'\xc3\xa9\xe6\x97\xa5'");
    EXPECT_EQ(written([](TextSink& sink) {
                  return write_str_repr("\xed\xa0\x80\xf4\x90\x80\x80", sink);
              }),
              "'\\ud800\\U00110000'");
}

}  // namespace
}  // namespace xipy::text
