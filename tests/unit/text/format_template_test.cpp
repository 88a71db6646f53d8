// str.format templates and %-format parsing; expected texts come from the reference VM
// (MicroPython 1.27 via tests/reference/micropython.mjs).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "number/big_integer.hpp"
#include "text/format_template.hpp"
#include "text/integer_text.hpp"
#include "text/percent_format.hpp"
#include "text/string_sink.hpp"

namespace xipy::text {
namespace {

// Arguments that are ints (as the object layer will format them) or strs.
struct Argument {
    bool is_text = false;
    std::int64_t integer = 0;
    std::string text;
};

Argument integer(std::int64_t value) { return Argument{false, value, {}}; }
Argument text(std::string value) { return Argument{true, 0, std::move(value)}; }

Status write_argument(const Argument& argument, char conversion, const FormatSpec& spec,
                      TextSink& sink) {
    if (argument.is_text && conversion != 'r') {
        return format_text(argument.text, spec, sink);
    }
    if (argument.is_text) {
        return format_text("'" + argument.text + "'", spec, sink);
    }
    number::BigInteger value = number::BigInteger::from_int64(argument.integer);
    if (conversion != '\0') {
        std::string digits;
        StringSink digits_sink(digits);
        XIPY_CHECK(write_big_integer(value, 10, false, digits_sink));
        return format_text(digits, spec, sink);
    }
    return format_integer(value, spec, "int", sink);
}

class TestArguments final : public FormatArguments {
  public:
    TestArguments(std::vector<Argument> positional, std::map<std::string, Argument> keywords)
        : positional_(std::move(positional)) {
        for (auto& [name, value] : keywords) {
            names_.push_back(name);
            keyword_values_.push_back(value);
        }
    }
    std::size_t positional_count() const override { return positional_.size(); }
    Result<std::size_t> find_keyword(std::string_view name) override {
        for (std::size_t index = 0; index < names_.size(); ++index) {
            if (names_[index] == name) {
                return index;
            }
        }
        return Error{ErrorKind::key_error, support::ScratchString(name)};
    }
    Status write_field(FieldArgument argument, char conversion, const FormatSpec& spec,
                       TextSink& sink) override {
        const Argument& value =
            argument.is_keyword ? keyword_values_[argument.id] : positional_[argument.id];
        return write_argument(value, conversion, spec, sink);
    }

  private:
    std::vector<Argument> positional_;
    std::vector<std::string> names_;
    std::vector<Argument> keyword_values_;
};

std::string format(const std::string& pattern, std::vector<Argument> positional,
                   std::map<std::string, Argument> keywords = {}) {
    TestArguments arguments(std::move(positional), std::move(keywords));
    std::string out;
    StringSink sink(out);
    Status status = format_template(pattern, arguments, sink);
    return status.ok() ? out : "!" + std::string(status.error().message);
}

TEST(FormatTemplate, ExpandsFieldsLikeTheReference) {
    EXPECT_EQ(format("}}{{", {}), "}{");
    EXPECT_EQ(format("a{}b{}c", {integer(1), text("x")}), "a1bxc");
    EXPECT_EQ(format("{0}{1}{0}", {text("x"), text("y")}), "xyx");
    EXPECT_EQ(format("{0:{1}.{2}s}", {text("abcdef"), integer(10), integer(2)}), "ab        ");
    EXPECT_EQ(format("{:{}}", {integer(1234567), integer(3)}), "1234567");
    EXPECT_EQ(format("{:{}}", {integer(-5), integer(3)}), " -5");
    EXPECT_EQ(format("{:{}{}}", {integer(1), text(">"), integer(5)}), "    1");
    EXPECT_EQ(format("{a:{b}}", {}, {{"a", integer(1)}, {"b", integer(5)}}), "    1");
    EXPECT_EQ(format("{!r:>10}", {text("a")}), "       'a'");
    EXPECT_EQ(format("{:,d}", {integer(1234567)}), "1,234,567");
}

TEST(FormatTemplate, ReportsTheReferenceErrors) {
    EXPECT_EQ(format("{", {integer(1)}), "!unmatched '{' in format");
    EXPECT_EQ(format("}", {integer(1)}), "!single '}' encountered in format string");
    EXPECT_EQ(format("{}}", {integer(1)}), "!single '}' encountered in format string");
    EXPECT_EQ(format("{:}}", {integer(1)}), "!single '}' encountered in format string");
    EXPECT_EQ(format("{:5", {integer(1)}), "!unmatched '{' in format");
    EXPECT_EQ(format("{0!r", {integer(1)}), "!unmatched '{' in format");
    EXPECT_EQ(format("{0!", {integer(1)}), "!end of format while looking for conversion specifier");
    EXPECT_EQ(format("{0!}", {integer(1)}), "!unknown conversion specifier }");
    EXPECT_EQ(format("{!a}", {integer(1)}), "!unknown conversion specifier a");
    EXPECT_EQ(format("{!rx}", {integer(1)}), "!expected ':' after format specifier");
    EXPECT_EQ(format("{0}{}", {integer(1)}),
              "!can't switch from manual field specification to automatic field numbering");
    EXPECT_EQ(format("{}{0}", {integer(1)}),
              "!can't switch from automatic field numbering to manual field specification");
    EXPECT_EQ(format("{5}", {integer(1)}), "!tuple index out of range");
    EXPECT_EQ(format("{}{}", {integer(1)}), "!tuple index out of range");
    EXPECT_EQ(format("{0.x}", {integer(1)}), "!attributes not supported");
    EXPECT_EQ(format("{0[0]}", {integer(1)}), "!attributes not supported");
    EXPECT_EQ(format("{0a}", {integer(1)}), "!attributes not supported");
    EXPECT_EQ(format("{a}", {integer(1)}), "!a");
    EXPECT_EQ(format("{-1}", {integer(1)}), "!-1");
    EXPECT_EQ(format("{:xx}", {integer(1)}), "!invalid format specifier");
    EXPECT_EQ(format("{0:{{}}}", {integer(1)}), "!invalid format specifier");
    EXPECT_EQ(format("{:{:{}}}", {integer(1), integer(2), integer(3)}),
              "!invalid format specifier");
}

// A % operand: a tuple of ints/strs, or a dict when `mapping` is set.
class TestPercent final : public PercentArguments {
  public:
    TestPercent(std::vector<Argument> positional, bool mapping = false,
                std::map<std::string, Argument> keyed = {})
        : positional_(std::move(positional)), mapping_(mapping), keyed_(std::move(keyed)) {}
    std::size_t positional_count() const override { return positional_.size(); }
    bool is_mapping() const override { return mapping_; }
    Result<std::int64_t> integer_at(std::size_t index) override {
        if (positional_[index].is_text) {
            return Error{ErrorKind::type_error, "can't convert str to int"};
        }
        return positional_[index].integer;
    }
    Status write_positional(std::size_t index, const PercentSpec& spec, TextSink& sink) override {
        return write(positional_[index], spec, sink);
    }
    Status write_keyed(std::string_view key, const PercentSpec& spec, TextSink& sink) override {
        auto found = keyed_.find(std::string(key));
        if (found == keyed_.end()) {
            return Error{ErrorKind::key_error, support::ScratchString(key)};
        }
        return write(found->second, spec, sink);
    }

