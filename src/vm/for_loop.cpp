// A for loop's iterator slots: how GET_ITER_STACK fills them (see for_loop.hpp for FOR_ITER).
#include "vm/for_loop.hpp"

#include "object/operations.hpp"
#include "support/result.hpp"

namespace xipy::vm {

using object::Value;

object::Status start_for_loop(object::Runtime& runtime, Value* slot) {
    object::Cursor cursor;
    if (object::start_cursor(slot[0], cursor)) {
        slot[0] = Value::from_small_int(cursor.position);
        slot[1] = cursor.container;
        slot[2] = Value::from_small_int(cursor.count_at_start);
    } else {
        XIPY_TRY(Value iterator, object::get_iterator(runtime, slot[0]));
        slot[0] = Value::empty();
        slot[1] = iterator;
        slot[2] = Value::none();
    }
    for (int index = 3; index < iterator_slots; ++index) {
        slot[index] = Value::none();
    }
    return object::succeeded();
}

}  // namespace xipy::vm
