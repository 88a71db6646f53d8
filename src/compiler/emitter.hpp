// Emitter: the bytecode back end; the compile pass drives it with MicroPython's emit operations,
// and it assembles one raw code.
#pragma once

#include <cstdint>
#include <string_view>

#include "compiler/compiled_module.hpp"
#include "compiler/constant_table.hpp"
#include "compiler/working_memory.hpp"
#include "image/opcodes.hpp"
#include "support/result.hpp"

namespace xipy::compiler {

// What a raw code's prelude says about its scope; the compile pass knows all of it once scope
// analysis has run (MicroPython's scope_t after scope_compute_things).
struct ScopeDescription {
    Text name = {};                    // "<module>", "f", "<lambda>", "<listcomp>", ...
    Vector<Text> argument_names = {};  // positional, then keyword-only; "*" for none
    std::uint32_t scope_flags = 0;     // format::scope_flag_*; yield adds the generator bit
    std::uint32_t positional_count = 0;
    std::uint32_t keyword_only_count = 0;
    std::uint32_t default_positional_count = 0;
    std::uint32_t local_count = 0;    // argument and local slots, cells included
    Vector<std::uint8_t> cells = {};  // the local numbers that become cells, in id order
    bool line_numbers = true;         // false: no line table (mpy-cross -O3)
};

// Kinds of the operations below; each maps onto the opcode MicroPython emits for it.
enum class ConstantToken : std::uint8_t { false_value, none, true_value, ellipsis };
enum class LocalKind : std::uint8_t { fast, dereference };
enum class GlobalKind : std::uint8_t { name, global };
enum class AccessKind : std::uint8_t { load, store, deletion };
enum class BlockKind : std::uint8_t { with, except, finally };
enum class BuildKind : std::uint8_t { tuple, list, map, set, slice };
enum class ImportKind : std::uint8_t { name, from, star };
enum class YieldKind : std::uint8_t { value, from };
enum class ComprehensionKind : std::uint8_t { list, dictionary, set };

// Unary operators in bytecode order (image::unary_operator_names).
enum class UnaryOperator : std::uint8_t { positive, negative, invert, logical_not };

// Binary operators in bytecode order (image::binary_operator_names), then the two that
// MicroPython emits as another operator followed by a `not`.
enum class BinaryOperator : std::uint8_t {
    less,
    more,
    equal,
    less_equal,
    more_equal,
    not_equal,
    in,
    is,
    exception_match,
    inplace_or,
    inplace_xor,
    inplace_and,
    inplace_left_shift,
    inplace_right_shift,
    inplace_add,
    inplace_subtract,
    inplace_multiply,
    inplace_matrix_multiply,
    inplace_floor_divide,
    inplace_true_divide,
    inplace_modulo,
    inplace_power,
    bitwise_or,
    bitwise_xor,
    bitwise_and,
    left_shift,
    right_shift,
    add,
    subtract,
    multiply,
    matrix_multiply,
    floor_divide,
    true_divide,
    modulo,
    power,
    not_in,
    is_not,
};
static_assert(static_cast<std::size_t>(BinaryOperator::not_in) ==
              image::binary_operator_names.size());

// Star flags of a call (MicroPython's MP_EMIT_STAR_FLAG_*): any set flag selects the _VAR_KW
// form of the call.
inline constexpr std::uint32_t star_flag_single = 0x01;
inline constexpr std::uint32_t star_flag_double = 0x02;

// A jump target, made by new_label() and placed by assign_label().
struct Label {
    std::uint32_t id = 0;
};

// Builds one raw code. The compile pass calls the operations in source order, once (unlike
// MicroPython's emitter it needs no repeated passes: it records the code and lays it out at
// finish()). Each operation pushes and pops what MicroPython's py/emitbc.c does, so the stack
// size, and with it n_state, comes out as mpy-cross computes it; qstrs and constants go into
// the module's tables in the order they are used.
//
// Dead code: after an unconditional jump, return or raise, nothing is written until the next
// assign_label(), as in MicroPython, but the stack is still counted and line numbers still
// move on. Invariant: the code is written to exactly one CompiledCode, at finish().
class Emitter {
  public:
    // Uses the name and argument names in the module's qstr table at once, as MicroPython's
    // start of a pass does.
    Emitter(CompiledModule& module, std::uint32_t code_index, ScopeDescription scope);

    // Scope facts that scope analysis settles after the emitter was made.
    void set_local_count(std::uint32_t count) { scope_.local_count = count; }
    void set_cells(Vector<std::uint8_t> cells) { scope_.cells = std::move(cells); }

    Label new_label();
    void assign_label(Label label);
    void set_source_line(std::uint32_t line);
    void adjust_stack_size(std::int32_t delta);

    // Constants.
    void load_const_token(ConstantToken token);
    // A value MicroPython deems a small int (small_int_fits()); others are constant objects.
    void load_const_small_int(std::int64_t value);
    void load_const_string(std::string_view text);
    void load_const_object(const ConstantValue& value);
    void load_null();

