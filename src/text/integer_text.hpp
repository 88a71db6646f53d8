// Ints as text for hex(), oct(), bin() and str(int), with an allocation-free small-int path.
#pragma once

#include <cstdint>

#include "number/big_integer.hpp"
#include "text/errors.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Digits of `value` in `base` (2, 8, 10 or 16), lowercase, '-' for negatives; `with_prefix`
// adds 0b / 0o / 0x after the sign, as bin(), oct() and hex() print.
Status write_int64(std::int64_t value, int base, bool with_prefix, TextSink& sink);
Status write_big_integer(const number::BigInteger& value, int base, bool with_prefix,
                         TextSink& sink);

}  // namespace xipy::text
