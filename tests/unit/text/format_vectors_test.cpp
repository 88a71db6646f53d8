// Checks format(), str.format specs, %-formatting and repr against vectors from the reference VM.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "number/big_integer.hpp"
#include "number/float_format.hpp"
#include "text/format_spec.hpp"
#include "text/integer_text.hpp"
#include "text/percent_format.hpp"
#include "text/string_sink.hpp"
#include "text/utf8_text.hpp"

namespace xipy::text {
namespace {

// tools/text_format_vectors.py describes the line format.
std::vector<std::string> read_vectors() {
    std::vector<std::string> lines;
    std::ifstream file(std::filesystem::path(__FILE__).parent_path() / "data" /
                       "text_format_vectors.txt");
    for (std::string line; std::getline(file, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

std::string unhex(const std::string& hex) {
    std::string bytes;
    if (hex == "-") {
        return bytes;
    }
    for (std::size_t index = 0; index + 1 < hex.size(); index += 2) {
        bytes.push_back(static_cast<char>(std::stoi(hex.substr(index, 2), nullptr, 16)));
    }
    return bytes;
}

const char* exception_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::value_error:
            return "ValueError";
        case ErrorKind::type_error:
            return "TypeError";
        case ErrorKind::index_error:
            return "IndexError";
        case ErrorKind::key_error:
            return "KeyError";
        case ErrorKind::overflow_error:
            return "OverflowError";
        case ErrorKind::not_implemented_error:
            return "NotImplementedError";
        case ErrorKind::memory_error:
            return "MemoryError";
    }
    return "?";
}

// A Python value of the kinds the vectors use.
struct TestValue {
    char kind = 'i';
    number::BigInteger integer;
    double real = 0;
    std::string text;
};

TestValue read_value(std::istringstream& fields) {
    TestValue value;
    std::string encoded;
    fields >> value.kind >> encoded;
    if (value.kind == 'i' || value.kind == 'b') {
        value.integer = number::BigInteger::parse(encoded, 10).value();
    } else if (value.kind == 'f') {
        value.real =
            std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(encoded, nullptr, 16)));
    } else {
        value.text = unhex(encoded);
    }
    return value;
}

std::string read_expected(std::istringstream& fields) {
    std::string marker;
    std::string first;
    fields >> marker >> first;
    if (marker == "=") {
        return unhex(first);
    }
    std::string message;
    fields >> message;
    return "!" + first + " " + unhex(message);
}

std::string describe(const Error& failure) {
    return std::string("!") + exception_name(failure.kind) + " " + std::string(failure.message);
}

// str(x) for the test values, as MicroPython prints them.
std::string str_of(const TestValue& value) {
    std::string out;
    StringSink sink(out);
    if (value.kind == 'b') {
        return value.integer.is_zero() ? "False" : "True";
    }
    if (value.kind == 'i') {
        EXPECT_TRUE(write_big_integer(value.integer, 10, false, sink).ok());
    } else if (value.kind == 'f') {
        char buffer[number::max_float_text_length];
        out.assign(buffer, number::format_float_repr(value.real, buffer));
    } else {
        out = value.text;
    }
    return out;
}

// What the object layer will do for one str.format field.
std::string format_field(const std::string& spec_text, const TestValue& value) {
    std::string out;
    StringSink sink(out);
    Result<FormatSpec> spec = parse_format_spec(spec_text);
    if (!spec.ok()) {
        return describe(spec.error());
    }
    Status status = succeeded();
    if (spec_text.empty()) {
        status = format_text(str_of(value), spec.value(), sink);
    } else if (value.kind == 'i' || value.kind == 'b') {
        status =
            format_integer(value.integer, spec.value(), value.kind == 'b' ? "bool" : "int", sink);
    } else if (value.kind == 'f') {
        status = format_float(value.real, spec.value(), sink);
    } else {
        status = format_text(value.text, spec.value(), sink);
    }
    return status.ok() ? out : describe(status.error());
}

// The % operand: star arguments then the value, as the object layer will hold them.
class TestPercentArguments final : public PercentArguments {
  public:
    TestPercentArguments(std::vector<std::int64_t> stars, TestValue value)
        : stars_(std::move(stars)), value_(std::move(value)) {}

