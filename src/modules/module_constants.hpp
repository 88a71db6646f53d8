// Integer constants of a module (socket.AF_INET, select.POLLIN), stored into its globals.
#pragma once

#include <cstdint>
#include <span>

#include "object/dict_object.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::modules {

struct IntegerConstant {
    std::uint32_t name;
    std::int64_t value;  // small enough for a small int
};

// Stores each constant into `globals` (a module's dict), as a module's initialise() does;
// false with MemoryError pending when the dict cannot grow.
inline bool store_integer_constants(object::Runtime& runtime, object::Value globals,
                                    std::span<const IntegerConstant> constants) {
    for (const IntegerConstant& constant : constants) {
        if (!object::dict_store_name(runtime, object::as_dict(globals), constant.name,
                                     object::Value::from_small_int(constant.value))) {
            return false;
        }
    }
    return true;
}

}  // namespace xipy::modules
