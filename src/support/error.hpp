// A failure description that names where in the input it happened and why.
#pragma once

#include <cstddef>
#include <string>

namespace xipy::support {

// An error from reading or checking untrusted input.
//
// `offset` is the byte offset in the input the error refers to, or
// `no_offset` when the error is not about a position (for example a
// limit set by the host). `message` is a short lower-case reason in
// MicroPython's wording where MicroPython has one.
struct Error {
    static constexpr std::size_t no_offset = static_cast<std::size_t>(-1);

    std::size_t offset = no_offset;
    std::string message;

    // "message at offset N" or just "message".
    std::string describe() const {
        if (offset == no_offset) {
            return message;
        }
        return message + " at offset " + std::to_string(offset);
    }
};

}  // namespace xipy::support
