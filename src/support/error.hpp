// Error: why something failed, as the Python exception it becomes and where in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "support/scratch_allocator.hpp"

namespace xipy::support {

// The Python exception an Error becomes when it reaches Python code. memory_error from a
// text algorithm means its output sink refused more text; the caller usually already knows
// why (its heap limit) and raises its own.
enum class ErrorKind : std::uint8_t {
    value_error,
    type_error,
    index_error,
    key_error,
    overflow_error,
    not_implemented_error,
    memory_error,
};

// An error from reading, checking or transforming untrusted input.
//
// `message` is a short lower-case reason in MicroPython's wording where MicroPython has
// one (for text algorithms, exactly MicroPython's exception text). `offset` is the byte
// offset in the input the error refers to, or `no_offset` when the error is not about a
// position (for example a limit set by the host). The message lives in scratch memory: an
// Error is made and turned into an exception or a report within one piece of work.
struct Error {
    static constexpr std::size_t no_offset = static_cast<std::size_t>(-1);

    ErrorKind kind = ErrorKind::value_error;
    ScratchString message;
    std::size_t offset = no_offset;

    // "message at offset N" or just "message".
    std::string describe() const {
        std::string text(message);
        if (offset != no_offset) {
            text += " at offset " + std::to_string(offset);
        }
        return text;
    }
};

}  // namespace xipy::support
