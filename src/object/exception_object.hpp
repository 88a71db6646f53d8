// Exceptions: the built-in hierarchy, instances with args and a traceback.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "object/class_object.hpp"
#include "object/object.hpp"
#include "object/printer.hpp"
#include "object/runtime.hpp"
#include "support/scratch_allocator.hpp"
#include "support/source_allocator.hpp"

namespace xipy::object {

// The hierarchy of MicroPython's built-in exceptions.
extern const Type base_exception_type;
extern const Type system_exit_type;
extern const Type keyboard_interrupt_type;
extern const Type generator_exit_type;
extern const Type exception_type;
extern const Type stop_iteration_type;
extern const Type stop_async_iteration_type;
extern const Type arithmetic_error_type;
extern const Type overflow_error_type;
extern const Type zero_division_error_type;
extern const Type assertion_error_type;
extern const Type attribute_error_type;
extern const Type eof_error_type;
extern const Type import_error_type;
extern const Type lookup_error_type;
extern const Type index_error_type;
extern const Type key_error_type;
extern const Type memory_error_type;
extern const Type name_error_type;
extern const Type os_error_type;
extern const Type runtime_error_type;
extern const Type not_implemented_error_type;
extern const Type syntax_error_type;
extern const Type indentation_error_type;
extern const Type type_error_type;
extern const Type value_error_type;
extern const Type unicode_error_type;

// Every built-in exception type, for the builtins module.
std::span<const Type* const> builtin_exception_types();

// An exception instance; user exception classes use the same layout.
// Invariants: `args` is a tuple; `traceback` is empty or a list of small
// ints, three per frame the exception passed through, innermost first:
// the source file name id, the line and the function name id (names::null_name for a
// place in no function, as a compile error's).
struct ExceptionObject : InstanceObject {
    Value args;
    Value traceback;

    explicit ExceptionObject(const Type* type) : InstanceObject(type) {}
};

bool is_exception_type(const Type* type);
bool is_exception(Value value);
// Precondition: is_exception(value).
ExceptionObject* as_exception(Value value);
Result<Value> make_exception(Runtime& runtime, const Type* type, std::span<const Value> arguments);
Result<Value> make_exception_with_message(Runtime& runtime, const Type* type,
                                          std::string_view message);
// Appends one traceback entry (MemoryError while doing so is ignored).
void add_traceback(Runtime& runtime, Value exception, std::uint32_t file, std::uint32_t line,
                   std::uint32_t block);
void clear_traceback(Value exception);
// One of MicroPython's errno numbers (py/mperrno.h) with its name.
struct ErrorName {
    std::int32_t number;
    const char* name;
};
// The numbers the runtime itself raises OSError with (py/mperrno.h); error_names() names them.
enum ErrorNumber : std::int32_t {
    error_permission = 1,     // EPERM
    error_no_entry = 2,       // ENOENT
    error_io = 5,             // EIO
    error_access = 13,        // EACCES
    error_exists = 17,        // EEXIST
    error_no_device = 19,     // ENODEV
    error_is_directory = 21,  // EISDIR
    error_invalid = 22,       // EINVAL
};
// The errno numbers MicroPython names, sorted by name (as dir(errno) lists them).
std::span<const ErrorName> error_names();
// "EINVAL" for 22; empty for numbers MicroPython has no name for.
std::string_view error_name(std::int64_t number);

// Raises OSError(number), as MicroPython's mp_raise_OSError does; returns empty.
Raised raise_os_error(Runtime& runtime, std::int64_t number);

// StopIteration's value: args[0], or None.
Value stop_iteration_value(Value exception);
// "Traceback (most recent call last):\n  File ..., line N, in f\nType: message\n"; only
// "Type: message\n" for an exception that never passed through a frame.
support::ScratchString format_traceback(Runtime& runtime, Value exception);
// Writes format_traceback()'s text to `stream`, as an uncaught exception is reported.
void print_traceback(Runtime& runtime, Value exception, OutputStream stream);
// The same, appended to `out` (which asks the C library for nothing when the string's
// allocator does not: a fixed-buffer VM's report of an uncaught exception).
template <class Text>
void append_traceback(Runtime& runtime, Value exception, Text& out);
// str(exception), as the last traceback line shows it after "Type: ".
std::string exception_message(Runtime& runtime, Value exception);
// The same, written to `printer`.
void write_exception_message(Runtime& runtime, Value exception, Printer& printer);

}  // namespace xipy::object
