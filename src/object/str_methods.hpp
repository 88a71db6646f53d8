// str methods: thin glue from Python arguments to the text layer's algorithms.
#pragma once

#include "object/native_function.hpp"

namespace xipy::object {

// Each takes self (a str) as arguments[0], as the method table in str_object.cpp declares.
// MicroPython's own methods:
Value str_method_center(Runtime& runtime, Arguments arguments);
Value str_method_count(Runtime& runtime, Arguments arguments);
Value str_method_encode(Runtime& runtime, Arguments arguments);
Value str_method_endswith(Runtime& runtime, Arguments arguments);
Value str_method_find(Runtime& runtime, Arguments arguments);
Value str_method_format(Runtime& runtime, Arguments arguments);
Value str_method_index(Runtime& runtime, Arguments arguments);
Value str_method_isalpha(Runtime& runtime, Arguments arguments);
Value str_method_isdigit(Runtime& runtime, Arguments arguments);
Value str_method_islower(Runtime& runtime, Arguments arguments);
Value str_method_isspace(Runtime& runtime, Arguments arguments);
Value str_method_isupper(Runtime& runtime, Arguments arguments);
Value str_method_join(Runtime& runtime, Arguments arguments);
Value str_method_lower(Runtime& runtime, Arguments arguments);
Value str_method_lstrip(Runtime& runtime, Arguments arguments);
Value str_method_partition(Runtime& runtime, Arguments arguments);
Value str_method_replace(Runtime& runtime, Arguments arguments);
Value str_method_rfind(Runtime& runtime, Arguments arguments);
Value str_method_rindex(Runtime& runtime, Arguments arguments);
Value str_method_rpartition(Runtime& runtime, Arguments arguments);
Value str_method_rsplit(Runtime& runtime, Arguments arguments);
Value str_method_rstrip(Runtime& runtime, Arguments arguments);
Value str_method_split(Runtime& runtime, Arguments arguments);
Value str_method_splitlines(Runtime& runtime, Arguments arguments);
Value str_method_startswith(Runtime& runtime, Arguments arguments);
Value str_method_strip(Runtime& runtime, Arguments arguments);
Value str_method_upper(Runtime& runtime, Arguments arguments);
// CPython's, which MicroPython lacks (docs/compatibility.md lists them):
Value str_method_capitalize(Runtime& runtime, Arguments arguments);
Value str_method_isalnum(Runtime& runtime, Arguments arguments);
Value str_method_ljust(Runtime& runtime, Arguments arguments);
Value str_method_removeprefix(Runtime& runtime, Arguments arguments);
Value str_method_removesuffix(Runtime& runtime, Arguments arguments);
Value str_method_rjust(Runtime& runtime, Arguments arguments);
Value str_method_swapcase(Runtime& runtime, Arguments arguments);
Value str_method_title(Runtime& runtime, Arguments arguments);
Value str_method_zfill(Runtime& runtime, Arguments arguments);

}  // namespace xipy::object
