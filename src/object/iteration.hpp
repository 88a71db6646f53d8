// for_each_item: the one native loop over a Python iterable, with bounded roots.
#pragma once

#include <cstdint>
#include <utility>

#include "object/cursor.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::object {

// What the body of a for_each_item loop says after an item.
enum class Step : std::uint8_t {
    next,    // go on with the next item
    stop,    // leave the loop (a `break`)
    raised,  // an exception is pending
};

// How a for_each_item loop ended.
enum class Finish : std::uint8_t {
    exhausted,  // the iterator ran out
    stopped,    // the body returned Step::stop
    raised,     // an exception is pending (from the iterator or the body)
};

// Calls `body(item)` for each item of `iterable`, as `for item in iterable` does. The
// iterator is rooted for the whole loop, and each round's roots are released before the
// next (object/roots.hpp), so a loop over a million items holds as many roots as a loop
// over one. Values the body keeps across rounds must be in a Root declared before the call
// or in a rooted container. Values made in the last round stay rooted after the call.
template <typename Body>
[[nodiscard]] Finish for_each_item(Runtime& runtime, Value iterable, Body&& body) {
    // A built-in container is walked by a cursor (object/cursor.hpp), so the loop allocates
    // nothing of its own.
    Cursor cursor;
    Value iterator = Value::empty();
    if (start_cursor(iterable, cursor)) {
        runtime.keep(iterable);
    } else {
        iterator = get_iterator(runtime, iterable);
        if (iterator.is_empty()) {
            return Finish::raised;
        }
        runtime.keep(iterator);
    }
    LoopRoots rounds(runtime);
    for (;;) {
        Value item = iterator.is_empty() ? Value(cursor_next(runtime, cursor))
                                         : Value(iterate_next(runtime, iterator));
        if (item.is_empty()) {
            return Finish::raised;
        }
        if (item.is_stop_iteration()) {
            return Finish::exhausted;
        }
        // The body may drop the iterator's last other reference to the item (by emptying
        // the list it came from, say), so the item is rooted for the round.
        runtime.keep(item);
        const Step step = body(item);
        if (step != Step::next) {
            return step == Step::stop ? Finish::stopped : Finish::raised;
        }
        rounds.next_round();
    }
}

}  // namespace xipy::object
