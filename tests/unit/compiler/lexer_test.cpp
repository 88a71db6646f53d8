// Lexer: tokens, positions, strings, f-strings and t-strings as MicroPython's lexer produces them.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "compiler/lexer.hpp"

namespace xipy::compiler {
namespace {

struct Scanned {
    TokenKind kind;
    std::string text;
    std::size_t line;

    bool operator==(const Scanned&) const = default;
};

// Readable failure messages: kind number, text and line.
void PrintTo(const Scanned& token, std::ostream* stream) {
    *stream << "{" << static_cast<int>(token.kind) << ", \"" << token.text << "\", " << token.line
            << "}";
}

std::vector<Scanned> scan(std::string_view source) {
    Lexer lexer(source);
    std::vector<Scanned> tokens;
    while (true) {
        tokens.push_back({lexer.kind(), std::string(lexer.text()), lexer.line()});
        if (lexer.kind() == TokenKind::end || tokens.size() > 1000) {
            return tokens;
        }
        lexer.advance();
    }
}

std::vector<TokenKind> kinds(std::string_view source) {
    std::vector<TokenKind> result;
    for (const Scanned& token : scan(source)) {
        result.push_back(token.kind);
    }
    return result;
}

TEST(Lexer, IndentationMakesIndentAndDedentTokens) {
    using enum TokenKind;
    EXPECT_EQ(kinds("if x:\n    y\n\n# c\nz\n"),
              (std::vector<TokenKind>{keyword_if, name, delimiter_colon, newline, indent, name,
                                      newline, dedent, name, newline, end}));
    // A tab advances to the next multiple of eight columns.
    EXPECT_EQ(kinds("if x:\n\ty\n        z\n"),
              (std::vector<TokenKind>{keyword_if, name, delimiter_colon, newline, indent, name,
                                      newline, name, newline, dedent, end}));
    EXPECT_EQ(kinds("if x:\n    y\n  z\n")[6], dedent_mismatch);
    // Newlines inside brackets and after a backslash join lines.
    EXPECT_EQ(kinds("(a,\n b)\\\n+c\n"),
              (std::vector<TokenKind>{delimiter_paren_open, name, delimiter_comma, name,
                                      delimiter_paren_close, operator_plus, name, newline, end}));
}

TEST(Lexer, NewlineTokensTakeTheLineTheyEnd) {
    std::vector<Scanned> tokens = scan("# comment\n\nx = 1\r\ny\r");
    EXPECT_EQ(tokens[0].kind, TokenKind::newline);
    EXPECT_EQ(tokens[0].line, 1u);
    EXPECT_EQ(tokens[1].line, 3u);  // x
    EXPECT_EQ(tokens[4].kind, TokenKind::newline);
    EXPECT_EQ(tokens[4].line, 3u);
    EXPECT_EQ(tokens[5].line, 4u);  // y, after a CR LF
}

TEST(Lexer, KeywordsOperatorsAndDebug) {
    using enum TokenKind;
    EXPECT_EQ(kinds("__debug__ async await"),
              (std::vector<TokenKind>{keyword_true, keyword_async, keyword_await, newline, end}));
    EXPECT_EQ(kinds("//= **= >>= <<= -> := != ... .. @= <>"),
              (std::vector<TokenKind>{
                  delimiter_double_slash_equal, delimiter_double_star_equal,
                  delimiter_double_more_equal, delimiter_double_less_equal, delimiter_minus_more,
                  operator_assign, operator_not_equal, ellipsis, delimiter_period, delimiter_period,
                  delimiter_at_equal, operator_less, operator_more, newline, end}));
    EXPECT_EQ(Lexer("__debug__", false).kind(), keyword_false);
    EXPECT_EQ(kinds("!x")[0], invalid);
    EXPECT_EQ(kinds("$")[0], invalid);
}

TEST(Lexer, NumbersKeepTheirTextWithoutUnderscores) {
    std::vector<Scanned> tokens = scan("1_000 0x_ff 1.5e-3 2j .5 1if 0b1e1");
    EXPECT_EQ(tokens[0], (Scanned{TokenKind::integer, "1000", 1}));
    EXPECT_EQ(tokens[1], (Scanned{TokenKind::integer, "0xff", 1}));
    EXPECT_EQ(tokens[2], (Scanned{TokenKind::float_or_imaginary, "1.5e-3", 1}));
    EXPECT_EQ(tokens[3], (Scanned{TokenKind::float_or_imaginary, "2j", 1}));
    EXPECT_EQ(tokens[4], (Scanned{TokenKind::float_or_imaginary, ".5", 1}));
    EXPECT_EQ(tokens[5], (Scanned{TokenKind::integer, "1if", 1}));
    // After 0b, 0o or 0x an 'e' is a digit character, not an exponent.
    EXPECT_EQ(tokens[6], (Scanned{TokenKind::integer, "0b1e1", 1}));
}

TEST(Lexer, StringsDecodeEscapesAndJoin) {
    std::vector<Scanned> tokens = scan("'a\\tb' \"c\" r'\\n' b'\\xff\\u0041' '\\u00e9\\101\\q'");
    EXPECT_EQ(tokens[0], (Scanned{TokenKind::string, "a\tbc\\n", 1}));
    EXPECT_EQ(tokens[1], (Scanned{TokenKind::bytes, "\xff\\u0041", 1}));
    EXPECT_EQ(tokens[2], (Scanned{TokenKind::string,
                                  "\xc3\xa9"
                                  "A\\q",
                                  1}));
    EXPECT_EQ(kinds("'abc")[0], TokenKind::lonely_string_open);
    EXPECT_EQ(kinds("'\\x4'")[0], TokenKind::invalid);
    EXPECT_EQ(kinds("b'\\400'")[0], TokenKind::invalid);
    Lexer lexer("'\\N{BULLET}'");
    EXPECT_TRUE(lexer.has_unicode_name_escape());
}

TEST(Lexer, FStringsBecomeFormatCalls) {
    using enum TokenKind;
    std::vector<Scanned> tokens = scan("f'{a!r:>{w}} {{x}} {b=}'");
    EXPECT_EQ(tokens[0], (Scanned{string, "{!r:>{}} {{x}} b={}", 1}));
    std::vector<TokenKind> expected = {
        string, delimiter_period, name, delimiter_paren_open,
        // (a),(w),(b),
        delimiter_paren_open, name, delimiter_paren_close, delimiter_comma, delimiter_paren_open,
        name, delimiter_paren_close, delimiter_comma, delimiter_paren_open, name,
        delimiter_paren_close, delimiter_comma, delimiter_paren_close, newline, end};
    EXPECT_EQ(kinds("f'{a!r:>{w}} {{x}} {b=}'"), expected);
    // An f-string inside an argument injects its own arguments first.
    std::vector<Scanned> nested = scan("f'{f\"{x}\"}'");
    EXPECT_EQ(nested[5], (Scanned{string, "{}", 1}));
    EXPECT_EQ(nested[10].text, "x");
    EXPECT_EQ(kinds("f'{}'")[0], malformed_fstring);
}

TEST(Lexer, TStringsBecomeTemplateCalls) {
    using enum TokenKind;
    // __template__(('ab=', '', ''), (b), 'b', 'r', '', (c), 'c', None, '{}'.format((w),))
    std::vector<Scanned> tokens = scan("t'a{b=}{c:{w}}'");
    std::vector<Scanned> expected = {{name, "__template__", 1},
                                     {delimiter_paren_open, "", 1},
                                     {delimiter_paren_open, "", 1},
                                     {string, "ab=", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "", 1},
                                     {delimiter_comma, "", 1},
                                     {delimiter_paren_close, "", 1},
                                     {delimiter_comma, "", 1},
                                     {delimiter_paren_open, "", 1},
                                     {name, "b", 1},
                                     {delimiter_paren_close, "", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "b", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "r", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "", 1},
                                     {delimiter_comma, "", 1},
                                     {delimiter_paren_open, "", 1},
                                     {name, "c", 1},
                                     {delimiter_paren_close, "", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "c", 1},
                                     {delimiter_comma, "", 1},
                                     {keyword_none, "None", 1},
                                     {delimiter_comma, "", 1},
                                     {string, "{}", 1},
                                     {delimiter_period, "", 1},
                                     {name, "format", 1},
                                     {delimiter_paren_open, "", 1},
                                     {delimiter_paren_open, "", 1},
                                     {name, "w", 1},
                                     {delimiter_paren_close, "", 1},
                                     {delimiter_comma, "", 1},
                                     {delimiter_paren_close, "", 1},
                                     {delimiter_paren_close, "", 1},
                                     {newline, "", 1},
                                     {end, "", 2}};
    EXPECT_EQ(tokens, expected);
    // A backslash-newline in a literal part is counted again after that part.
    std::vector<Scanned> continued = scan("t'a\\\nb{x}'\ny\n");
    EXPECT_EQ(continued[3], (Scanned{string, "ab", 2}));
    EXPECT_EQ(continued[4].line, 3u);
    EXPECT_EQ(continued.back().line, 5u);
    EXPECT_EQ(kinds("t'{ }'")[0], malformed_fstring);
    EXPECT_EQ(kinds("t'a}'")[0], malformed_fstring);
    EXPECT_EQ(kinds("t'{x'")[0], malformed_fstring);
    EXPECT_EQ(kinds("t'a' 'b'")[0], invalid);
    EXPECT_EQ(kinds("t'a' ''")[0], name);
    // Other prefixes with t are names followed by a string.
    EXPECT_EQ(kinds("ft'x'")[0], name);
}

}  // namespace
}  // namespace xipy::compiler