    std::size_t positional_count() const override { return stars_.size() + 1; }
    bool is_mapping() const override { return false; }
    Result<std::int64_t> integer_at(std::size_t index) override {
        if (index < stars_.size()) {
            return stars_[index];
        }
        return Error{ErrorKind::type_error, "not a star argument"};
    }
    Status write_positional(std::size_t, const PercentSpec& spec, TextSink& sink) override {
        switch (spec.conversion) {
            case 'd':
            case 'i':
            case 'u':
                if (value_.kind == 'f') {
                    return write_percent_integer(
                        number::BigInteger::from_double(value_.real).value(), spec, sink);
                }
                return write_percent_integer(value_.integer, spec, sink);
            case 'x':
            case 'X':
            case 'o':
                return write_percent_integer(value_.integer, spec, sink);
            case 'c':
                if (value_.kind == 's') {
                    return write_percent_char(value_.text, spec, sink);
                }
                return write_percent_char_code(value_.integer.to_int64(), spec, sink);
            case 'r': {
                std::string repr;
                StringSink repr_sink(repr);
                XIPY_CHECK(write_str_repr(value_.text, repr_sink));
                return write_percent_text(repr, spec, sink);
            }
            case 's':
                return write_percent_text(str_of(value_), spec, sink);
            default:
                return write_percent_float(
                    value_.kind == 'f' ? value_.real : value_.integer.to_double(), spec, sink);
        }
    }
    Status write_keyed(std::string_view, const PercentSpec&, TextSink&) override {
        return Error{ErrorKind::type_error, "no mapping"};
    }

  private:
    std::vector<std::int64_t> stars_;
    TestValue value_;
};

TEST(TextFormatVectors, MatchTheReference) {
    std::vector<std::string> lines = read_vectors();
    ASSERT_GT(lines.size(), 5000u) << "missing tests/unit/text/data/text_format_vectors.txt";
    int format_count = 0;
    int percent_count = 0;
    int repr_count = 0;
    int failures = 0;
    for (const std::string& line : lines) {
        std::istringstream fields(line);
        std::string tag;
        fields >> tag;
        std::string actual;
        std::string expected;
        if (tag == "F") {
            std::string spec;
            fields >> spec;
            TestValue value = read_value(fields);
            expected = read_expected(fields);
            actual = format_field(unhex(spec), value);
            ++format_count;
        } else if (tag == "P") {
            std::string conversion;
            fields >> conversion;
            TestValue value = read_value(fields);
            std::vector<std::int64_t> stars;
            std::string star;
            fields >> star;
            if (star != "-") {
                stars.push_back(std::stoll(star));
                std::size_t star_count = 0;
                for (char character : unhex(conversion)) {
                    star_count += character == '*' ? 1 : 0;
                }
                for (std::size_t index = 1; index < star_count; ++index) {
                    fields >> star;
                    stars.push_back(std::stoll(star));
                }
            }
            expected = read_expected(fields);
            TestPercentArguments arguments(std::move(stars), value);
            StringSink sink(actual);
            Status status = format_percent("%" + unhex(conversion), arguments, sink);
            if (!status.ok()) {
                actual = describe(status.error());
            }
            ++percent_count;
        } else {
            std::string input;
            std::string repr;
            fields >> input >> repr;
            expected = unhex(repr);
            StringSink sink(actual);
            Status status = tag == "R" ? write_str_repr(unhex(input), sink)
                                       : write_bytes_repr(unhex(input), sink);
            EXPECT_TRUE(status.ok());
            ++repr_count;
        }
        if (actual != expected && ++failures <= 40) {
            ADD_FAILURE() << line << "\n  expected: [" << expected << "]\n  actual:   [" << actual
                          << "]";
        }
    }
    EXPECT_EQ(failures, 0);
    EXPECT_GT(format_count, 3000);
    EXPECT_GT(percent_count, 1000);
    EXPECT_GT(repr_count, 20);
}

}  // namespace
}  // namespace xipy::text
