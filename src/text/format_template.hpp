// str.format's template language: literal text, {{ }} escapes and replacement fields.
#pragma once

#include <cstddef>
#include <string_view>

#include "text/errors.hpp"
#include "text/format_spec.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Which argument a replacement field names: a positional index, or the id that
// FormatArguments::find_keyword returned for a keyword name.
struct FieldArgument {
    bool is_keyword = false;
    std::size_t id = 0;
};

// The object layer implements this over the call's arguments. The template parser does
// the numbering and every error about the template itself; the arguments only look up
// names and format values.
class FormatArguments {
  public:
    virtual std::size_t positional_count() const = 0;

    // The id of keyword argument `name`, or KeyError (MicroPython: the message is the name).
    virtual Result<std::size_t> find_keyword(std::string_view name) = 0;

    // Writes one field. `conversion` is 'r' or 's' when the value must first become
    // repr(x) / str(x) (then `spec` applies to that str, through format_text); it is 's'
    // for a bare "{}" or "{:}". Otherwise it is '\0' and the caller dispatches on the
    // value: format_integer for int and bool, format_float for float, format_text for str;
    // anything else is TypeError "can't convert 'T' object to str implicitly".
    virtual Status write_field(FieldArgument argument, char conversion, const FormatSpec& spec,
                               TextSink& sink) = 0;

  protected:
    ~FormatArguments() = default;
};

// Expands `pattern` as str.format does. Nested fields in a spec ('{:{}}', '{0:{1}.{2}f}')
// are expanded after the field's own argument is numbered, sharing the automatic numbering.
// Errors are MicroPython's: ValueError "single '}' encountered in format string", "unmatched
// '{' in format", "expected ':' after format specifier", "unknown conversion specifier C",
// "end of format while looking for conversion specifier", the two "can't switch ... field
// numbering" texts, "invalid format specifier"; IndexError "tuple index out of range";
// NotImplementedError "attributes not supported" for {0.x} and {0[1]}.
Status format_template(std::string_view pattern, FormatArguments& arguments, TextSink& sink);

}  // namespace xipy::text
