// The .mpy v6 instruction set, defined once: opcode numbers, operand formats and stack effects.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace xipy::image {

// How the bytes after an opcode are laid out and what they mean. The encoded
// forms are:
//   var-uint: 7 bits per byte, most significant group first, bit 7 set on
//             every byte but the last.
//   signed var-int: as var-uint, but bit 6 of the first byte is the sign, so
//             the value is sign-extended from the first group.
//   jump:     one byte 0b0xxxxxxx, or two bytes 0b1xxxxxxx yyyyyyyy holding
//             x | y << 7. Signed jumps subtract 0x40 (one byte) or 0x4000
//             (two bytes). The offset is relative to the end of the jump
//             operand (before any extra byte).
// "implied" formats carry no operand bytes: the value is the opcode byte's
// distance from the first byte of its range.
enum class OperandFormat : std::uint8_t {
    none,                     // the opcode byte alone
    qstr,                     // var-uint index into the module's qstr table
    var_uint,                 // var-uint count, local slot or packed value
    signed_var_int,           // LOAD_CONST_SMALL_INT's value
    constant_index,           // var-uint index into the module's constant table
    child_index,              // var-uint index into the raw code's children
    jump_signed,              // relative jump that may go backwards
    jump_unsigned,            // relative jump that only goes forwards
    implied_small_int,        // value = byte - 0x70 - 16
    implied_local,            // local slot = byte - first byte of range
    implied_unary_operator,   // operator = byte - 0xd0, see unary_operator_name
    implied_binary_operator,  // operator = byte - 0xd7, see binary_operator_name
};

// How an instruction changes the depth of the value stack when execution
// falls through to the next instruction. Rules other than `fixed` depend on
// the operand; stack_effect() evaluates them.
enum class StackRule : std::uint8_t {
    fixed,                 // delta
    pop_operand_push_one,  // pops `operand` items, pushes one: 1 - operand
    unpack_sequence,       // pops one, pushes `operand`: operand - 1
    unpack_ex,             // pops one, pushes low byte + 1 + high byte of operand
    call,                  // delta - positional - 2 * keyword (operand = kw << 8 | pos)
    make_closure,          // delta - closed-over count (the extra byte)
    store_comp,            // -2 for a dict comprehension (operand & 3 == 1), else -1
};

