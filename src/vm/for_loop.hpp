// A for loop's iterator slots: GET_ITER_STACK fills them, FOR_ITER takes the next item.
#pragma once

#include "object/cursor.hpp"
#include "object/result.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"
#include "vm/frame.hpp"

namespace xipy::vm {

// The layout of the iterator_slots slots, in MicroPython's order: a built-in container loops by
// position (a cursor) and allocates nothing, so the slots hold its position, the container and
// a dict's size at the start; any other iterable leaves the first slot empty and keeps its
// iterator object in the second. The last slots are unused (None), reserved by the format.
//
// GET_ITER_STACK: replaces the iterable at `slot` with the loop's slots (slot[0] to
// slot[iterator_slots - 1]). Fails when the value is not iterable.
object::Status start_for_loop(object::Runtime& runtime, object::Value* slot);

// FOR_ITER: the next item of the loop whose slots start at `slots`, Value::stop_iteration()
// at the end, or raised. Inline, as every round of every for loop runs it: the cursor's step
// and the iterator call are both out of line already.
[[gnu::always_inline]] inline object::Result<object::Value> next_for_loop_item(
    object::Runtime& runtime, object::Value* slots) {
    if (slots[0].is_empty()) {
        return object::iterate_next(runtime, slots[1]);
    }
    if (!slots[0].is_small_int() || !slots[2].is_small_int()) [[unlikely]] {
        return object::raise_corrupt_cursor(runtime);
    }
    object::Cursor cursor{slots[1], static_cast<std::uint32_t>(slots[0].as_small_int()),
                          static_cast<std::uint32_t>(slots[2].as_small_int())};
    object::Result<object::Value> next = object::cursor_next(runtime, cursor);
    slots[0] = object::Value::from_small_int(cursor.position);
    return next;
}

}  // namespace xipy::vm