    // Names.
    void load_local(std::uint32_t local, LocalKind kind);
    void store_local(std::uint32_t local, LocalKind kind);
    void delete_local(std::uint32_t local, LocalKind kind);
    void load_global(std::string_view name, GlobalKind kind);
    void store_global(std::string_view name, GlobalKind kind);
    void delete_global(std::string_view name, GlobalKind kind);
    void load_method(std::string_view name, bool is_super);
    void load_build_class();
    void subscript(AccessKind kind);
    void attribute(std::string_view name, AccessKind kind);
    void import_name(std::string_view name, ImportKind kind);

    // Stack shuffles.
    void dup_top();
    void dup_top_two();
    void pop_top();
    void rot_two();
    void rot_three();

    // Control flow.
    void jump(Label label);
    void pop_jump_if(bool condition, Label label);
    void jump_if_or_pop(bool condition, Label label);
    // break/continue leaving `exception_depth` exception blocks; `from_for` drops a for
    // loop's iterator on the way (MP_EMIT_BREAK_FROM_FOR).
    void unwind_jump(Label label, std::uint32_t exception_depth, bool from_for);
    void setup_block(Label label, BlockKind kind);
    // setup_block() and one more exception-stack level (MicroPython's
    // compile_increase_except_level); end_exception_block() closes it with END_FINALLY.
    void begin_exception_block(Label label, BlockKind kind);
    void end_exception_block();
    void with_cleanup(Label label);
    void end_finally();
    void get_iter(bool use_stack);
    void for_iter(Label label);
    void for_iter_end();
    void pop_except_jump(Label label, bool within_exception_handler);
    void start_except_handler();
    void end_except_handler();

    // Operators and builders.
    void unary_op(UnaryOperator op);
    void binary_op(BinaryOperator op);
    void build(std::uint32_t count, BuildKind kind);
    void store_map();
    void store_comp(ComprehensionKind kind, std::uint32_t collection_stack_index);
    void unpack_sequence(std::uint32_t count);
    void unpack_ex(std::uint32_t before_star, std::uint32_t after_star);

    // Functions. `child` is the index of the child's code in the module.
    void make_function(std::uint32_t child, std::uint32_t positional_defaults,
                       std::uint32_t keyword_defaults);
    void make_closure(std::uint32_t child, std::uint32_t closed_over,
                      std::uint32_t positional_defaults, std::uint32_t keyword_defaults);
    void call_function(std::uint32_t positional, std::uint32_t keyword, std::uint32_t star_flags);
    void call_method(std::uint32_t positional, std::uint32_t keyword, std::uint32_t star_flags);
    void return_value();
    void raise_varargs(std::uint32_t count);
    void yield(YieldKind kind);

    // Whether `value` is a small int in the module's small-int width (MP_SMALL_INT_FITS).
    bool small_int_fits(std::int64_t value) const;

    // What the code needs so far.
    std::uint32_t stack_size() const { return maximum_stack_; }
    std::uint32_t exception_stack_size() const { return maximum_exception_level_; }
    std::int32_t current_stack() const { return stack_; }

    // Lays the code out (jump sizes as MicroPython chooses them), writes its function data
    // and children into the module. Fails on a jump too far for the two-byte form ("bytecode
    // overflow", as MicroPython) or a label never assigned.
    support::Status finish();

  private:
    // One recorded step: an instruction, a label's position or a line change.
    struct Item {
        enum class Type : std::uint8_t { instruction, label, line };
        Type type = Type::instruction;
        std::uint8_t opcode = 0;
        bool has_extra = false;
        std::uint8_t extra = 0;
        std::int64_t operand = 0;  // var-uint/int operand, label id, or line number
    };

    // Records one instruction (unless in dead code) after counting its stack effect, which
    // image::stack_effect() gives for every opcode as emitbc.c counts it.
    void emit(std::uint8_t byte, std::int64_t operand = 0, bool has_extra = false,
              std::uint8_t extra = 0);
    void emit(image::Opcode opcode, std::int64_t operand = 0) {
        emit(static_cast<std::uint8_t>(opcode), operand);
    }
    // An instruction written without counting it (unwind_jump's iterator POP_TOPs).
    void emit_uncounted(std::uint8_t byte);
    void emit_jump(image::Opcode opcode, Label label);
    void emit_child(image::Opcode opcode, std::uint32_t child, bool has_extra, std::uint8_t extra);
    void emit_call(image::Opcode base, std::uint32_t positional, std::uint32_t keyword,
                   std::uint32_t star_flags);
    std::uint32_t qstr(std::string_view text);

    CompiledModule& module_;
    std::uint32_t code_index_;
    ScopeDescription scope_;
    Vector<std::uint32_t> argument_qstrs_;
    std::uint32_t name_qstr_ = 0;
    Vector<Item> items_;
    Vector<std::uint32_t> children_;
    std::uint32_t label_count_ = 0;
    bool suppressed_ = false;
    std::int32_t stack_ = 0;
    std::uint32_t maximum_stack_ = 0;
    std::uint32_t exception_level_ = 0;
    std::uint32_t maximum_exception_level_ = 0;
    std::uint32_t last_line_ = 1;
};

}  // namespace xipy::compiler
