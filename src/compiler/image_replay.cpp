// Replays a loaded .mpy image through the Emitter, reconstructing what only the compile pass knows.
#include "compiler/image_replay.hpp"

#include <algorithm>
#include <utility>

#include "compiler/emitter.hpp"
#include "image/format.hpp"
#include "image/instruction.hpp"
#include "image/opcodes.hpp"

namespace xipy::compiler {

namespace {

using image::Opcode;
using support::make_error;

constexpr std::int32_t unknown_depth = -1;

Opcode opcode_of(const image::Instruction& instruction) {
    return static_cast<Opcode>(instruction.info().first_byte);
}

bool falls_through(Opcode opcode) { return !image::ends_flow(opcode); }

bool is_setup(Opcode opcode) {
    return opcode == Opcode::SETUP_WITH || opcode == Opcode::SETUP_EXCEPT ||
           opcode == Opcode::SETUP_FINALLY;
}

bool is_store(Opcode opcode) {
    switch (opcode) {
        case Opcode::STORE_FAST_MULTI:
        case Opcode::STORE_FAST_N:
        case Opcode::STORE_DEREF:
        case Opcode::STORE_NAME:
        case Opcode::STORE_GLOBAL:
            return true;
        default:
            return false;
    }
}

ConstantValue constant_value(const image::Image& image, const image::Constant& constant) {
    switch (constant.kind) {
        case image::ConstantKind::none:
            return ConstantValue::singleton(ConstantKind::none);
        case image::ConstantKind::false_value:
            return ConstantValue::singleton(ConstantKind::false_value);
        case image::ConstantKind::true_value:
            return ConstantValue::singleton(ConstantKind::true_value);
        case image::ConstantKind::ellipsis:
            return ConstantValue::singleton(ConstantKind::ellipsis);
        case image::ConstantKind::string:
            return ConstantValue::string(constant.text);
        case image::ConstantKind::bytes:
            return ConstantValue::bytes(constant.text);
        case image::ConstantKind::small_int:
            return ConstantValue::integer(support::DecimalText(constant.small_int));
        case image::ConstantKind::big_int:
            return ConstantValue::integer(constant.text);
        case image::ConstantKind::float_value:
            return ConstantValue::floating(constant.real, constant.text);
        case image::ConstantKind::complex_value:
            return ConstantValue::imaginary(constant.imaginary, constant.text);
        case image::ConstantKind::tuple: {
            Vector<ConstantValue> items;
            for (const image::Constant& item : image.items(constant)) {
                items.push_back(constant_value(image, item));
            }
            return ConstantValue::tuple(std::move(items));
        }
    }
    return ConstantValue::singleton(ConstantKind::none);
}

// Replays one raw code into module.codes[code_index], then its children.
class CodeReplay {
  public:
    CodeReplay(const image::Image& image, const image::RawCode& code, CompiledModule& module,
               const Vector<ConstantValue>& constants)
        : image_(image), code_(code), module_(module), constants_(constants) {}

    support::Status run(std::uint32_t code_index, std::size_t depth) {
        if (depth > image::format::maximum_nesting_depth) {
            return make_error(code_.file_offset, "functions nested too deeply");
        }
        XIPY_CHECK(decode());
        match_blocks();
        find_depths();
        find_reserves();

        // Children get their module slots first, so MAKE_FUNCTION can name them.
        Vector<std::uint32_t> child_codes;
        for (std::size_t index = 0; index < code_.child_count; ++index) {
            child_codes.push_back(module_.add_code());
        }

        Emitter emitter(module_, code_index, scope());
        XIPY_CHECK(replay(emitter, child_codes));
        XIPY_CHECK(emitter.finish());

        const auto children = image_.children(code_);
        for (std::size_t index = 0; index < children.size(); ++index) {
            CodeReplay child(image_, children[index], module_, constants_);
            XIPY_CHECK(child.run(child_codes[index], depth + 1));
        }
        return support::Success{};
    }

