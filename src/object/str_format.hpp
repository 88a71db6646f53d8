// str % args, str.format() and format(): glue from Python values to the text layer's engines.
#pragma once

#include <string>
#include <string_view>

#include "object/native_function.hpp"
#include "object/printer.hpp"
#include "object/runtime.hpp"
#include "text/errors.hpp"
#include "text/string_methods.hpp"

namespace xipy::object {

// Raises the Python exception a text algorithm reported. Returns Value::empty().
Raised raise_text_error(Runtime& runtime, const text::Error& failure);

// `pattern % arguments` as MicroPython's str (or, for kind bytes, bytes) does it; appends to
// `output` (whose inline room keeps a short result off the C library's heap). False with the
// exception pending on failure.
Status percent_format_into(Runtime& runtime, std::string_view pattern, Value arguments,
                           Printer& output, text::TextKind kind = text::TextKind::str);
// The str result of `pattern % arguments`.
Result<Value> str_modulo_format(Runtime& runtime, std::string_view pattern, Value arguments);

// str.format and bytes.format: `pattern` is arguments[0]'s text; the other arguments fill it.
// `kind` is the result's: a bytes result takes a bytes argument's raw bytes where a str result
// takes only valid UTF-8. Appends to `output`; false with the exception pending on failure.
Status format_template_into(Runtime& runtime, std::string_view pattern, Arguments arguments,
                            text::TextKind kind, Printer& output);

// format(value, spec). MicroPython has no format() builtin; xipy follows CPython here and
// calls a user class's __format__, else formats as one str.format field would.
Status format_with_spec(Runtime& runtime, Printer& printer, Value value, std::string_view spec);

}  // namespace xipy::object
