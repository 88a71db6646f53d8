// printf-style formatting: str % args and bytes % args, as MicroPython does it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "number/big_integer.hpp"
#include "text/errors.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// One parsed conversion, e.g. "%-08.3f". `width` 0 means none (a negative '*' width also
// pads nothing, as in MicroPython); `precision` -1 means none.
struct PercentSpec {
    bool left = false;       // '-'
    bool plus = false;       // '+'
    bool space = false;      // ' '
    bool alternate = false;  // '#'
    bool zero = false;       // '0'
    std::int32_t width = 0;
    std::int32_t precision = -1;
    char conversion = '\0';  // one of c d i u e E f F g G o r s x X
};

// The right-hand operand of %, implemented by the object layer. A tuple gives its items;
// any other value is one positional argument; a dict is one positional argument (so
// '%s' % {} prints the dict) that also serves %(key)s lookups.
class PercentArguments {
  public:
    virtual std::size_t positional_count() const = 0;
    virtual bool is_mapping() const = 0;

    // A '*' width or precision: the argument as an int (TypeError from the caller's
    // int conversion, e.g. "can't convert str to int").
    virtual Result<std::int64_t> integer_at(std::size_t index) = 0;

    // Writes one conversion of positional argument `index`, or of the mapping's value for
    // `key` (KeyError when missing). Use the write_percent_* helpers below:
    //  d i u: int (a float is truncated first); x X o: int only;
    //  e E f F g G: float (ints converted); r s: the repr / str text;
    //  c: an int (its low byte) or a str of exactly one character, else TypeError
    //     "%c needs int or char" (str) / "integer needed" (other types).
    virtual Status write_positional(std::size_t index, const PercentSpec& spec, TextSink& sink) = 0;
    virtual Status write_keyed(std::string_view key, const PercentSpec& spec, TextSink& sink) = 0;

  protected:
    ~PercentArguments() = default;
};

// Expands `pattern` % arguments with MicroPython's errors: ValueError "incomplete format",
// "incomplete format key", "unsupported format character 'C' (0xNN) at index I";
// TypeError "format needs a dict", "format string needs more arguments", "format string
// didn't convert all arguments".
Status format_percent(std::string_view pattern, PercentArguments& arguments, TextSink& sink);

Status write_percent_integer(const number::BigInteger& value, const PercentSpec& spec,
                             TextSink& sink);
Status write_percent_float(double value, const PercentSpec& spec, TextSink& sink);
// %s and %r after conversion to text: precision truncates (in bytes), spaces pad.
Status write_percent_text(std::string_view text, const PercentSpec& spec, TextSink& sink);
// %c of an int: its low byte, padded; of a one-character str: that character. Precision
// does not apply to %c.
Status write_percent_char_code(std::int64_t code, const PercentSpec& spec, TextSink& sink);
Status write_percent_char(std::string_view character, const PercentSpec& spec, TextSink& sink);

}  // namespace xipy::text