// Every opcode of a fixed byte value:
//   X(NAME, byte, operand format, has extra byte, stack rule, delta, branch delta)
// NAME is MicroPython's MP_BC_ name without the prefix. `delta` is the stack
// change on fall-through (for `fixed`, or the constant part of other rules).
// `branch delta` is the stack change when a jumping opcode takes its jump,
// relative to the depth before the instruction. For SETUP_* it is the depth
// at the handler when it is entered by an exception or by falling into it
// with one value (None) pushed; unwinding into a finally or with handler for
// return/break/continue pushes two values instead (target and marker).
// Depth limits need more than these deltas: WITH_CLEANUP briefly writes two
// slots above the top of the stack to call __exit__, and mpy-cross reserves
// three more slots in except handlers for unwind state; n_state includes both.
// Facts from MicroPython's py/bc0.h (numbers), py/bc.c (formats) and
// py/vm.c / py/emitbc.c (stack effects).
#define XIPY_SINGLE_OPCODES(X)                                            \
    X(LOAD_CONST_STRING, 0x10, qstr, false, fixed, 1, 0)                  \
    X(LOAD_NAME, 0x11, qstr, false, fixed, 1, 0)                          \
    X(LOAD_GLOBAL, 0x12, qstr, false, fixed, 1, 0)                        \
    X(LOAD_ATTR, 0x13, qstr, false, fixed, 0, 0)                          \
    X(LOAD_METHOD, 0x14, qstr, false, fixed, 1, 0)                        \
    X(LOAD_SUPER_METHOD, 0x15, qstr, false, fixed, -1, 0)                 \
    X(STORE_NAME, 0x16, qstr, false, fixed, -1, 0)                        \
    X(STORE_GLOBAL, 0x17, qstr, false, fixed, -1, 0)                      \
    X(STORE_ATTR, 0x18, qstr, false, fixed, -2, 0)                        \
    X(DELETE_NAME, 0x19, qstr, false, fixed, 0, 0)                        \
    X(DELETE_GLOBAL, 0x1a, qstr, false, fixed, 0, 0)                      \
    X(IMPORT_NAME, 0x1b, qstr, false, fixed, -1, 0)                       \
    X(IMPORT_FROM, 0x1c, qstr, false, fixed, 1, 0)                        \
    X(MAKE_CLOSURE, 0x20, child_index, true, make_closure, 1, 0)          \
    X(MAKE_CLOSURE_DEFARGS, 0x21, child_index, true, make_closure, -1, 0) \
    X(LOAD_CONST_SMALL_INT, 0x22, signed_var_int, false, fixed, 1, 0)     \
    X(LOAD_CONST_OBJ, 0x23, constant_index, false, fixed, 1, 0)           \
    X(LOAD_FAST_N, 0x24, var_uint, false, fixed, 1, 0)                    \
    X(LOAD_DEREF, 0x25, var_uint, false, fixed, 1, 0)                     \
    X(STORE_FAST_N, 0x26, var_uint, false, fixed, -1, 0)                  \
    X(STORE_DEREF, 0x27, var_uint, false, fixed, -1, 0)                   \
    X(DELETE_FAST, 0x28, var_uint, false, fixed, 0, 0)                    \
    X(DELETE_DEREF, 0x29, var_uint, false, fixed, 0, 0)                   \
    X(BUILD_TUPLE, 0x2a, var_uint, false, pop_operand_push_one, 0, 0)     \
    X(BUILD_LIST, 0x2b, var_uint, false, pop_operand_push_one, 0, 0)      \
    X(BUILD_MAP, 0x2c, var_uint, false, fixed, 1, 0)                      \
    X(BUILD_SET, 0x2d, var_uint, false, pop_operand_push_one, 0, 0)       \
    X(BUILD_SLICE, 0x2e, var_uint, false, pop_operand_push_one, 0, 0)     \
    X(STORE_COMP, 0x2f, var_uint, false, store_comp, 0, 0)                \
    X(UNPACK_SEQUENCE, 0x30, var_uint, false, unpack_sequence, 0, 0)      \
    X(UNPACK_EX, 0x31, var_uint, false, unpack_ex, 0, 0)                  \
    X(MAKE_FUNCTION, 0x32, child_index, false, fixed, 1, 0)               \
    X(MAKE_FUNCTION_DEFARGS, 0x33, child_index, false, fixed, -1, 0)      \
    X(CALL_FUNCTION, 0x34, var_uint, false, call, 0, 0)                   \
    X(CALL_FUNCTION_VAR_KW, 0x35, var_uint, false, call, -1, 0)           \
    X(CALL_METHOD, 0x36, var_uint, false, call, -1, 0)                    \
    X(CALL_METHOD_VAR_KW, 0x37, var_uint, false, call, -2, 0)             \
    X(UNWIND_JUMP, 0x40, jump_signed, true, fixed, 0, 0)                  \
    X(JUMP, 0x42, jump_signed, false, fixed, 0, 0)                        \
    X(POP_JUMP_IF_TRUE, 0x43, jump_signed, false, fixed, -1, -1)          \
    X(POP_JUMP_IF_FALSE, 0x44, jump_signed, false, fixed, -1, -1)         \
    X(JUMP_IF_TRUE_OR_POP, 0x45, jump_unsigned, false, fixed, -1, 0)      \
    X(JUMP_IF_FALSE_OR_POP, 0x46, jump_unsigned, false, fixed, -1, 0)     \
    X(SETUP_WITH, 0x47, jump_unsigned, false, fixed, 2, 2)                \
    X(SETUP_EXCEPT, 0x48, jump_unsigned, false, fixed, 0, 1)              \
    X(SETUP_FINALLY, 0x49, jump_unsigned, false, fixed, 0, 1)             \
    X(POP_EXCEPT_JUMP, 0x4a, jump_unsigned, false, fixed, 0, 0)           \
    X(FOR_ITER, 0x4b, jump_unsigned, false, fixed, 1, -4)                 \
    X(LOAD_CONST_FALSE, 0x50, none, false, fixed, 1, 0)                   \
    X(LOAD_CONST_NONE, 0x51, none, false, fixed, 1, 0)                    \
    X(LOAD_CONST_TRUE, 0x52, none, false, fixed, 1, 0)                    \
    X(LOAD_NULL, 0x53, none, false, fixed, 1, 0)                          \
    X(LOAD_BUILD_CLASS, 0x54, none, false, fixed, 1, 0)                   \
    X(LOAD_SUBSCR, 0x55, none, false, fixed, -1, 0)                       \
    X(STORE_SUBSCR, 0x56, none, false, fixed, -3, 0)                      \
    X(DUP_TOP, 0x57, none, false, fixed, 1, 0)                            \
    X(DUP_TOP_TWO, 0x58, none, false, fixed, 2, 0)                        \
    X(POP_TOP, 0x59, none, false, fixed, -1, 0)                           \
    X(ROT_TWO, 0x5a, none, false, fixed, 0, 0)                            \
    X(ROT_THREE, 0x5b, none, false, fixed, 0, 0)                          \
    X(WITH_CLEANUP, 0x5c, none, false, fixed, -2, 0)                      \
    X(END_FINALLY, 0x5d, none, false, fixed, -1, 0)                       \
    X(GET_ITER, 0x5e, none, false, fixed, 0, 0)                           \
    X(GET_ITER_STACK, 0x5f, none, false, fixed, 3, 0)                     \
    X(STORE_MAP, 0x62, none, false, fixed, -2, 0)                         \
    X(RETURN_VALUE, 0x63, none, false, fixed, -1, 0)                      \
    X(RAISE_LAST, 0x64, none, false, fixed, 0, 0)                         \
    X(RAISE_OBJ, 0x65, none, false, fixed, -1, 0)                         \
    X(RAISE_FROM, 0x66, none, false, fixed, -2, 0)                        \
    X(YIELD_VALUE, 0x67, none, false, fixed, 0, 0)                        \
    X(YIELD_FROM, 0x68, none, false, fixed, -1, 0)                        \
    X(IMPORT_STAR, 0x69, none, false, fixed, -1, 0)