  private:
    support::Status decode() {
        std::uint32_t offset = 0;
        while (offset < image_.bytecode(code_).size()) {
            XIPY_TRY(image::Instruction instruction,
                     image::decode_instruction(image_.bytecode(code_), offset));
            index_of_[offset] = instructions_.size();
            instructions_.push_back(instruction);
            offset = instruction.end();
        }
        for (const image::Instruction& instruction : instructions_) {
            if (instruction.info().is_jump()) {
                if (!index_of_.contains(instruction.jump_target) &&
                    instruction.jump_target != image_.bytecode(code_).size()) {
                    return make_error(code_.bytecode_file_offset + instruction.offset,
                                      "jump into an instruction");
                }
                targets_.emplace(instruction.jump_target, Label{});
            }
        }
        return support::Success{};
    }

    // The value-stack depth before each instruction, by following every path once.
    // UNWIND_JUMP's target depth depends on the blocks it leaves, so its edges only count
    // where no other path reaches.
    void find_depths() {
        depths_.assign(instructions_.size() + 1, unknown_depth);
        Vector<std::pair<std::size_t, std::int32_t>> work{{0, 0}};
        Vector<std::pair<std::size_t, std::int32_t>> deferred;
        auto reach = [&](std::uint32_t offset, std::int32_t depth) {
            const auto found = index_of_.find(offset);
            const std::size_t index =
                found == index_of_.end() ? instructions_.size() : found->second;
            if (depths_[index] == unknown_depth) {
                depths_[index] = depth;
                if (index < instructions_.size()) {
                    work.emplace_back(index, depth);
                }
            }
        };
        depths_[0] = 0;
        while (!work.empty() || !deferred.empty()) {
            if (work.empty()) {
                const auto [offset, depth] = deferred.back();
                deferred.pop_back();
                reach(static_cast<std::uint32_t>(offset), depth);
                continue;
            }
            const auto [index, depth] = work.back();
            work.pop_back();
            const image::Instruction& instruction = instructions_[index];
            const Opcode opcode = opcode_of(instruction);
            if (falls_through(opcode)) {
                reach(instruction.end(), depth + instruction.stack_effect());
            }
            if (instruction.info().is_jump()) {
                const std::int32_t target_depth =
                    depth + image::branch_stack_effect(instruction.opcode, instruction.extra_byte);
                if (opcode == Opcode::UNWIND_JUMP) {
                    deferred.emplace_back(instruction.jump_target,
                                          unwound_depth(index, instruction, target_depth));
                } else {
                    reach(instruction.jump_target, target_depth);
                }
            }
        }
        // Code no path reaches (after a constant condition) still counts; its depth is what
        // it leaves for the instruction it falls into.
        for (std::size_t index = instructions_.size(); index-- > 0;) {
            const image::Instruction& instruction = instructions_[index];
            if (depths_[index] == unknown_depth && depths_[index + 1] != unknown_depth &&
                falls_through(opcode_of(instruction))) {
                depths_[index] = depths_[index + 1] - instruction.stack_effect();
            }
        }
    }

    // The depth UNWIND_JUMP leaves: that before the outermost block it leaves (a with block's
    // context manager gone too), less a for loop's iterator when it drops one.
    std::int32_t unwound_depth(std::size_t index, const image::Instruction& instruction,
                               std::int32_t fallback) const {
        std::uint32_t left = instruction.extra_byte & 0x7f;
        for (std::size_t setup = index; setup-- > 0 && left > 0;) {
            if (!is_setup(opcode_of(instructions_[setup])) || closing_[setup] < index) {
                continue;
            }
            if (--left == 0) {
                if (depths_[setup] == unknown_depth) {
                    return fallback;
                }
                std::int32_t depth = depths_[setup];
                if (opcode_of(instructions_[setup]) == Opcode::SETUP_WITH) {
                    depth -= 1;
                }
                if ((instruction.extra_byte & 0x80) != 0) {
                    depth -= image::iterator_buffer_slots;
                }
                return depth;
            }
        }
        return fallback;
    }

    // Pairs each SETUP_* with the END_FINALLY that closes its block: mpy-cross nests them
    // like brackets, because closing a block always emits END_FINALLY.
    void match_blocks() {
        closing_.assign(instructions_.size(), instructions_.size());
        Vector<std::size_t> open;
        for (std::size_t index = 0; index < instructions_.size(); ++index) {
            const Opcode opcode = opcode_of(instructions_[index]);
            if (is_setup(opcode)) {
                open.push_back(index);
            } else if (opcode == Opcode::END_FINALLY && !open.empty()) {
                closing_[open.back()] = index;
                closes_block_.push_back(index);
                open.pop_back();
            }
        }
    }

