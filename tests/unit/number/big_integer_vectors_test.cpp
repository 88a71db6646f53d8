// Checks BigInteger against vectors computed by the reference MicroPython and by CPython.
//
// The vector files are written by tools/big_integer_vectors.py (see its header for the line
// format), from the repository root:
//   node tests/reference/micropython.mjs tools/big_integer_vectors.py
//       writes tests/unit/number/data/big_integer_vectors.txt (redirect stdout), and
//   python3 tools/big_integer_vectors.py
//       writes tests/unit/number/data/big_integer_cpython_vectors.txt,
// which holds only the operations where xipy deliberately follows CPython.
#include <gtest/gtest.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "number/big_integer.hpp"

namespace xipy::number {
namespace {

std::filesystem::path data_path(const char* name) {
    return std::filesystem::path(__FILE__).parent_path() / "data" / name;
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream stream(line);
    std::string field;
    while (stream >> field) {
        fields.push_back(field);
    }
    return fields;
}

BigInteger integer(const std::string& text) {
    auto parsed = BigInteger::parse(text, 10);
    EXPECT_TRUE(parsed.ok()) << text;
    return parsed.ok() ? *parsed : BigInteger();
}

std::vector<std::uint8_t> bytes_of(const std::string& token) {
    std::vector<std::uint8_t> bytes;
    for (std::size_t index = 1; index + 1 < token.size(); index += 2) {
        bytes.push_back(static_cast<std::uint8_t>(std::stoul(token.substr(index, 2), nullptr, 16)));
    }
    return bytes;
}

std::string hex_of(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text = "x";
    for (std::uint8_t byte : bytes) {
        text += digits[byte >> 4];
        text += digits[byte & 0xf];
    }
    return text;
}

double double_of(const std::string& token) {
    return std::bit_cast<double>(std::stoull(token.substr(1), nullptr, 16));
}

std::string token_of(double value) {
    std::vector<std::uint8_t> bytes(8);
    auto bits = std::bit_cast<std::uint64_t>(value);
    for (int index = 0; index < 8; ++index) {
        bytes[static_cast<std::size_t>(index)] =
            static_cast<std::uint8_t>(bits >> (56 - 8 * index));
    }
    return "d" + hex_of(bytes).substr(1);
}

// "error TYPE MESSAGE" as the vector files write a failure; support::Error carries no type.
std::string describe_error(const support::Error& error) {
    return "error " + std::string(error.message);
}

template <typename T, typename Format>
std::string describe(const support::Result<T>& result, Format format) {
    return result.ok() ? format(*result) : describe_error(result.error());
}

std::string decimal(const BigInteger& value) { return std::string(value.to_string()); }

// The expected text after `operand_count` operands, with the error type dropped.
std::string expected_text(const std::vector<std::string>& fields, std::size_t operand_count) {
    std::string text;
    for (std::size_t index = 1 + operand_count; index < fields.size(); ++index) {
        if (index == 2 + operand_count && fields[1 + operand_count] == "error") {
            continue;
        }
        text += (text.empty() ? "" : " ") + fields[index];
    }
    return text;
}

// The result of one vector line as text in the file's notation, or "" for an unknown
// operation.
std::string evaluate(const std::vector<std::string>& fields, std::size_t& operand_count) {
    const std::string& operation = fields[0];
    auto operand = [&](std::size_t index) { return integer(fields[index]); };
    auto count = [&](std::size_t index) { return std::stoull(fields[index]); };
    operand_count = 2;
    if (operation == "add") return decimal(operand(1) + operand(2));
    if (operation == "sub") return decimal(operand(1) - operand(2));
    if (operation == "mul") return decimal(operand(1) * operand(2));
    if (operation == "and") return decimal(operand(1) & operand(2));
    if (operation == "or") return decimal(operand(1) | operand(2));
    if (operation == "xor") return decimal(operand(1) ^ operand(2));
    if (operation == "floordiv") return describe(floor_divide(operand(1), operand(2)), decimal);
    if (operation == "mod") return describe(modulo(operand(1), operand(2)), decimal);
    if (operation == "divmod") {
        return describe(divide_with_remainder(operand(1), operand(2)),
                        [](const QuotientAndRemainder& result) {
                            return decimal(result.quotient) + " " + decimal(result.remainder);
                        });
    }
    if (operation == "compare") {
        auto order = operand(1) <=> operand(2);
        return order < 0 ? "-1" : order > 0 ? "1" : "0";
    }
    if (operation == "lshift") return decimal(operand(1) << count(2));
    if (operation == "rshift") return decimal(operand(1) >> count(2));
    if (operation == "pow") return decimal(power(operand(1), count(2)));
    if (operation == "format")
        return std::string(operand(1).to_string(static_cast<int>(count(2)), true));
    if (operation == "compare_float") {
        auto order = operand(1).compare(double_of(fields[2]));
        return order < 0 ? "<" : order > 0 ? ">" : order == 0 ? "=" : "?";
    }
    if (operation == "truediv") {
        return describe(true_divide(operand(1), operand(2)), token_of);
    }
    if (operation == "parse") {
        std::vector<std::uint8_t> bytes = bytes_of(fields[1]);
        std::string text(bytes.begin(), bytes.end());
        return describe(BigInteger::parse(text, static_cast<int>(std::stoll(fields[2]))), decimal);
    }
    operand_count = 3;
    if (operation == "powmod") {
        return describe(power_modulo(operand(1), operand(2), operand(3)), decimal);
    }
    if (operation == "from_bytes") {
        ByteOrder order = fields[2] == "little" ? ByteOrder::little : ByteOrder::big;
        return decimal(BigInteger::from_bytes(bytes_of(fields[1]), order, fields[3] == "1"));
    }
    operand_count = 4;
    if (operation == "to_bytes") {
        ByteOrder order = fields[3] == "little" ? ByteOrder::little : ByteOrder::big;
        return describe(operand(1).to_bytes(count(2), order, fields[4] == "1"), hex_of);
    }
    operand_count = 1;
    if (operation == "neg") return decimal(-operand(1));
    if (operation == "abs") return decimal(operand(1).absolute());
    if (operation == "invert") return decimal(~operand(1));
    if (operation == "bitlength") return std::to_string(operand(1).bit_length());
    if (operation == "from_float") {
        return describe(BigInteger::from_double(double_of(fields[1])), decimal);
    }
    if (operation == "to_float") {
        return describe(operand(1).to_finite_double(), token_of);
    }
    return "";
}

void check_vector_file(const char* name, std::size_t minimum_lines) {
    std::filesystem::path path = data_path(name);
    std::ifstream file(path);
    ASSERT_TRUE(file.is_open()) << "missing vector file " << path
                                << " (see tools/big_integer_vectors.py)";
    std::string line;
    std::size_t line_number = 0;
    std::size_t failures = 0;
    while (std::getline(file, line)) {
        ++line_number;
        std::vector<std::string> fields = split(line);
        ASSERT_FALSE(fields.empty()) << name << ":" << line_number << ": empty line";
        std::size_t operand_count = 0;
        std::string actual = evaluate(fields, operand_count);
        ASSERT_NE(actual, "") << name << ":" << line_number << ": unknown operation";
        std::string expected = expected_text(fields, operand_count);
        // MicroPython quotes the rest of the text in parse errors, which may hold spaces, so
        // compare the whole line's tail rather than a split field.
        if (fields[0] == "parse" && actual.rfind("error ", 0) == 0) {
            std::string error_type = fields[4];
            std::string prefix =
                fields[0] + " " + fields[1] + " " + fields[2] + " error " + error_type + " ";
            expected = "error " + line.substr(std::min(prefix.size(), line.size()));
        }
        if (actual != expected) {
            ++failures;
            if (failures <= 20) {
                ADD_FAILURE() << name << ":" << line_number << ": " << line.substr(0, 300)
                              << "\n  got: " << actual.substr(0, 300);
            }
        }
    }
    EXPECT_GE(line_number, minimum_lines) << name << " is truncated";
    EXPECT_EQ(failures, 0u);
}

TEST(BigIntegerVectors, MatchMicroPython) { check_vector_file("big_integer_vectors.txt", 10000); }

TEST(BigIntegerVectors, MatchCPythonWhereXipyFollowsCPython) {
    check_vector_file("big_integer_cpython_vectors.txt", 3000);
}

}  // namespace
}  // namespace xipy::number