// Opcodes that occupy a range of bytes, the value being encoded in the byte:
//   X(NAME, first byte, count, operand format, delta)
// UNARY_OP_MULTI has room for 7 bytes (0xd0-0xd6) but only the first 4
// operators may appear in bytecode; likewise BINARY_OP_MULTI has 35 of 41.
#define XIPY_OPCODE_RANGES(X)                                     \
    X(LOAD_CONST_SMALL_INT_MULTI, 0x70, 64, implied_small_int, 1) \
    X(LOAD_FAST_MULTI, 0xb0, 16, implied_local, 1)                \
    X(STORE_FAST_MULTI, 0xc0, 16, implied_local, -1)              \
    X(UNARY_OP_MULTI, 0xd0, 4, implied_unary_operator, 0)         \
    X(BINARY_OP_MULTI, 0xd7, 35, implied_binary_operator, -1)

// Every opcode by name; the values of range opcodes are their first byte.
enum class Opcode : std::uint8_t {
#define XIPY_OPCODE_ENUMERATOR(name, byte, ...) name = byte,
    XIPY_SINGLE_OPCODES(XIPY_OPCODE_ENUMERATOR) XIPY_OPCODE_RANGES(XIPY_OPCODE_ENUMERATOR)
#undef XIPY_OPCODE_ENUMERATOR
};

// LOAD_CONST_SMALL_INT_MULTI encodes the values -16..47.
inline constexpr int small_int_multi_excess = 16;

// The stack slots a for loop's iterator occupies (MP_OBJ_ITER_BUF_NSLOTS): GET_ITER_STACK
// pushes this many minus one, FOR_ITER's exit drops them all.
inline constexpr int iterator_buffer_slots = 4;

