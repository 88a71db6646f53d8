// Reads the reference-generated float vector files in tests/unit/number/data/.
#pragma once

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace xipy::number::testing {

inline std::filesystem::path float_vector_path(const char* name) {
    return std::filesystem::path(__FILE__).parent_path() / "data" / name;
}

// All lines of a vector file; empty when it is missing, which the tests treat as failure.
inline std::vector<std::string> read_vector_lines(const char* name) {
    std::vector<std::string> lines;
    std::ifstream file(float_vector_path(name));
    for (std::string line; std::getline(file, line);) {
        if (!line.empty()) {
            lines.push_back(line);
        }
    }
    return lines;
}

inline double double_from_hex_bits(const std::string& hex) {
    return std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(hex, nullptr, 16)));
}

}  // namespace xipy::number::testing
