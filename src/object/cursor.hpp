// Cursor: a loop over a built-in container by position, without an iterator object.
#pragma once

#include <cstdint>

#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::object {

// Iterating an exact tuple, list, bytes, bytearray, array, memoryview, dict (its keys), set or
// frozenset needs only the container and a position, so the interpreter keeps both in a for
// loop's stack slots and native loops keep them in locals. Such a loop allocates nothing, as
// MicroPython's do (they run under micropython.heap_lock()). Other iterables need an
// iterator object.
struct Cursor {
    Value container;
    std::uint32_t position = 0;
    // A dict's size when the loop began: iterating on after it changed raises RuntimeError,
    // as the dict's iterator object does.
    std::uint32_t count_at_start = 0;
};

// Starts `cursor` over `iterable` and returns true when its type allows a cursor; otherwise
// returns false and the caller makes an iterator object (get_iterator).
bool start_cursor(Value iterable, Cursor& cursor);

// The next item, Value::stop_iteration() at the end, or empty with an exception pending.
// A container of a type start_cursor() refuses raises TypeError: see raise_corrupt_cursor().
Result<Value> cursor_next(Runtime& runtime, Cursor& cursor);

// Raises the TypeError for a loop whose slots do not hold a cursor any more; only a corrupt
// image can do that, since its stack slots are the program's own.
Raised raise_corrupt_cursor(Runtime& runtime);

}  // namespace xipy::object
