// range and its iterator.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type range_type;
extern const Type range_iterator_type;

// Invariants: step != 0. Bounds are 64-bit: ranges beyond that raise
// OverflowError at construction.
struct RangeObject : Object {
    std::int64_t start;
    std::int64_t stop;
    std::int64_t step;

    RangeObject(std::int64_t first, std::int64_t last, std::int64_t increment)
        : Object(&range_type), start(first), stop(last), step(increment) {}
    std::int64_t length() const;
};

}  // namespace xipy::object
