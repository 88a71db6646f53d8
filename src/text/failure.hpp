// Failure and Outcome<T>: how text algorithms report a Python exception without throwing.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace xipy::text {

// The Python exception a failure becomes. memory_error means the output sink refused
// more text; the caller usually already knows why (its heap limit) and raises its own.
enum class ErrorKind : std::uint8_t {
    value_error,
    type_error,
    index_error,
    key_error,
    overflow_error,
    not_implemented_error,
    memory_error,
};

// A Python exception to raise: its type and MicroPython's exact message text.
struct Failure {
    ErrorKind kind = ErrorKind::value_error;
    std::string message;
};

inline Failure sink_full() { return Failure{ErrorKind::memory_error, "memory allocation failed"}; }

// Success carries no value.
struct Done {};

// A value or a Failure. [[nodiscard]] so a raised exception cannot be dropped silently;
// reading the wrong alternative is a programming error and asserts.
template <typename T>
class [[nodiscard]] Outcome {
  public:
    Outcome(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Outcome(Failure failure) : state_(std::in_place_index<1>, std::move(failure)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() {
        assert(ok());
        return *std::get_if<0>(&state_);
    }
    const T& value() const {
        assert(ok());
        return *std::get_if<0>(&state_);
    }
    const Failure& failure() const {
        assert(!ok());
        return *std::get_if<1>(&state_);
    }

  private:
    std::variant<T, Failure> state_;
};

using Status = Outcome<Done>;

inline Status succeeded() { return Done{}; }

}  // namespace xipy::text

// Propagates a failed Outcome from the enclosing function (which returns any Outcome).
#define XIPY_TEXT_CHECK(expression)            \
    do {                                       \
        auto xipy_text_status = (expression);  \
        if (!xipy_text_status.ok()) {          \
            return xipy_text_status.failure(); \
        }                                      \
    } while (false)
