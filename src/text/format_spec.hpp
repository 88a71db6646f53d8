// The format-spec mini-language of format(), str.format and f-strings, as MicroPython has it.
#pragma once

#include <cstdint>
#include <string_view>

#include "number/big_integer.hpp"
#include "text/errors.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// A parsed `[[fill]align][sign][#][0][width][,|_][.precision][type]`. Zero chars mean
// "not given". Width and precision wrap like MicroPython's 32-bit C int ('{:999999999999}'
// gives a negative width, i.e. no padding); -1 means not given.
struct FormatSpec {
    char fill = '\0';
    char align = '\0';       // < > = ^
    char sign = '\0';        // + - or space
    bool alternate = false;  // '#'
    bool zero = false;       // '0' before the width: pad after the sign with zeros
    std::int32_t width = -1;
    char grouping = '\0';  // , or _
    std::int32_t precision = -1;
    char type = '\0';  // one of b c d e E f F g G n o s x X %
};

// ValueError "invalid format specifier" for anything left over. Fill is one byte, so a
// non-ASCII fill is invalid, as in MicroPython.
Result<FormatSpec> parse_format_spec(std::string_view spec);

// str.format dispatches on what the argument is. Each function raises MicroPython's errors
// for codes the kind does not take, e.g. "unknown format code 'x' for object of type 'str'".

// An int or a bool (`type_name` "int" or "bool", used in messages). The float codes format
// the int converted to float; 'c' writes the low byte of the value as one raw byte, as
// MicroPython does (so only values below 128 make valid UTF-8).
Status format_integer(const number::BigInteger& value, const FormatSpec& spec,
                      std::string_view type_name, TextSink& sink);

// A float. No type (or 'n') means 'g' with the given precision.
Status format_float(double value, const FormatSpec& spec, TextSink& sink);

// A str (the caller passes str(x) or repr(x) after a !s/!r conversion; any other
// non-number argument must be a str, else the caller raises "can't convert 'T' object to
// str implicitly"). Precision truncates and width pads, both in bytes as MicroPython does.
Status format_text(std::string_view text, const FormatSpec& spec, TextSink& sink);

}  // namespace xipy::text
