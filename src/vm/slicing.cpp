// BUILD_SLICE: a slice object, or a slice on the C++ stack used at once by the next subscript.
#include "vm/slicing.hpp"

#include "image/opcodes.hpp"
#include "object/operations.hpp"
#include "object/slice_object.hpp"
#include "support/result.hpp"

namespace xipy::vm {

using image::Opcode;
using object::Value;

object::Status build_slice(Interpreter& interpreter, Frame& frame, Value*& top,
                           const std::uint8_t*& instruction, std::uint32_t count) {
    // The parts stay on the value stack, rooted, until the subscript is done.
    Value* parts = top - (count - 1);
    const Value step = count == 3 ? parts[2] : Value::none();
    const auto next_opcode = static_cast<Opcode>(*instruction);
    const bool is_load = next_opcode == Opcode::LOAD_SUBSCR;
    if ((is_load || next_opcode == Opcode::STORE_SUBSCR) &&
        object::subscript_allows_stack_slice(parts[-1])) {
        object::SliceObject slice(parts[0], parts[1], step, gc::Cell::flag_static);
        ++instruction;
        frame.instruction = instruction;
        frame.stack_top = top;
        if (is_load) {
            XIPY_TRY(Value result,
                     object::load_subscript(interpreter, parts[-1], Value::from_object(&slice)));
            top = parts - 1;
            *top = result;
            return object::succeeded();
        }
        XIPY_CHECK(
            object::store_subscript(interpreter, parts[-1], Value::from_object(&slice), parts[-2]));
        top = parts - 3;
        return object::succeeded();
    }
    XIPY_TRY(Value slice, object::make_slice(interpreter, parts[0], parts[1], step));
    top = parts;
    *top = slice;
    return object::succeeded();
}

}  // namespace xipy::vm