    std::size_t index_at(std::uint32_t offset) const {
        const auto found = index_of_.find(offset);
        return found == index_of_.end() ? instructions_.size() : found->second;
    }

    // The slots MicroPython's compile pass counts beyond the true depth: 3 in an except
    // handler (unwind state), 3 in a try/finally's body without except clauses, 1 in a
    // finally block (the pending state under the None it starts with).
    void find_reserves() {
        reserves_.assign(instructions_.size() + 1, 0);
        auto add = [&](std::size_t first, std::size_t last, std::int32_t slots) {
            for (std::size_t index = first; index < last && index < instructions_.size(); ++index) {
                reserves_[index] += slots;
            }
        };
        for (std::size_t index = 0; index < instructions_.size(); ++index) {
            const image::Instruction& setup = instructions_[index];
            const Opcode opcode = opcode_of(setup);
            if (opcode != Opcode::SETUP_EXCEPT && opcode != Opcode::SETUP_FINALLY) {
                continue;
            }
            const std::size_t handler = index_at(setup.jump_target);
            const std::size_t closing = closing_[index];
            if (opcode == Opcode::SETUP_EXCEPT) {
                add(handler, closing + 1, 3);
                continue;
            }
            add(handler, closing, 1);
            const bool before_except = except_clauses_of_finally(index, handler);
            // `except E as name:` protects the name's deletion with a finally block, right
            // after the match's POP_JUMP_IF_FALSE and the store.
            const bool except_as =
                index >= 3 && is_store(opcode_of(instructions_[index - 1])) &&
                opcode_of(instructions_[index - 2]) == Opcode::POP_JUMP_IF_FALSE &&
                instructions_[index - 3].opcode ==
                    static_cast<std::uint8_t>(
                        static_cast<std::uint8_t>(Opcode::BINARY_OP_MULTI) +
                        static_cast<std::uint8_t>(BinaryOperator::exception_match));
            if (!before_except && !except_as && handler > index + 1) {
                // The body ends before the LOAD_CONST_NONE that falls into the finally block.
                std::size_t body_end = handler;
                if (opcode_of(instructions_[handler - 1]) == Opcode::LOAD_CONST_NONE) {
                    body_end = handler - 1;
                }
                add(index + 1, body_end, 3);
            }
        }
    }

    // Whether the SETUP_FINALLY at `index` is a try statement's with except clauses: its
    // SETUP_EXCEPT follows at once, and the except block's end leads straight to the
    // LOAD_CONST_NONE before the finally block, or a handler jumps there. Otherwise the body
    // merely starts with a try/except of its own (mpy-cross writes the same instructions for
    // both when the inner statement is the whole body, and counts three more slots for it).
    bool except_clauses_of_finally(std::size_t index, std::size_t handler) const {
        if (index + 1 >= instructions_.size() ||
            opcode_of(instructions_[index + 1]) != Opcode::SETUP_EXCEPT || handler == 0) {
            return false;
        }
        const std::size_t none = handler - 1;
        const std::size_t closing = closing_[index + 1];
        if (closing + 1 == none) {
            return true;
        }
        const std::size_t first_handler = index_at(instructions_[index + 1].jump_target);
        for (std::size_t inner = first_handler; inner < closing; ++inner) {
            if (opcode_of(instructions_[inner]) == Opcode::POP_EXCEPT_JUMP &&
                index_at(instructions_[inner].jump_target) == none) {
                return true;
            }
        }
        return false;
    }