  private:
    static Status write(const Argument& argument, const PercentSpec& spec, TextSink& sink) {
        if (argument.is_text) {
            return write_percent_text(argument.text, spec, sink);
        }
        if (spec.conversion == 's' || spec.conversion == 'r') {
            return write_percent_text(std::to_string(argument.integer), spec, sink);
        }
        return write_percent_integer(number::BigInteger::from_int64(argument.integer), spec, sink);
    }
    std::vector<Argument> positional_;
    bool mapping_;
    std::map<std::string, Argument> keyed_;
};

std::string percent(const std::string& pattern, TestPercent arguments) {
    std::string out;
    StringSink sink(out);
    Status status = format_percent(pattern, arguments, sink);
    return status.ok() ? out : "!" + std::string(status.error().message);
}

TEST(PercentFormat, FormatsLikeTheReference) {
    EXPECT_EQ(percent("%%%d", TestPercent({integer(5)})), "%5");
    EXPECT_EQ(percent("%*d", TestPercent({integer(5), integer(3)})), "    3");
    EXPECT_EQ(percent("%-*d|", TestPercent({integer(5), integer(3)})), "3    |");
    EXPECT_EQ(percent("%*d|", TestPercent({integer(-5), integer(3)})), "3|");
    EXPECT_EQ(percent("%.*s", TestPercent({integer(-1), text("abc")})), "abc");
    EXPECT_EQ(percent("%0-6d|", TestPercent({integer(5)})), "500000|");
    EXPECT_EQ(percent("%08.3d", TestPercent({integer(5)})), "00000005");
    EXPECT_EQ(percent("%8.3d", TestPercent({integer(-5)})), "    -005");
    EXPECT_EQ(percent("%#05x", TestPercent({integer(5)})), "0x005");
    EXPECT_EQ(percent("%(a)s%(b)d",
                      TestPercent({text("{...}")}, true, {{"a", text("x")}, {"b", integer(2)}})),
              "x2");
    EXPECT_EQ(percent("abc", TestPercent({text("{...}")}, true)), "abc");
    EXPECT_EQ(percent("%s", TestPercent({text("{'a': 1}")}, true)), "{'a': 1}");
}

TEST(PercentFormat, ReportsTheReferenceErrors) {
    EXPECT_EQ(percent("%s %s", TestPercent({integer(1)})), "!format string needs more arguments");
    EXPECT_EQ(percent("%s", TestPercent({integer(1), integer(2)})),
              "!format string didn't convert all arguments");
    EXPECT_EQ(percent("abc", TestPercent({integer(5)})),
              "!format string didn't convert all arguments");
    EXPECT_EQ(percent("%(a)s", TestPercent({integer(1)})), "!format needs a dict");
    EXPECT_EQ(percent("%(a)s %s", TestPercent({text("{}")}, true, {{"a", integer(1)}})),
              "!format string needs more arguments");
    EXPECT_EQ(percent("%(a)*d", TestPercent({text("{}")}, true, {{"a", integer(1)}})),
              "!format string needs more arguments");
    EXPECT_EQ(percent("%(a", TestPercent({text("{}")}, true)), "!incomplete format key");
    EXPECT_EQ(percent("%", TestPercent({})), "!incomplete format");
    EXPECT_EQ(percent("%5", TestPercent({integer(1)})), "!incomplete format");
    EXPECT_EQ(percent("%5%", TestPercent({})), "!format string needs more arguments");
    EXPECT_EQ(percent("%y", TestPercent({integer(1)})),
              "!unsupported format character 'y' (0x79) at index 1");
    EXPECT_EQ(percent("%\xc3\xa9", TestPercent({integer(1)})),
              "!unsupported format character '\xc3' (0xc3) at index 1");
    EXPECT_EQ(percent("%*d", TestPercent({text("a"), integer(3)})), "!can't convert str to int");
}

TEST(PercentFormat, StopsWhenTheSinkIsFull) {
    std::string out;
    StringSink sink(out, 4);
    TestPercent arguments({integer(5)});
    Status status = format_percent("%10d", arguments, sink);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::memory_error);
}

}  // namespace
}  // namespace xipy::text