// What the instruction set says about one byte value. For bytes that are not
// an opcode, `name` is empty and `assigned` is false. For range opcodes,
// `first_byte` is the start of the range, so `byte - first_byte` is the
// implied value.
struct OpcodeInfo {
    std::string_view name;
    bool assigned = false;
    std::uint8_t first_byte = 0;
    OperandFormat format = OperandFormat::none;
    bool has_extra_byte = false;
    StackRule stack_rule = StackRule::fixed;
    std::int8_t stack_delta = 0;
    std::int8_t branch_delta = 0;

    constexpr bool is_jump() const {
        return format == OperandFormat::jump_signed || format == OperandFormat::jump_unsigned;
    }
};

namespace detail {

constexpr std::array<OpcodeInfo, 256> build_opcode_table() {
    std::array<OpcodeInfo, 256> table{};
#define XIPY_OPCODE_SINGLE_ENTRY(name_, byte, format_, extra, rule, delta, branch)         \
    table[byte] = OpcodeInfo{#name_,          true,  byte,  OperandFormat::format_, extra, \
                             StackRule::rule, delta, branch};
    XIPY_SINGLE_OPCODES(XIPY_OPCODE_SINGLE_ENTRY)
#undef XIPY_OPCODE_SINGLE_ENTRY
#define XIPY_OPCODE_RANGE_ENTRY(name_, first, count, format_, delta)                            \
    for (int byte = first; byte < (first) + (count); ++byte) {                                  \
        table[byte] = OpcodeInfo{#name_,           true,  first, OperandFormat::format_, false, \
                                 StackRule::fixed, delta, 0};                                   \
    }
    XIPY_OPCODE_RANGES(XIPY_OPCODE_RANGE_ENTRY)
#undef XIPY_OPCODE_RANGE_ENTRY
    return table;
}

// MicroPython's own classification of a byte: 0 = no operand, 1 = qstr,
// 2 = var-uint, 3 = jump offset (MP_BC_FORMAT in py/bc0.h), and whether an
// extra byte follows (MP_BC_MASK_EXTRA_BYTE). The table must agree with it.
constexpr int micropython_format_class(int byte) { return (0x000003a4 >> (2 * (byte >> 4))) & 3; }
constexpr bool micropython_has_extra_byte(int byte) { return (byte & 0x9e) == 0; }

constexpr int format_class(OperandFormat format) {
    switch (format) {
        case OperandFormat::qstr:
            return 1;
        case OperandFormat::var_uint:
        case OperandFormat::signed_var_int:
        case OperandFormat::constant_index:
        case OperandFormat::child_index:
            return 2;
        case OperandFormat::jump_signed:
        case OperandFormat::jump_unsigned:
            return 3;
        default:
            return 0;
    }
}

constexpr int count_assigned(const std::array<OpcodeInfo, 256>& table) {
    int count = 0;
    for (const OpcodeInfo& info : table) {
        count += info.assigned ? 1 : 0;
    }
    return count;
}

constexpr int count_singles() {
    int count = 0;
#define XIPY_OPCODE_COUNT(...) ++count;
    XIPY_SINGLE_OPCODES(XIPY_OPCODE_COUNT)
#undef XIPY_OPCODE_COUNT
    return count;
}

constexpr int count_range_bytes() {
    int count = 0;
#define XIPY_OPCODE_COUNT(name, first, range_count, ...) count += range_count;
    XIPY_OPCODE_RANGES(XIPY_OPCODE_COUNT)
#undef XIPY_OPCODE_COUNT
    return count;
}

constexpr bool table_agrees_with_micropython(const std::array<OpcodeInfo, 256>& table) {
    for (int byte = 0; byte < 256; ++byte) {
        const OpcodeInfo& info = table[byte];
        if (!info.assigned) {
            continue;
        }
        if (format_class(info.format) != micropython_format_class(byte)) {
            return false;
        }
        // Range opcodes live at 0x70 and above, where bit 7 or bit 4 is
        // set, so the extra-byte mask never selects them.
        if (info.has_extra_byte != micropython_has_extra_byte(byte)) {
            return false;
        }
        if (info.branch_delta != 0 && !info.is_jump()) {
            return false;
        }
    }
    return true;
}

}  // namespace detail

