// Result<Value> and Status: the [[nodiscard]] results of operations that may raise a Python
// exception.
#pragma once

#include <cassert>

#include "object/value.hpp"

namespace xipy::object {

// The one result family has two homes (docs/vm-internals.md, "The error convention"):
//
//   * Below object, support::Result<T> carries its failure, a support::Error, by value:
//     there is no runtime to hold it.
//   * From object up, the failure is a Python exception, and it lives in the Runtime
//     (Runtime::exception()). The result only has to say *that* one is pending, so
//     object::Result<Value> is one Value wide: Value::empty() means "raised". It costs
//     nothing over returning the plain Value (same size, trivially copyable, returned in a
//     register), the way Hermes's CallResult<HermesValue> does.
//
// Both families have the same surface (ok(), value(), operator*, error()), so XIPY_TRY and
// XIPY_CHECK (support/result.hpp) propagate either: error() here returns `Raised`, which
// converts to any result of this family.

// "An exception is now pending in the runtime." What the raise_* helpers of Runtime return,
// so that a fallible function can `return runtime.raise_new(...)` whatever its result type.
// It converts to a result of this family, never to a plain Value.
struct Raised {};

template <typename T>
class Result;

// A Python value, or (empty) an exception pending in the runtime.
template <>
class [[nodiscard]] Result<Value> {
  public:
    // Precondition: `value` is a Python value, or empty with an exception pending.
    constexpr Result(Value value) : value_(value) {}
    constexpr Result(Raised) : value_(Value::empty()) {}

    constexpr bool ok() const { return !value_.is_empty(); }
    constexpr explicit operator bool() const { return ok(); }
    constexpr Raised error() const { return {}; }

    // A reference, so that XIPY_TRY's std::move (needed for support::Result) does not move
    // from a temporary, which clang's -Wpessimizing-move refuses.
    const Value& value() const {
        assert(ok());
        return value_;
    }
    Value operator*() const { return value(); }

    // Transitional: the plain-Value convention (empty = raised) that code on other branches
    // and slot/native signatures still use. New code checks ok() or uses XIPY_TRY.
    constexpr operator Value() const { return value_; }

  private:
    Value value_;
};

// Success or an exception pending in the runtime: the result of a fallible operation that
// returns nothing.
template <>
class [[nodiscard]] Result<void> {
  public:
    constexpr Result(Raised) : ok_(false) {}
    // Transitional: the bool convention (false = raised) of code written before Status.
    constexpr Result(bool ok) : ok_(ok) {}

    constexpr bool ok() const { return ok_; }
    constexpr Raised error() const { return {}; }
    // Explicit, as Result<Value>'s: `if (!status)` reads well, but a Status never passes
    // silently for a bool.
    constexpr explicit operator bool() const { return ok_; }

  private:
    struct Success {};
    constexpr explicit Result(Success) : ok_(true) {}
    friend constexpr Result<void> succeeded();

    bool ok_;
};

using Status = Result<void>;

// Success: what a function returning Status returns when nothing was raised.
constexpr Status succeeded() { return Status(Status::Success{}); }

static_assert(sizeof(Result<Value>) == sizeof(Value), "a Result<Value> is one Value wide");

}  // namespace xipy::object