    ScopeDescription scope() const {
        const image::Prelude& prelude = code_.prelude;
        ScopeDescription scope;
        scope.name = image_.qstr(image_.name_qstr(code_));
        for (std::uint32_t argument : image_.argument_name_qstrs(code_)) {
            scope.argument_names.emplace_back(image_.qstr(argument));
        }
        scope.scope_flags = prelude.scope_flags;
        scope.positional_count = prelude.n_pos_args;
        scope.keyword_only_count = prelude.n_kwonly_args;
        scope.default_positional_count = prelude.n_def_pos_args;
        scope.cells.assign(image_.cells(code_).begin(), image_.cells(code_).end());

        // Locals: the arguments, every slot an instruction names and every cell.
        std::uint32_t locals = prelude.n_pos_args + prelude.n_kwonly_args;
        locals += (prelude.scope_flags & image::format::scope_flag_varargs) != 0 ? 1 : 0;
        locals += (prelude.scope_flags & image::format::scope_flag_varkeywords) != 0 ? 1 : 0;
        for (const image::Instruction& instruction : instructions_) {
            switch (opcode_of(instruction)) {
                case Opcode::LOAD_FAST_N:
                case Opcode::STORE_FAST_N:
                case Opcode::DELETE_FAST:
                case Opcode::LOAD_DEREF:
                case Opcode::STORE_DEREF:
                case Opcode::DELETE_DEREF:
                case Opcode::LOAD_FAST_MULTI:
                case Opcode::STORE_FAST_MULTI:
                    locals = std::max(locals, instruction.operand + 1);
                    break;
                default:
                    break;
            }
        }
        for (std::uint8_t cell : image_.cells(code_)) {
            locals = std::max<std::uint32_t>(locals, cell + 1u);
        }
        scope.local_count = locals;
        return scope;
    }

    support::Status replay(Emitter& emitter, const Vector<std::uint32_t>& child_codes) {
        for (auto& [offset, label] : targets_) {
            label = emitter.new_label();
        }
        // Line changes become set_source_line() calls where the line moves on.
        const auto entries = image_.line_entries(code_);
        Vector<image::LineEntry> line_calls;
        for (std::size_t index = 1; index < entries.size(); ++index) {
            if (entries[index].line > entries[index - 1].line) {
                line_calls.push_back(entries[index]);
            }
        }
        std::size_t next_line = 0;
        auto lines_up_to = [&](std::uint32_t offset) {
            while (next_line < line_calls.size() &&
                   line_calls[next_line].bytecode_offset <= offset) {
                emitter.set_source_line(line_calls[next_line].line);
                ++next_line;
            }
        };

        std::size_t next_closing = 0;
        bool after_terminal = false;
        std::int32_t reserve = 0;
        for (std::size_t index = 0; index < instructions_.size(); ++index) {
            const image::Instruction& instruction = instructions_[index];
            const Opcode opcode = opcode_of(instruction);
            const bool is_target = targets_.contains(instruction.offset);

            // WITH_CLEANUP's label is assigned inside with_cleanup(), after its None.
            const bool ends_with = opcode == Opcode::LOAD_CONST_NONE &&
                                   index + 1 < instructions_.size() &&
                                   opcode_of(instructions_[index + 1]) == Opcode::WITH_CLEANUP;
            if (opcode == Opcode::WITH_CLEANUP) {
                // Its LOAD_CONST_NONE was dead code (the body ended in return or raise), but
                // with_cleanup() counts it all the same.
                if (!is_target || depths_[index] == unknown_depth) {
                    return make_error(code_.bytecode_file_offset + instruction.offset,
                                      "WITH_CLEANUP without its None");
                }
                emitter.adjust_stack_size(depths_[index] - 1 + reserves_[index] -
                                          emitter.current_stack());
                reserve = reserves_[index];
                lines_up_to(instruction.offset);
                emitter.with_cleanup(targets_.at(instruction.offset));
                after_terminal = false;
                continue;
            }
            if (is_target) {
                emitter.assign_label(targets_.at(instruction.offset));
            } else if (after_terminal) {
                // Code after a jump, return or raise is only written after a label, even one
                // nothing jumps to (a bare except's end).
                emitter.assign_label(emitter.new_label());
            }
            if ((is_target || after_terminal) && depths_[index] != unknown_depth) {
                emitter.adjust_stack_size(depths_[index] + reserves_[index] -
                                          emitter.current_stack());
            } else if (reserves_[index] != reserve) {
                emitter.adjust_stack_size(reserves_[index] - reserve);
            }
            reserve = reserves_[index];
            lines_up_to(instruction.offset);
            after_terminal = !falls_through(opcode);

            if (ends_with) {
                const image::Instruction& cleanup = instructions_[index + 1];
                if (!targets_.contains(cleanup.offset)) {
                    return make_error(code_.bytecode_file_offset + cleanup.offset,
                                      "WITH_CLEANUP is no jump target");
                }
                emitter.with_cleanup(targets_.at(cleanup.offset));
                ++index;
                reserve = reserves_[index];
                continue;
            }
            const bool closes =
                next_closing < closes_block_.size() && closes_block_[next_closing] == index;
            if (closes) {
                ++next_closing;
            }
            XIPY_CHECK(replay_one(emitter, instruction, closes, child_codes));
        }
        lines_up_to(static_cast<std::uint32_t>(image_.bytecode(code_).size()));
        if (targets_.contains(static_cast<std::uint32_t>(image_.bytecode(code_).size()))) {
            emitter.assign_label(
                targets_.at(static_cast<std::uint32_t>(image_.bytecode(code_).size())));
        }
        // The compile pass ends balanced; the last instruction's own effect is all there is.
        emitter.adjust_stack_size(-emitter.current_stack());
        return support::Success{};
    }