// The 256-entry table from byte value to opcode description.
inline constexpr std::array<OpcodeInfo, 256> opcode_table = detail::build_opcode_table();

// Each byte is defined at most once: if two entries shared a byte, fewer
// bytes would be assigned than there are entries.
static_assert(detail::count_assigned(opcode_table) ==
                  detail::count_singles() + detail::count_range_bytes(),
              "two opcodes share a byte value");
static_assert(detail::count_singles() == 72);
static_assert(detail::count_range_bytes() == 64 + 16 + 16 + 4 + 35);
static_assert(detail::table_agrees_with_micropython(opcode_table),
              "operand formats disagree with MP_BC_FORMAT / MP_BC_MASK_EXTRA_BYTE");
static_assert(opcode_table[0x00].assigned == false && opcode_table[0x0f].assigned == false);
static_assert(opcode_table[0xd4].assigned == false && opcode_table[0xfa].assigned == false);
static_assert(opcode_table[0xf9].name == "BINARY_OP_MULTI");

constexpr const OpcodeInfo& opcode_info(std::uint8_t byte) { return opcode_table[byte]; }

// MicroPython's name of the opcode at `byte` ("LOAD_FAST_MULTI" for the whole
// range), or an empty view for an unassigned byte.
constexpr std::string_view opcode_name(std::uint8_t byte) { return opcode_table[byte].name; }

constexpr bool is_opcode(std::uint8_t byte) { return opcode_table[byte].assigned; }

// Operator names as MicroPython's tools print them (py/runtime0.h order).
inline constexpr std::array<std::string_view, 4> unary_operator_names = {"__pos__", "__neg__",
                                                                         "__invert__", "<not>"};
inline constexpr std::array<std::string_view, 35> binary_operator_names = {
    "__lt__",        "__gt__",       "__eq__",
    "__le__",        "__ge__",       "__ne__",
    "<in>",          "<is>",         "<exception match>",
    "__ior__",       "__ixor__",     "__iand__",
    "__ilshift__",   "__irshift__",  "__iadd__",
    "__isub__",      "__imul__",     "__imatmul__",
    "__ifloordiv__", "__itruediv__", "__imod__",
    "__ipow__",      "__or__",       "__xor__",
    "__and__",       "__lshift__",   "__rshift__",
    "__add__",       "__sub__",      "__mul__",
    "__matmul__",    "__floordiv__", "__truediv__",
    "__mod__",       "__pow__"};

constexpr std::string_view unary_operator_name(std::uint32_t index) {
    return index < unary_operator_names.size() ? unary_operator_names[index] : std::string_view{};
}
constexpr std::string_view binary_operator_name(std::uint32_t index) {
    return index < binary_operator_names.size() ? binary_operator_names[index] : std::string_view{};
}

// The stack change of the instruction at `byte` when execution falls through,
// given its decoded operand (var-uint value; ignored for `fixed`) and extra
// byte. Unassigned bytes have effect 0.
constexpr std::int32_t stack_effect(std::uint8_t byte, std::uint32_t operand,
                                    std::uint8_t extra_byte) {
    const OpcodeInfo& info = opcode_table[byte];
    const std::int32_t delta = info.stack_delta;
    switch (info.stack_rule) {
        case StackRule::fixed:
            return delta;
        case StackRule::pop_operand_push_one:
            return 1 - static_cast<std::int32_t>(operand & 0xffffff);
        case StackRule::unpack_sequence:
            return static_cast<std::int32_t>(operand & 0xffffff) - 1;
        case StackRule::unpack_ex:
            return static_cast<std::int32_t>((operand & 0xff) + ((operand >> 8) & 0xff));
        case StackRule::call:
            return delta - static_cast<std::int32_t>(operand & 0xff) -
                   2 * static_cast<std::int32_t>((operand >> 8) & 0xff);
        case StackRule::make_closure:
            return delta - extra_byte;
        case StackRule::store_comp:
            return (operand & 3) == 1 ? -2 : -1;
    }
    return delta;
}

