// Result<T>: a value or an Error, returned instead of throwing; the one result type below object.
#pragma once

#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <variant>

#include "support/error.hpp"

namespace xipy::support {

// Core code builds with -fno-exceptions, so fallible functions return
// Result<T>. It is [[nodiscard]] so a failure cannot be ignored silently.
// From the object layer up, the failure is a Python exception kept in the
// runtime instead, and object/result.hpp gives the same family's
// Result<Value> and Status for it; both work with XIPY_TRY and XIPY_CHECK.
// Accessing the wrong alternative is a programming error and asserts.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

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
    const Error& error() const {
        assert(!ok());
        return *std::get_if<1>(&state_);
    }

    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

  private:
    std::variant<T, Error> state_;
};

// Result<void>: success carries no value.
struct Success {};
using Status = Result<Success>;

inline Status succeeded() { return Success{}; }

inline Error make_error(std::size_t offset, std::string_view message) {
    return Error{ErrorKind::value_error, ScratchString(message), offset};
}

// The message joined from pieces in scratch memory (DecimalText for numbers), no std::string.
inline Error make_error(std::size_t offset, std::initializer_list<std::string_view> pieces) {
    return Error{ErrorKind::value_error, join_text(pieces), offset};
}

}  // namespace xipy::support

// Propagates a failed Result from the enclosing function:
//   XIPY_TRY(auto header, read_header(reader));
#define XIPY_TRY_CONCAT_INNER(a, b) a##b
#define XIPY_TRY_CONCAT(a, b) XIPY_TRY_CONCAT_INNER(a, b)
#define XIPY_TRY_IMPL(result_name, declaration, expression) \
    auto result_name = (expression);                        \
    if (!result_name.ok()) {                                \
        return result_name.error();                         \
    }                                                       \
    declaration = std::move(result_name.value())
#define XIPY_TRY(declaration, expression) \
    XIPY_TRY_IMPL(XIPY_TRY_CONCAT(xipy_try_result_, __LINE__), declaration, expression)

// Propagates a failed Result (of any type) from the enclosing function, dropping a value:
//   XIPY_CHECK(sink.write(text));
#define XIPY_CHECK(expression)                 \
    do {                                       \
        auto xipy_check_result = (expression); \
        if (!xipy_check_result.ok()) {         \
            return xipy_check_result.error();  \
        }                                      \
    } while (false)
