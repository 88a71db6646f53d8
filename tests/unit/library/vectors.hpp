// Reads the reference-computed vector files of tests/unit/library/data.
#pragma once

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace xipy::library::testing {

// The lines of data/NAME; a missing or empty file is a test failure, never a skip.
inline std::vector<std::string> read_vector_lines(const char* name) {
    std::filesystem::path path = std::filesystem::path(__FILE__).parent_path() / "data" / name;
    std::ifstream file(path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(file, line)) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    EXPECT_FALSE(lines.empty()) << "missing or empty vector file " << path;
    return lines;
}

// What follows " error " in a vector line: "TYPE MESSAGE".
inline std::string error_text_of(const std::string& line) {
    std::size_t at = line.find(" error ");
    return at == std::string::npos ? std::string() : line.substr(at + 7);
}

inline std::vector<std::string> split_fields(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream stream(line);
    std::string field;
    while (stream >> field) {
        fields.push_back(field);
    }
    return fields;
}

// "x" + hex digits -> bytes.
inline std::vector<std::uint8_t> bytes_of(const std::string& token) {
    EXPECT_TRUE(!token.empty() && token[0] == 'x') << token;
    std::vector<std::uint8_t> bytes;
    for (std::size_t index = 1; index + 1 < token.size(); index += 2) {
        bytes.push_back(static_cast<std::uint8_t>(std::stoul(token.substr(index, 2), nullptr, 16)));
    }
    return bytes;
}

inline std::string text_of(const std::string& token) {
    std::vector<std::uint8_t> bytes = bytes_of(token);
    return std::string(bytes.begin(), bytes.end());
}

template <typename Bytes>
std::string hex_of(const Bytes& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text = "x";
    for (auto byte : bytes) {
        auto value = static_cast<std::uint8_t>(byte);
        text += digits[value >> 4];
        text += digits[value & 0xf];
    }
    return text;
}

// "d" + 16 hex digits of the IEEE bits -> double.
inline double double_of(const std::string& token) {
    EXPECT_TRUE(token.size() == 17 && token[0] == 'd') << token;
    return std::bit_cast<double>(std::stoull(token.substr(1), nullptr, 16));
}

inline std::uint64_t bits_of(double value) { return std::bit_cast<std::uint64_t>(value); }

// A decimal integer of any size, reduced modulo 2^64 (two's complement for negatives).
inline std::uint64_t low_bits_of(const std::string& decimal) {
    bool negative = !decimal.empty() && decimal[0] == '-';
    std::uint64_t value = 0;
    for (std::size_t index = negative ? 1 : 0; index < decimal.size(); ++index) {
        value = value * 10 + static_cast<std::uint64_t>(decimal[index] - '0');
    }
    return negative ? 0 - value : value;
}

}  // namespace xipy::library::testing
