// Emitter: records the operations of one raw code, counts its stack as mpy-cross does and lays it
// out.
#include "compiler/emitter.hpp"

#include <utility>

#include "image/format.hpp"
#include "image/operand_writer.hpp"

namespace xipy::compiler {

namespace {

using image::Opcode;

constexpr std::uint8_t byte_of(Opcode opcode) { return static_cast<std::uint8_t>(opcode); }

// Two slots WITH_CLEANUP writes above the top of the stack to call __exit__ (opcodes.hpp);
// MicroPython counts them only while the instruction is emitted.
constexpr std::int32_t with_cleanup_transient_slots = 2;
// An except handler starts with the exception on the stack, and MicroPython reserves three
// more slots for the state an UNWIND_JUMP through a finally leaves (py/emitbc.c).
constexpr std::int32_t except_handler_exception_slots = 1;
constexpr std::int32_t unwind_state_slots = 3;

// The line-table entries for moving `bytes` bytecode bytes and `lines` lines on, as
// MicroPython writes them: short entries while the line step is small or the byte step big,
// bytes before lines when one entry cannot hold both.
void append_line_step(Vector<std::uint8_t>& out, std::uint64_t bytes, std::uint64_t lines) {
    using namespace image::format;
    constexpr std::uint64_t short_lines_limit = 3;
    constexpr std::uint64_t long_lines_limit = 0x7ff;
    constexpr std::uint64_t short_entry_lines_threshold = 6;
    while (bytes > 0 || lines > 0) {
        if (lines <= short_entry_lines_threshold || bytes > line_long_offset_mask) {
            const std::uint64_t byte_step = std::min<std::uint64_t>(bytes, line_short_offset_mask);
            const std::uint64_t line_step =
                byte_step < bytes ? 0 : std::min<std::uint64_t>(lines, short_lines_limit);
            out.push_back(
                static_cast<std::uint8_t>(byte_step | line_step << line_short_line_shift));
            bytes -= byte_step;
            lines -= line_step;
        } else {
            const std::uint64_t byte_step = std::min<std::uint64_t>(bytes, line_long_offset_mask);
            const std::uint64_t line_step = std::min<std::uint64_t>(lines, long_lines_limit);
            out.push_back(static_cast<std::uint8_t>(line_entry_long | byte_step |
                                                    ((line_step >> 4) & line_long_line_high_mask)));
            out.push_back(static_cast<std::uint8_t>(line_step & 0xff));
            bytes -= byte_step;
            lines -= line_step;
        }
    }
}

// The prelude signature (format.hpp: xSSSSEAA, then xFSSKAED per extension byte).
void append_signature(Vector<std::uint8_t>& out, std::uint32_t n_state, std::uint32_t n_exc_stack,
                      const ScopeDescription& scope) {
    std::uint32_t state = n_state - 1;  // stored one less, to compress better
    std::uint32_t exceptions = n_exc_stack;
    std::uint32_t flags = scope.scope_flags & image::format::scope_flags_in_signature;
    std::uint32_t positional = scope.positional_count;
    std::uint32_t keyword_only = scope.keyword_only_count;
    std::uint32_t defaults = scope.default_positional_count;
    std::uint8_t byte =
        static_cast<std::uint8_t>((state & 0x0f) << 3 | (exceptions & 1) << 2 | (positional & 3));
    state >>= 4;
    exceptions >>= 1;
    positional >>= 2;
    while ((state | exceptions | flags | positional | keyword_only | defaults) != 0) {
        out.push_back(static_cast<std::uint8_t>(image::format::vuint_continue | byte));
        byte = static_cast<std::uint8_t>((flags & 1) << 6 | (state & 3) << 4 |
                                         (keyword_only & 1) << 3 | (positional & 1) << 2 |
                                         (exceptions & 1) << 1 | (defaults & 1));
        state >>= 2;
        exceptions >>= 1;
        flags >>= 1;
        positional >>= 1;
        keyword_only >>= 1;
        defaults >>= 1;
    }
    out.push_back(byte);
}

// The prelude sizes (format.hpp: xIIIIIIC per byte).
void append_sizes(Vector<std::uint8_t>& out, std::uint64_t n_info, std::uint64_t n_cell) {
    do {
        std::uint8_t byte = static_cast<std::uint8_t>((n_info & 0x3f) << 1 | (n_cell & 1));
        n_cell >>= 1;
        n_info >>= 6;
        if ((n_cell | n_info) != 0) {
            byte |= image::format::vuint_continue;
        }
        out.push_back(byte);
    } while ((n_cell | n_info) != 0);
}

bool is_signed_jump(std::uint8_t opcode) {
    return image::opcode_info(opcode).format == image::OperandFormat::jump_signed;
}

}  // namespace

Emitter::Emitter(CompiledModule& module, std::uint32_t code_index, ScopeDescription scope)
    : module_(module), code_index_(code_index), scope_(std::move(scope)) {
    name_qstr_ = qstr(scope_.name);
    for (const Text& argument : scope_.argument_names) {
        argument_qstrs_.push_back(qstr(argument));
    }
}

std::uint32_t Emitter::qstr(std::string_view text) { return module_.qstrs.use(text); }

bool Emitter::small_int_fits(std::int64_t value) const {
    const unsigned bits = module_.small_int_bits;
    if (bits >= 64) {
        return true;
    }
    const std::int64_t limit = std::int64_t{1} << (bits - 1);
    return -limit <= value && value < limit;
}

Label Emitter::new_label() { return Label{label_count_++}; }

void Emitter::assign_label(Label label) {
    // A label ends dead code: something may jump here.
    suppressed_ = false;
    items_.push_back({Item::Type::label, 0, false, 0, label.id});
}

void Emitter::set_source_line(std::uint32_t line) {
    if (!scope_.line_numbers || line <= last_line_) {
        return;
    }
    items_.push_back({Item::Type::line, 0, false, 0, line});
    last_line_ = line;
}

void Emitter::adjust_stack_size(std::int32_t delta) {
    stack_ += delta;
    if (stack_ > static_cast<std::int32_t>(maximum_stack_)) {
        maximum_stack_ = static_cast<std::uint32_t>(stack_);
    }
}

void Emitter::emit(std::uint8_t byte, std::int64_t operand, bool has_extra, std::uint8_t extra) {
    adjust_stack_size(image::stack_effect(byte, static_cast<std::uint32_t>(operand), extra));
    if (!suppressed_) {
        items_.push_back({Item::Type::instruction, byte, has_extra, extra, operand});
    }
}

void Emitter::emit_uncounted(std::uint8_t byte) {
    if (!suppressed_) {
        items_.push_back({Item::Type::instruction, byte, false, 0, 0});
    }
}

void Emitter::emit_jump(Opcode opcode, Label label) { emit(byte_of(opcode), label.id); }

void Emitter::emit_child(Opcode opcode, std::uint32_t child, bool has_extra, std::uint8_t extra) {
    // MicroPython numbers a child when it emits the instruction, even in dead code.
    const auto index = static_cast<std::uint32_t>(children_.size());
    children_.push_back(child);
    emit(byte_of(opcode), index, has_extra, extra);
}

void Emitter::emit_call(Opcode base, std::uint32_t positional, std::uint32_t keyword,
                        std::uint32_t star_flags) {
    const auto opcode = static_cast<std::uint8_t>(byte_of(base) + (star_flags != 0 ? 1 : 0));
    emit(opcode, std::int64_t{keyword} << 8 | positional);
}

void Emitter::load_const_token(ConstantToken token) {
    switch (token) {
        case ConstantToken::false_value:
            return emit(Opcode::LOAD_CONST_FALSE);
        case ConstantToken::none:
            return emit(Opcode::LOAD_CONST_NONE);
        case ConstantToken::true_value:
            return emit(Opcode::LOAD_CONST_TRUE);
        case ConstantToken::ellipsis:
            return load_const_object(ConstantValue::singleton(ConstantKind::ellipsis));
    }
}

void Emitter::load_const_small_int(std::int64_t value) {
    constexpr std::int64_t excess = image::small_int_multi_excess;
    constexpr std::int64_t range = 64;  // XIPY_OPCODE_RANGES: LOAD_CONST_SMALL_INT_MULTI's count
    static_assert(
        image::opcode_info(byte_of(Opcode::LOAD_CONST_SMALL_INT_MULTI) + range - 1).first_byte ==
        byte_of(Opcode::LOAD_CONST_SMALL_INT_MULTI));
    if (-excess <= value && value < range - excess) {
        emit(static_cast<std::uint8_t>(byte_of(Opcode::LOAD_CONST_SMALL_INT_MULTI) + excess +
                                       value));
    } else {
        emit(Opcode::LOAD_CONST_SMALL_INT, value);
    }
}

void Emitter::load_const_string(std::string_view text) {
    emit(Opcode::LOAD_CONST_STRING, qstr(text));
}

void Emitter::load_const_object(const ConstantValue& value) {
    emit(Opcode::LOAD_CONST_OBJ, module_.constants.use(value));
}

void Emitter::load_null() { emit(Opcode::LOAD_NULL); }

namespace {

// Locals 0..15 have one-byte forms (LOAD_FAST_MULTI, STORE_FAST_MULTI).
constexpr std::uint32_t multi_local_count = 16;

}  // namespace

void Emitter::load_local(std::uint32_t local, LocalKind kind) {
    if (kind == LocalKind::fast && local < multi_local_count) {
        emit(static_cast<std::uint8_t>(byte_of(Opcode::LOAD_FAST_MULTI) + local));
    } else {
        emit(kind == LocalKind::fast ? Opcode::LOAD_FAST_N : Opcode::LOAD_DEREF, local);
    }
}

void Emitter::store_local(std::uint32_t local, LocalKind kind) {
    if (kind == LocalKind::fast && local < multi_local_count) {
        emit(static_cast<std::uint8_t>(byte_of(Opcode::STORE_FAST_MULTI) + local));
    } else {
        emit(kind == LocalKind::fast ? Opcode::STORE_FAST_N : Opcode::STORE_DEREF, local);
    }
}

void Emitter::delete_local(std::uint32_t local, LocalKind kind) {
    emit(kind == LocalKind::fast ? Opcode::DELETE_FAST : Opcode::DELETE_DEREF, local);
}

void Emitter::load_global(std::string_view name, GlobalKind kind) {
    emit(kind == GlobalKind::name ? Opcode::LOAD_NAME : Opcode::LOAD_GLOBAL, qstr(name));
}

void Emitter::store_global(std::string_view name, GlobalKind kind) {
    emit(kind == GlobalKind::name ? Opcode::STORE_NAME : Opcode::STORE_GLOBAL, qstr(name));
}

void Emitter::delete_global(std::string_view name, GlobalKind kind) {
    emit(kind == GlobalKind::name ? Opcode::DELETE_NAME : Opcode::DELETE_GLOBAL, qstr(name));
}

void Emitter::load_method(std::string_view name, bool is_super) {
    emit(is_super ? Opcode::LOAD_SUPER_METHOD : Opcode::LOAD_METHOD, qstr(name));
}

void Emitter::load_build_class() { emit(Opcode::LOAD_BUILD_CLASS); }

void Emitter::subscript(AccessKind kind) {
    if (kind == AccessKind::load) {
        return emit(Opcode::LOAD_SUBSCR);
    }
    if (kind == AccessKind::deletion) {
        // Deleting stores the null value.
        load_null();
        rot_three();
    }
    emit(Opcode::STORE_SUBSCR);
}

void Emitter::attribute(std::string_view name, AccessKind kind) {
    if (kind == AccessKind::load) {
        return emit(Opcode::LOAD_ATTR, qstr(name));
    }
    if (kind == AccessKind::deletion) {
        load_null();
        rot_two();
    }
    emit(Opcode::STORE_ATTR, qstr(name));
}

void Emitter::import_name(std::string_view name, ImportKind kind) {
    switch (kind) {
        case ImportKind::name:
            return emit(Opcode::IMPORT_NAME, qstr(name));
        case ImportKind::from:
            return emit(Opcode::IMPORT_FROM, qstr(name));
        case ImportKind::star:
            return emit(Opcode::IMPORT_STAR);
    }
}

void Emitter::dup_top() { emit(Opcode::DUP_TOP); }
void Emitter::dup_top_two() { emit(Opcode::DUP_TOP_TWO); }
void Emitter::pop_top() { emit(Opcode::POP_TOP); }
void Emitter::rot_two() { emit(Opcode::ROT_TWO); }
void Emitter::rot_three() { emit(Opcode::ROT_THREE); }

void Emitter::jump(Label label) {
    emit_jump(Opcode::JUMP, label);
    suppressed_ = true;
}

void Emitter::pop_jump_if(bool condition, Label label) {
    emit_jump(condition ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
}

void Emitter::jump_if_or_pop(bool condition, Label label) {
    emit_jump(condition ? Opcode::JUMP_IF_TRUE_OR_POP : Opcode::JUMP_IF_FALSE_OR_POP, label);
}

void Emitter::unwind_jump(Label label, std::uint32_t exception_depth, bool from_for) {
    constexpr std::uint8_t drops_iterator = 0x80;
    if (exception_depth == 0) {
        if (from_for) {
            // The iterator and its buffer, popped without counting, as MicroPython does.
            for (int slot = 0; slot < image::iterator_buffer_slots; ++slot) {
                emit_uncounted(byte_of(Opcode::POP_TOP));
            }
        }
        emit_jump(Opcode::JUMP, label);
    } else {
        emit(byte_of(Opcode::UNWIND_JUMP), label.id, true,
             static_cast<std::uint8_t>((from_for ? drops_iterator : 0) | exception_depth));
    }
    suppressed_ = true;
}

void Emitter::setup_block(Label label, BlockKind kind) {
    switch (kind) {
        case BlockKind::with:
            return emit_jump(Opcode::SETUP_WITH, label);
        case BlockKind::except:
            return emit_jump(Opcode::SETUP_EXCEPT, label);
        case BlockKind::finally:
            return emit_jump(Opcode::SETUP_FINALLY, label);
    }
}

void Emitter::begin_exception_block(Label label, BlockKind kind) {
    setup_block(label, kind);
    ++exception_level_;
    if (exception_level_ > maximum_exception_level_) {
        maximum_exception_level_ = exception_level_;
    }
}

void Emitter::end_exception_block() {
    if (exception_level_ > 0) {
        --exception_level_;
    }
    end_finally();
}

void Emitter::with_cleanup(Label label) {
    load_const_token(ConstantToken::none);
    assign_label(label);
    adjust_stack_size(with_cleanup_transient_slots);
    emit_uncounted(byte_of(Opcode::WITH_CLEANUP));
    // Drops the transient slots and SETUP_WITH's two.
    adjust_stack_size(-with_cleanup_transient_slots - 2);
}

void Emitter::end_finally() { emit(Opcode::END_FINALLY); }

void Emitter::get_iter(bool use_stack) {
    emit(use_stack ? Opcode::GET_ITER_STACK : Opcode::GET_ITER);
}

void Emitter::for_iter(Label label) { emit_jump(Opcode::FOR_ITER, label); }

void Emitter::for_iter_end() { adjust_stack_size(-image::iterator_buffer_slots); }

void Emitter::pop_except_jump(Label label, bool within_exception_handler) {
    (void)within_exception_handler;
    emit_jump(Opcode::POP_EXCEPT_JUMP, label);
    suppressed_ = true;
}

void Emitter::start_except_handler() {
    adjust_stack_size(except_handler_exception_slots + unwind_state_slots);
}

void Emitter::end_except_handler() { adjust_stack_size(-unwind_state_slots); }

void Emitter::unary_op(UnaryOperator op) {
    emit(
        static_cast<std::uint8_t>(byte_of(Opcode::UNARY_OP_MULTI) + static_cast<std::uint8_t>(op)));
}

void Emitter::binary_op(BinaryOperator op) {
    bool invert = false;
    if (op == BinaryOperator::not_in) {
        op = BinaryOperator::in;
        invert = true;
    } else if (op == BinaryOperator::is_not) {
        op = BinaryOperator::is;
        invert = true;
    }
    emit(static_cast<std::uint8_t>(byte_of(Opcode::BINARY_OP_MULTI) +
                                   static_cast<std::uint8_t>(op)));
    if (invert) {
        unary_op(UnaryOperator::logical_not);
    }
}

void Emitter::build(std::uint32_t count, BuildKind kind) {
    static_assert(byte_of(Opcode::BUILD_LIST) == byte_of(Opcode::BUILD_TUPLE) + 1 &&
                  byte_of(Opcode::BUILD_MAP) == byte_of(Opcode::BUILD_TUPLE) + 2 &&
                  byte_of(Opcode::BUILD_SET) == byte_of(Opcode::BUILD_TUPLE) + 3 &&
                  byte_of(Opcode::BUILD_SLICE) == byte_of(Opcode::BUILD_TUPLE) + 4);
    emit(static_cast<std::uint8_t>(byte_of(Opcode::BUILD_TUPLE) + static_cast<std::uint8_t>(kind)),
         count);
}

void Emitter::store_map() { emit(Opcode::STORE_MAP); }

void Emitter::store_comp(ComprehensionKind kind, std::uint32_t collection_stack_index) {
    // The low two bits say the collection's type; a dict comprehension stores a key and a
    // value, so its collection lies one slot deeper.
    std::uint32_t deeper = 0;
    std::uint32_t type = 0;
    if (kind == ComprehensionKind::dictionary) {
        deeper = 1;
        type = 1;
    } else if (kind == ComprehensionKind::set) {
        type = 2;
    }
    emit(Opcode::STORE_COMP, std::int64_t{(collection_stack_index + deeper) << 2 | type});
}

void Emitter::unpack_sequence(std::uint32_t count) { emit(Opcode::UNPACK_SEQUENCE, count); }

void Emitter::unpack_ex(std::uint32_t before_star, std::uint32_t after_star) {
    emit(Opcode::UNPACK_EX, std::int64_t{before_star | after_star << 8});
}

void Emitter::make_function(std::uint32_t child, std::uint32_t positional_defaults,
                            std::uint32_t keyword_defaults) {
    const bool defaults = positional_defaults != 0 || keyword_defaults != 0;
    emit_child(defaults ? Opcode::MAKE_FUNCTION_DEFARGS : Opcode::MAKE_FUNCTION, child, false, 0);
}

void Emitter::make_closure(std::uint32_t child, std::uint32_t closed_over,
                           std::uint32_t positional_defaults, std::uint32_t keyword_defaults) {
    const bool defaults = positional_defaults != 0 || keyword_defaults != 0;
    emit_child(defaults ? Opcode::MAKE_CLOSURE_DEFARGS : Opcode::MAKE_CLOSURE, child, true,
               static_cast<std::uint8_t>(closed_over));
}

void Emitter::call_function(std::uint32_t positional, std::uint32_t keyword,
                            std::uint32_t star_flags) {
    emit_call(Opcode::CALL_FUNCTION, positional, keyword, star_flags);
}

void Emitter::call_method(std::uint32_t positional, std::uint32_t keyword,
                          std::uint32_t star_flags) {
    emit_call(Opcode::CALL_METHOD, positional, keyword, star_flags);
}

void Emitter::return_value() {
    emit(Opcode::RETURN_VALUE);
    suppressed_ = true;
}

void Emitter::raise_varargs(std::uint32_t count) {
    emit(static_cast<std::uint8_t>(byte_of(Opcode::RAISE_LAST) + count));
    suppressed_ = true;
}

void Emitter::yield(YieldKind kind) {
    emit(kind == YieldKind::value ? Opcode::YIELD_VALUE : Opcode::YIELD_FROM);
    scope_.scope_flags |= image::format::scope_flag_generator;
}

support::Status Emitter::finish() {
    using image::OperandFormat;
    // Where each label sits among the items, and the fixed size of each instruction but for
    // its jump operand.
    Vector<std::int64_t> label_offsets(label_count_, -1);
    Vector<std::uint32_t> base_sizes(items_.size(), 0);
    Vector<bool> one_byte(items_.size(), false);
    Vector<std::uint8_t> scratch;
    for (std::size_t index = 0; index < items_.size(); ++index) {
        const Item& item = items_[index];
        if (item.type != Item::Type::instruction) {
            continue;
        }
        const image::OpcodeInfo& info = image::opcode_info(item.opcode);
        std::uint32_t size = 1 + (item.has_extra ? 1 : 0);
        switch (info.format) {
            case OperandFormat::qstr:
            case OperandFormat::var_uint:
            case OperandFormat::constant_index:
            case OperandFormat::child_index:
                size += static_cast<std::uint32_t>(
                    image::var_uint_size(static_cast<std::uint64_t>(item.operand)));
                break;
            case OperandFormat::signed_var_int:
                scratch.clear();
                image::append_signed_var_int(scratch, item.operand);
                size += static_cast<std::uint32_t>(scratch.size());
                break;
            default:
                break;
        }
        base_sizes[index] = size;
    }

    // Jump sizes as MicroPython settles them: every jump starts in the two-byte form, then each
    // pass shrinks those whose target, as the previous pass placed it, fits one byte, until
    // nothing changes. Code only shrinks, so this reaches the same layout as mpy-cross's
    // repeated emit passes.
    auto lay_out = [&](bool update_jumps) {
        std::int64_t position = 0;
        bool changed = false;
        Vector<std::int64_t> placed(label_count_, -1);
        for (std::size_t index = 0; index < items_.size(); ++index) {
            const Item& item = items_[index];
            if (item.type == Item::Type::label) {
                placed[static_cast<std::size_t>(item.operand)] = position;
                continue;
            }
            if (item.type != Item::Type::instruction) {
                continue;
            }
            std::int64_t size = base_sizes[index];
            if (image::opcode_info(item.opcode).is_jump()) {
                if (update_jumps) {
                    const std::int64_t target =
                        label_offsets[static_cast<std::size_t>(item.operand)];
                    const bool fits = image::jump_fits_one_byte(target - position - 2,
                                                                is_signed_jump(item.opcode));
                    if (fits != one_byte[index]) {
                        one_byte[index] = fits;
                        changed = true;
                    }
                }
                size += one_byte[index] ? 1 : 2;
            }
            position += size;
        }
        label_offsets = std::move(placed);
        return changed;
    };
    lay_out(false);
    // A label nothing jumps to may stay unplaced, as when a constant condition drops a test.
    for (const Item& item : items_) {
        if (item.type == Item::Type::instruction && image::opcode_info(item.opcode).is_jump() &&
            label_offsets[static_cast<std::size_t>(item.operand)] < 0) {
            return support::make_error(support::Error::no_offset, "label never assigned");
        }
    }
    while (lay_out(true)) {
    }

    // The bytecode and the line table, from the settled layout.
    Vector<std::uint8_t> bytecode;
    Vector<std::uint8_t> lines;
    std::uint64_t line_offset = 0;
    std::uint64_t line = image::format::first_line;
    for (std::size_t index = 0; index < items_.size(); ++index) {
        const Item& item = items_[index];
        if (item.type == Item::Type::line) {
            const auto line_number = static_cast<std::uint64_t>(item.operand);
            append_line_step(lines, bytecode.size() - line_offset, line_number - line);
            line_offset = bytecode.size();
            line = line_number;
            continue;
        }
        if (item.type != Item::Type::instruction) {
            continue;
        }
        const image::OpcodeInfo& info = image::opcode_info(item.opcode);
        const auto position = static_cast<std::int64_t>(bytecode.size());
        bytecode.push_back(item.opcode);
        switch (info.format) {
            case OperandFormat::qstr:
            case OperandFormat::var_uint:
            case OperandFormat::constant_index:
            case OperandFormat::child_index:
                image::append_var_uint(bytecode, static_cast<std::uint64_t>(item.operand));
                break;
            case OperandFormat::signed_var_int:
                image::append_signed_var_int(bytecode, item.operand);
                break;
            case OperandFormat::jump_signed:
            case OperandFormat::jump_unsigned: {
                const std::int64_t target = label_offsets[static_cast<std::size_t>(item.operand)];
                const std::int64_t offset = target - position - (one_byte[index] ? 2 : 3);
                if (!image::append_jump_offset(bytecode, offset, is_signed_jump(item.opcode),
                                               one_byte[index])) {
                    return support::make_error(support::Error::no_offset, "bytecode overflow");
                }
                break;
            }
            default:
                break;
        }
        if (item.has_extra) {
            bytecode.push_back(item.extra);
        }
    }

    Vector<std::uint8_t> info;
    image::append_var_uint(info, name_qstr_);
    for (std::uint32_t argument : argument_qstrs_) {
        image::append_var_uint(info, argument);
    }
    info.insert(info.end(), lines.begin(), lines.end());

    std::uint32_t n_state = scope_.local_count + maximum_stack_;
    if (n_state == 0) {
        // An exception leaving the function is kept in the highest state slot.
        n_state = 1;
    }
    CompiledCode& code = module_.codes[code_index_];
    code.function_data.clear();
    append_signature(code.function_data, n_state, maximum_exception_level_, scope_);
    append_sizes(code.function_data, info.size(), scope_.cells.size());
    code.function_data.insert(code.function_data.end(), info.begin(), info.end());
    code.function_data.insert(code.function_data.end(), scope_.cells.begin(), scope_.cells.end());
    code.function_data.insert(code.function_data.end(), bytecode.begin(), bytecode.end());
    code.children = children_;
    return support::Success{};
}

}  // namespace xipy::compiler