    // The bytecode is not verified yet, so an index out of range reads as an empty name.
    std::string_view qstr(std::uint32_t index) const {
        return index < image_.qstr_count() ? image_.qstr(index) : std::string_view{};
    }

    Label label(const image::Instruction& instruction) const {
        return targets_.at(instruction.jump_target);
    }

    support::Status replay_one(Emitter& emitter, const image::Instruction& instruction,
                               bool closes_block, const Vector<std::uint32_t>& child_codes) {
        const Opcode opcode = opcode_of(instruction);
        const std::uint32_t operand = instruction.operand;
        auto child = [&]() -> support::Result<std::uint32_t> {
            if (operand >= child_codes.size()) {
                return make_error(code_.bytecode_file_offset + instruction.offset,
                                  "child index out of range");
            }
            return child_codes[operand];
        };
        auto call_counts = [&](bool star, bool method) {
            const std::uint32_t positional = operand & 0xff;
            const std::uint32_t keyword = (operand >> 8) & 0xff;
            if (method) {
                emitter.call_method(positional, keyword, star ? star_flag_single : 0);
            } else {
                emitter.call_function(positional, keyword, star ? star_flag_single : 0);
            }
        };
        switch (opcode) {
            case Opcode::LOAD_CONST_STRING:
                emitter.load_const_string(qstr(operand));
                break;
            case Opcode::LOAD_NAME:
                emitter.load_global(qstr(operand), GlobalKind::name);
                break;
            case Opcode::LOAD_GLOBAL:
                emitter.load_global(qstr(operand), GlobalKind::global);
                break;
            case Opcode::LOAD_ATTR:
                emitter.attribute(qstr(operand), AccessKind::load);
                break;
            case Opcode::LOAD_METHOD:
                emitter.load_method(qstr(operand), false);
                break;
            case Opcode::LOAD_SUPER_METHOD:
                emitter.load_method(qstr(operand), true);
                break;
            case Opcode::STORE_NAME:
                emitter.store_global(qstr(operand), GlobalKind::name);
                break;
            case Opcode::STORE_GLOBAL:
                emitter.store_global(qstr(operand), GlobalKind::global);
                break;
            case Opcode::STORE_ATTR:
                emitter.attribute(qstr(operand), AccessKind::store);
                break;
            case Opcode::DELETE_NAME:
                emitter.delete_global(qstr(operand), GlobalKind::name);
                break;
            case Opcode::DELETE_GLOBAL:
                emitter.delete_global(qstr(operand), GlobalKind::global);
                break;
            case Opcode::IMPORT_NAME:
                emitter.import_name(qstr(operand), ImportKind::name);
                break;
            case Opcode::IMPORT_FROM:
                emitter.import_name(qstr(operand), ImportKind::from);
                break;
            case Opcode::IMPORT_STAR:
                emitter.import_name({}, ImportKind::star);
                break;
            case Opcode::MAKE_FUNCTION:
            case Opcode::MAKE_FUNCTION_DEFARGS: {
                XIPY_TRY(const std::uint32_t code, child());
                emitter.make_function(code, opcode == Opcode::MAKE_FUNCTION_DEFARGS ? 1 : 0, 0);
                break;
            }
            case Opcode::MAKE_CLOSURE:
            case Opcode::MAKE_CLOSURE_DEFARGS: {
                XIPY_TRY(const std::uint32_t code, child());
                emitter.make_closure(code, instruction.extra_byte,
                                     opcode == Opcode::MAKE_CLOSURE_DEFARGS ? 1 : 0, 0);
                break;
            }
            case Opcode::LOAD_CONST_SMALL_INT:
            case Opcode::LOAD_CONST_SMALL_INT_MULTI:
                emitter.load_const_small_int(instruction.small_int);
                break;
            case Opcode::LOAD_CONST_OBJ: {
                if (operand >= constants_.size()) {
                    return make_error(code_.bytecode_file_offset + instruction.offset,
                                      "constant index out of range");
                }
                emitter.load_const_object(constants_[operand]);
                break;
            }
            case Opcode::LOAD_FAST_N:
            case Opcode::LOAD_FAST_MULTI:
                emitter.load_local(operand, LocalKind::fast);
                break;
            case Opcode::LOAD_DEREF:
                emitter.load_local(operand, LocalKind::dereference);
                break;
            case Opcode::STORE_FAST_N:
            case Opcode::STORE_FAST_MULTI:
                emitter.store_local(operand, LocalKind::fast);
                break;
            case Opcode::STORE_DEREF:
                emitter.store_local(operand, LocalKind::dereference);
                break;
            case Opcode::DELETE_FAST:
                emitter.delete_local(operand, LocalKind::fast);
                break;
            case Opcode::DELETE_DEREF:
                emitter.delete_local(operand, LocalKind::dereference);
                break;
            case Opcode::BUILD_TUPLE:
                emitter.build(operand, BuildKind::tuple);
                break;
            case Opcode::BUILD_LIST:
                emitter.build(operand, BuildKind::list);
                break;
            case Opcode::BUILD_MAP:
                emitter.build(operand, BuildKind::map);
                break;
            case Opcode::BUILD_SET:
                emitter.build(operand, BuildKind::set);
                break;
            case Opcode::BUILD_SLICE:
                emitter.build(operand, BuildKind::slice);
                break;
            case Opcode::STORE_COMP: {
                const std::uint32_t type = operand & 3;
                const std::uint32_t index = operand >> 2;
                if (type == 1 && index > 0) {
                    emitter.store_comp(ComprehensionKind::dictionary, index - 1);
                } else {
                    emitter.store_comp(type == 2 ? ComprehensionKind::set : ComprehensionKind::list,
                                       index);
                }
                break;
            }
            case Opcode::UNPACK_SEQUENCE:
                emitter.unpack_sequence(operand);
                break;
            case Opcode::UNPACK_EX:
                emitter.unpack_ex(operand & 0xff, (operand >> 8) & 0xff);
                break;
            case Opcode::CALL_FUNCTION:
                call_counts(false, false);
                break;
            case Opcode::CALL_FUNCTION_VAR_KW:
                call_counts(true, false);
                break;
            case Opcode::CALL_METHOD:
                call_counts(false, true);
                break;
            case Opcode::CALL_METHOD_VAR_KW:
                call_counts(true, true);
                break;
            case Opcode::UNWIND_JUMP:
                emitter.unwind_jump(label(instruction), instruction.extra_byte & 0x7f,
                                    (instruction.extra_byte & 0x80) != 0);
                break;
            case Opcode::JUMP:
                emitter.jump(label(instruction));
                break;
            case Opcode::POP_JUMP_IF_TRUE:
            case Opcode::POP_JUMP_IF_FALSE:
                emitter.pop_jump_if(opcode == Opcode::POP_JUMP_IF_TRUE, label(instruction));
                break;
            case Opcode::JUMP_IF_TRUE_OR_POP:
            case Opcode::JUMP_IF_FALSE_OR_POP:
                emitter.jump_if_or_pop(opcode == Opcode::JUMP_IF_TRUE_OR_POP, label(instruction));
                break;
            case Opcode::SETUP_WITH:
                emitter.begin_exception_block(label(instruction), BlockKind::with);
                break;
            case Opcode::SETUP_EXCEPT:
                emitter.begin_exception_block(label(instruction), BlockKind::except);
                break;
            case Opcode::SETUP_FINALLY:
                emitter.begin_exception_block(label(instruction), BlockKind::finally);
                break;
            case Opcode::POP_EXCEPT_JUMP:
                emitter.pop_except_jump(label(instruction), false);
                break;
            case Opcode::FOR_ITER:
                emitter.for_iter(label(instruction));
                break;
            case Opcode::LOAD_CONST_FALSE:
                emitter.load_const_token(ConstantToken::false_value);
                break;
            case Opcode::LOAD_CONST_NONE:
                emitter.load_const_token(ConstantToken::none);
                break;
            case Opcode::LOAD_CONST_TRUE:
                emitter.load_const_token(ConstantToken::true_value);
                break;
            case Opcode::LOAD_NULL:
                emitter.load_null();
                break;
            case Opcode::LOAD_BUILD_CLASS:
                emitter.load_build_class();
                break;
            case Opcode::LOAD_SUBSCR:
                emitter.subscript(AccessKind::load);
                break;
            case Opcode::STORE_SUBSCR:
                emitter.subscript(AccessKind::store);
                break;
            case Opcode::DUP_TOP:
                emitter.dup_top();
                break;
            case Opcode::DUP_TOP_TWO:
                emitter.dup_top_two();
                break;
            case Opcode::POP_TOP:
                emitter.pop_top();
                break;
            case Opcode::ROT_TWO:
                emitter.rot_two();
                break;
            case Opcode::ROT_THREE:
                emitter.rot_three();
                break;
            case Opcode::END_FINALLY:
                if (closes_block) {
                    emitter.end_exception_block();
                } else {
                    emitter.end_finally();
                }
                break;
            case Opcode::GET_ITER:
                emitter.get_iter(false);
                break;
            case Opcode::GET_ITER_STACK:
                emitter.get_iter(true);
                break;
            case Opcode::STORE_MAP:
                emitter.store_map();
                break;
            case Opcode::RETURN_VALUE:
                emitter.return_value();
                break;
            case Opcode::RAISE_LAST:
                emitter.raise_varargs(0);
                break;
            case Opcode::RAISE_OBJ:
                emitter.raise_varargs(1);
                break;
            case Opcode::RAISE_FROM:
                emitter.raise_varargs(2);
                break;
            case Opcode::YIELD_VALUE:
                emitter.yield(YieldKind::value);
                break;
            case Opcode::YIELD_FROM:
                emitter.yield(YieldKind::from);
                break;
            case Opcode::UNARY_OP_MULTI:
                emitter.unary_op(static_cast<UnaryOperator>(operand));
                break;
            case Opcode::BINARY_OP_MULTI:
                emitter.binary_op(static_cast<BinaryOperator>(operand));
                break;
            case Opcode::WITH_CLEANUP:
                return make_error(code_.bytecode_file_offset + instruction.offset,
                                  "WITH_CLEANUP without its None");
        }
        return support::Success{};
    }