// How many slots at the top of the stack the instruction at `byte` reads, pops
// or overwrites before it pushes anything; stack_effect() + stack_inputs() is
// what it leaves there. A verifier needs this beyond the net effect: ROT_THREE
// changes the depth by 0 yet touches three slots, and slots that belong to an
// exception block (a finally's pending state, a with's __exit__) must stay out
// of reach. FOR_ITER counts the iterator's MP_OBJ_ITER_BUF_NSLOTS (4) slots;
// STORE_COMP reads the collection `operand >> 2` slots below the top;
// WITH_CLEANUP consumes __exit__, the context manager and the pending state.
// Facts from py/vm.c. Unassigned bytes read nothing.
constexpr std::int32_t stack_inputs(std::uint8_t byte, std::uint32_t operand,
                                    std::uint8_t extra_byte) {
    const OpcodeInfo& info = opcode_table[byte];
    const std::int32_t pops = -stack_effect(byte, operand, extra_byte);
    switch (info.stack_rule) {
        case StackRule::pop_operand_push_one:
            return static_cast<std::int32_t>(operand & 0xffffff);
        case StackRule::unpack_sequence:
        case StackRule::unpack_ex:
            return 1;
        case StackRule::call:
            return pops + 1;  // the callable (and self) is replaced by the result
        case StackRule::make_closure:
            return pops + 1;
        case StackRule::store_comp: {
            const std::int32_t depth_of_collection = static_cast<std::int32_t>(operand >> 2) + 1;
            return depth_of_collection > pops ? depth_of_collection : pops;
        }
        case StackRule::fixed:
            break;
    }
    switch (static_cast<Opcode>(info.first_byte)) {
        case Opcode::LOAD_ATTR:
        case Opcode::LOAD_METHOD:
        case Opcode::IMPORT_FROM:
        case Opcode::SETUP_WITH:
        case Opcode::DUP_TOP:
        case Opcode::GET_ITER:
        case Opcode::GET_ITER_STACK:
        case Opcode::YIELD_VALUE:
        case Opcode::UNARY_OP_MULTI:
            return 1;
        case Opcode::IMPORT_NAME:
        case Opcode::MAKE_FUNCTION_DEFARGS:
        case Opcode::LOAD_SUBSCR:
        case Opcode::DUP_TOP_TWO:
        case Opcode::ROT_TWO:
        case Opcode::YIELD_FROM:
        case Opcode::BINARY_OP_MULTI:
            return 2;
        case Opcode::LOAD_SUPER_METHOD:
        case Opcode::ROT_THREE:
        case Opcode::WITH_CLEANUP:
        case Opcode::STORE_MAP:
            return 3;
        case Opcode::FOR_ITER:
            return 4;
        default:
            return pops > 0 ? pops : 0;
    }
}

// The stack change when a jumping instruction takes its jump (see
// XIPY_SINGLE_OPCODES for what it means for SETUP_*). UNWIND_JUMP is only
// approximated: it also drops whatever the exception blocks it leaves kept
// on the stack (a with block's __exit__ and context manager), so its
// target's depth is that of the outermost block left; this returns -4 when
// bit 0x80 of its extra byte says a for-loop iterator (4 slots,
// MP_OBJ_ITER_BUF_NSLOTS) is dropped, and 0 otherwise.
constexpr std::int32_t branch_stack_effect(std::uint8_t byte, std::uint8_t extra_byte) {
    if (byte == static_cast<std::uint8_t>(Opcode::UNWIND_JUMP) && (extra_byte & 0x80) != 0) {
        return -4;
    }
    return opcode_table[byte].branch_delta;
}

// True for the opcodes after which control never reaches the next instruction: jumps that
// always jump, returns and raises. The verifier and the compiler's replay both follow flow
// by it.
constexpr bool ends_flow(Opcode opcode) {
    switch (opcode) {
        case Opcode::JUMP:
        case Opcode::UNWIND_JUMP:
        case Opcode::POP_EXCEPT_JUMP:
        case Opcode::RETURN_VALUE:
        case Opcode::RAISE_LAST:
        case Opcode::RAISE_OBJ:
        case Opcode::RAISE_FROM:
            return true;
        default:
            return false;
    }
}

}  // namespace xipy::image