    const image::Image& image_;
    const image::RawCode& code_;
    CompiledModule& module_;
    const Vector<ConstantValue>& constants_;
    Vector<image::Instruction> instructions_;
    OrderedMap<std::uint32_t, std::size_t> index_of_;
    OrderedMap<std::uint32_t, Label> targets_;
    Vector<std::int32_t> depths_;
    Vector<std::size_t> closing_;
    Vector<std::size_t> closes_block_;
    Vector<std::int32_t> reserves_;
};

}  // namespace

support::Result<CompiledModule> replay_image(const image::Image& image) {
    CompiledModule module(image.source_file());
    module.small_int_bits = image.header().small_int_bits;
    for (std::size_t index = 1; index < image.qstr_count(); ++index) {
        module.qstrs.use(image.qstr(index));
    }
    Vector<ConstantValue> constants;
    for (const image::Constant& constant : image.constants()) {
        constants.push_back(constant_value(image, constant));
        // A NaN's text loses its sign, but two entries of a table are never the same float
        // (math.nan and -math.nan both read "nan"), so the later one gets the other sign.
        for (std::size_t earlier = 0; earlier + 1 < constants.size(); ++earlier) {
            if (strictly_equal(constants[earlier], constants.back()) &&
                constants.back().kind == ConstantKind::float_value) {
                constants.back().number = -constants.back().number;
            }
        }
        module.constants.use(constants.back());
    }
    const std::uint32_t root = module.add_code();
    CodeReplay replay(image, image.root(), module, constants);
    XIPY_CHECK(replay.run(root, 1));
    return module;
}

}  // namespace xipy::compiler
