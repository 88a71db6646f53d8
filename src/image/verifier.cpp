// The bytecode verifier: static checks per instruction, then abstract interpretation of the stack.
#include "image/verifier.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

#include "image/format.hpp"
#include "image/instruction.hpp"
#include "image/opcodes.hpp"
#include "image/scratch_arena.hpp"

namespace xipy::image {

namespace {

// The most slots below the stack base ROT_TWO or ROT_THREE may touch; see
// VerifiedCode::stack_guard.
constexpr std::int32_t maximum_stack_guard = 2;

// UNWIND_JUMP's extra byte: the number of blocks to leave, and whether a for loop is left.
constexpr std::uint8_t unwind_count_mask = 0x7f;
constexpr std::uint8_t unwind_drops_iterator = 0x80;

enum class BlockKind : std::uint8_t { except_block, finally_block, with_block };

// One open exception block, as SETUP_* pushes it (py/vm.c PUSH_EXC_BLOCK): where its handler
// is and how deep the value stack was when it was opened (for a with block, counting __exit__
// and the context manager). The VM decides whether a block is "active" (its handler is
// running) by comparing the handler with the current instruction; the verifier does the same.
// `unwinding` is set on a finally or with block whose handler was entered by a return or an
// UNWIND_JUMP: the handler then holds two slots (the return value or jump target, and the
// unwind state) instead of one, so its code is followed once per way of entering it.
struct Block {
    BlockKind kind = BlockKind::except_block;
    std::uint32_t handler = 0;
    std::int32_t saved_depth = 0;
    bool unwinding = false;

    bool active_at(std::uint32_t offset) const { return handler <= offset; }
    bool is_finally_like() const { return kind != BlockKind::except_block; }
};

// Stacks of blocks, shared and hash-consed so that a state holds one number and two states
// have the same blocks exactly when they hold the same number.
//
// Invariants: node 0 is the empty stack; every other node's parent is a smaller index; no two
// nodes have the same (parent, block).
class BlockStacks {
  public:
    static constexpr std::uint32_t empty = 0;

    explicit BlockStacks(ScratchArena& arena)
        : nodes_(ArenaAllocator<Node>(arena)),
          index_(ArenaAllocator<std::pair<const Key, std::uint32_t>>(arena)) {
        nodes_.push_back(Node{});
    }

    std::uint32_t push(std::uint32_t stack, const Block& block) {
        const Key key{stack, static_cast<std::uint8_t>(block.kind), block.handler,
                      block.saved_depth, block.unwinding};
        auto found = index_.find(key);
        if (found != index_.end()) {
            return found->second;
        }
        const auto index = static_cast<std::uint32_t>(nodes_.size());
        nodes_.push_back(Node{block, stack, nodes_[stack].size + 1});
        index_.emplace(key, index);
        return index;
    }
    std::uint32_t pop(std::uint32_t stack) const { return nodes_[stack].parent; }
    const Block& top(std::uint32_t stack) const { return nodes_[stack].block; }
    std::uint32_t size(std::uint32_t stack) const { return nodes_[stack].size; }

  private:
    struct Node {
        Block block;
        std::uint32_t parent = 0;
        std::uint32_t size = 0;
    };
    using Key = std::tuple<std::uint32_t, std::uint8_t, std::uint32_t, std::int32_t, bool>;

    std::vector<Node, ArenaAllocator<Node>> nodes_;
    std::map<Key, std::uint32_t, std::less<Key>,
             ArenaAllocator<std::pair<const Key, std::uint32_t>>>
        index_;
};

// Which value-stack slots may hold MicroPython's MP_OBJ_NULL (xipy's Value::empty()), the
// non-object LOAD_NULL pushes and LOAD_METHOD leaves in the self slot: element i for slot i.
//
// The first 64 bits sit inline, so the states of most functions copy without allocating; the
// rest spill into the scratch arena. Invariant: bits at or past size() are zero.
class NullSlots {
  public:
    explicit NullSlots(ArenaAllocator<std::uint64_t> allocator) : spilled_(allocator) {}

    std::size_t size() const { return size_; }
    bool operator[](std::size_t slot) const {
        return ((slot < word_bits ? inline_ : spilled_[slot / word_bits - 1]) >>
                (slot % word_bits)) &
               1u;
    }
    void set(std::size_t slot, bool maybe_null) {
        std::uint64_t& word = slot < word_bits ? inline_ : spilled_[slot / word_bits - 1];
        const std::uint64_t bit = std::uint64_t{1} << (slot % word_bits);
        word = maybe_null ? word | bit : word & ~bit;
    }
    // Slots past `count` are dropped; new slots are not null.
    void resize(std::size_t count) {
        if (count < size_ && count % word_bits != 0) {
            // Clear the dropped bits of the word that keeps some; later words go entirely.
            const std::uint64_t kept = ~std::uint64_t{0} >> (word_bits - count % word_bits);
            (count < word_bits ? inline_ : spilled_[count / word_bits - 1]) &= kept;
        } else if (count < size_ && count == 0) {
            inline_ = 0;
        }
        const std::size_t words = count <= word_bits ? 0 : (count - 1) / word_bits;
        spilled_.resize(words, 0);
        size_ = count;
    }
    void push_back(bool maybe_null) {
        resize(size_ + 1);
        set(size_ - 1, maybe_null);
    }
    ArenaAllocator<std::uint64_t> get_allocator() const { return spilled_.get_allocator(); }

  private:
    static constexpr std::size_t word_bits = 64;
    std::size_t size_ = 0;
    std::uint64_t inline_ = 0;
    std::vector<std::uint64_t, ArenaAllocator<std::uint64_t>> spilled_;
};

// What is known before an instruction runs: the value-stack depth, the open blocks and which
// slots may be null. Invariant: nulls.size() == depth (a negative depth is an error anyway).
// Every State lives in the verifier's scratch arena (its null bits are allocated there).
struct State {
    std::int32_t depth = 0;
    std::uint32_t blocks = BlockStacks::empty;
    NullSlots nulls;
};

constexpr std::uint32_t no_state = UINT32_MAX;
// first_known_ of an instruction whose states are not kept: see CodeVerifier::follow_flow().
constexpr std::uint32_t not_kept = UINT32_MAX - 1;

// A state recorded at an instruction, in a list through `next` (an index into the pool).
struct KnownState {
    State state;
    std::uint32_t next = no_state;
};

// A state of `depth` slots under `blocks` that keeps `from`'s null bits for the slots below
// `kept` (at most `depth`); the slots above are objects pushed meanwhile (an exception, the
// unwind state, a result).
State moved(const State& from, std::int32_t depth, std::uint32_t blocks, std::int32_t kept) {
    State state{depth, blocks, from.nulls};
    state.nulls.resize(static_cast<std::size_t>(std::max<std::int32_t>(std::min(kept, depth), 0)));
    state.nulls.resize(static_cast<std::size_t>(std::max<std::int32_t>(depth, 0)));
    return state;
}

State moved(const State& from, std::int32_t depth, std::uint32_t blocks) {
    return moved(from, depth, blocks, depth);
}

// An unwind that stopped at a finally or with handler and resumes at its END_FINALLY: either a
// return, or a jump that still has to leave `remaining` blocks before reaching `target`.
struct Continuation {
    bool is_return = false;
    std::uint32_t remaining = 0;
    bool drops_iterator = false;
    std::uint32_t target = 0;

    bool operator==(const Continuation&) const = default;
};

bool names_local(std::uint8_t opcode) {
    switch (static_cast<Opcode>(opcode_info(opcode).first_byte)) {
        case Opcode::LOAD_FAST_N:
        case Opcode::STORE_FAST_N:
        case Opcode::DELETE_FAST:
        case Opcode::LOAD_DEREF:
        case Opcode::STORE_DEREF:
        case Opcode::DELETE_DEREF:
        case Opcode::LOAD_FAST_MULTI:
        case Opcode::STORE_FAST_MULTI:
            return true;
        default:
            return false;
    }
}

// An instruction as the flow pass keeps it: 16 bytes where the decoder's Instruction has 32.
// A big function's table is one block of the verifier's scratch memory, which comes from the
// VM's heap, so its size decides how full a heap may be when a function is first called.
// (The small int operand's value is checked when it is decoded and needed no more.)
struct KeptInstruction {
    std::uint32_t offset = 0;
    std::uint32_t operand = 0;
    std::uint32_t jump_target = 0;
    std::uint8_t opcode = 0;
    std::uint8_t extra_byte = 0;
    std::uint8_t length = 0;

    static KeptInstruction of(const Instruction& instruction) {
        return {instruction.offset,      instruction.operand,
                instruction.jump_target, instruction.opcode,
                instruction.extra_byte,  static_cast<std::uint8_t>(instruction.length)};
    }
    const OpcodeInfo& info() const { return opcode_info(opcode); }
    std::uint32_t end() const { return offset + length; }
    std::int32_t stack_effect() const { return image::stack_effect(opcode, operand, extra_byte); }
};
static_assert(sizeof(KeptInstruction) == 16);

// Verifies one raw code. Static checks run over every instruction, reachable or not; the
// stack is then followed from offset 0 along every edge (fall-through, jumps, exception
// handlers, unwinding through finally blocks) until no state changes.
class CodeVerifier {
  public:
    CodeVerifier(const Image& image, const RawCode& code, ScratchArena& arena)
        : image_(image),
          code_(code),
          bytecode_(image.bytecode(code)),
          arena_(arena),
          instructions_(ArenaAllocator<KeptInstruction>(arena)),
          start_bits_(ArenaAllocator<std::uint64_t>(arena)),
          rank_(ArenaAllocator<std::uint32_t>(arena)),
          stacks_(arena),
          known_states_(ArenaAllocator<KnownState>(arena)),
          first_known_(ArenaAllocator<std::uint32_t>(arena)),
          worklist_(ArenaAllocator<WorkItem>(arena)),
          continuations_(ArenaAllocator<HandlerContinuation>(arena)) {}

    support::Result<VerifiedCode> run() {
        XIPY_TRY(support::Success prelude_ok, check_prelude());
        (void)prelude_ok;
        XIPY_TRY(support::Success decode_ok, decode_all());
        (void)decode_ok;
        XIPY_TRY(support::Success flow_ok, follow_flow());
        (void)flow_ok;
        if (arena_.exhausted()) {
            return out_of_memory();
        }
        VerifiedCode result;
        result.local_count = local_count_;
        result.stack_size = static_cast<std::uint32_t>(stack_peak_);
        result.exception_depth = exception_depth_;
        result.stack_guard = stack_guard_;
        return result;
    }

  private:
    support::Error out_of_memory() const {
        support::Error error = support::make_error(support::Error::no_offset,
                                                   {"not enough memory to verify ", code_name()});
        error.kind = support::ErrorKind::memory_error;
        return error;
    }

    std::string_view code_name() const { return image_.qstr(image_.name_qstr(code_)); }

    support::Error prelude_error(std::string_view reason) const {
        return support::make_error(code_.file_offset,
                                   {"invalid .mpy: ", reason, " at ", code_name()});
    }

    support::Error error_at(std::uint32_t offset, std::string_view reason) const {
        return support::make_error(
            std::size_t{code_.bytecode_file_offset} + offset,
            {"invalid .mpy: ", reason, " at ", code_name(), "+", support::DecimalText(offset)});
    }

    support::Status check_prelude() {
        const Prelude& prelude = code_.prelude;
        if (code_.kind != CodeKind::bytecode) {
            return prelude_error("native code is not supported");
        }
        if (prelude.n_def_pos_args > prelude.n_pos_args) {
            return prelude_error(std::to_string(prelude.n_def_pos_args) +
                                 " positional defaults for " + std::to_string(prelude.n_pos_args) +
                                 " positional arguments");
        }
        std::uint64_t argument_slots = std::uint64_t{prelude.n_pos_args} + prelude.n_kwonly_args;
        argument_slots += (prelude.scope_flags & format::scope_flag_varargs) != 0 ? 1 : 0;
        argument_slots += (prelude.scope_flags & format::scope_flag_varkeywords) != 0 ? 1 : 0;
        if (argument_slots > prelude.n_state) {
            return prelude_error("n_state " + std::to_string(prelude.n_state) +
                                 " has no room for " + std::to_string(argument_slots) +
                                 " argument slots");
        }
        local_count_ = static_cast<std::uint32_t>(argument_slots);
        for (std::uint8_t cell : image_.cells(code_)) {
            local_count_ = std::max<std::uint32_t>(local_count_, std::uint32_t{cell} + 1);
        }
        for (const RawCode& child : image_.children(code_)) {
            if (child.kind != CodeKind::bytecode) {
                return prelude_error("child " + std::string(image_.qstr(image_.name_qstr(child))) +
                                     " is native code");
            }
        }
        if (bytecode_.empty()) {
            return prelude_error("empty bytecode");
        }
        if (bytecode_.size() > 0x7fffffffu) {
            return prelude_error("bytecode too long");
        }
        return support::Success{};
    }

    // Decodes every instruction in order and checks what needs no flow: operands in range,
    // jumps onto instruction starts.
    support::Status decode_all() {
        // Counted first, so the table is sized once (a scratch arena cannot reuse what a
        // growing vector leaves behind).
        std::size_t count = 0;
        for (std::uint32_t offset = 0; offset < bytecode_.size(); ++count) {
            auto decoded = decode_instruction(bytecode_, offset);
            if (!decoded.ok()) {
                break;
            }
            offset = decoded.value().end();
        }
        instructions_.reserve(count);
        start_bits_.assign((bytecode_.size() + 63) / 64, 0);
        rank_.assign(start_bits_.size(), 0);
        std::uint32_t offset = 0;
        while (offset < bytecode_.size()) {
            auto decoded = decode_instruction(bytecode_, offset);
            if (!decoded.ok()) {
                return error_at(offset, decoded.error().message);
            }
            instructions_.push_back(KeptInstruction::of(decoded.value()));
            start_bits_[offset / 64] |= std::uint64_t{1} << (offset % 64);
            if (arena_.exhausted()) {
                return out_of_memory();
            }
            XIPY_TRY(support::Success operand_ok, check_operand(decoded.value()));
            (void)operand_ok;
            offset = decoded.value().end();
        }
        for (std::size_t word = 1; word < rank_.size(); ++word) {
            rank_[word] =
                rank_[word - 1] + static_cast<std::uint32_t>(std::popcount(start_bits_[word - 1]));
        }
        for (const KeptInstruction& instruction : instructions_) {
            if (instruction.info().is_jump() && !is_instruction_start(instruction.jump_target)) {
                return error_at(instruction.offset, "jump to " + hex(instruction.jump_target) +
                                                        " is not an instruction start");
            }
            if (instruction.opcode == static_cast<std::uint8_t>(Opcode::SETUP_WITH)) {
                XIPY_TRY(support::Success with_ok, check_with_handler(instruction));
                (void)with_ok;
            }
        }
        if (local_count_ > code_.prelude.n_state) {
            return prelude_error("local " + std::to_string(local_count_ - 1) +
                                 " out of range (n_state " + std::to_string(code_.prelude.n_state) +
                                 ")");
        }
        stack_limit_ = static_cast<std::int64_t>(code_.prelude.n_state) - local_count_;
        return support::Success{};
    }

    static std::string hex(std::uint32_t value) {
        constexpr char digits[] = "0123456789abcdef";
        std::string text;
        do {
            text.insert(text.begin(), digits[value & 0xf]);
            value >>= 4;
        } while (value != 0);
        return "0x" + text;
    }

    bool is_instruction_start(std::uint32_t offset) const { return index_of(offset) >= 0; }

    // The index in instructions_ of the instruction that starts at `offset`, or -1: the bit
    // of `offset` in start_bits_, and the instructions that start before it (rank_ counts
    // those before its 64-bit word). About a quarter of a byte per byte of bytecode, where a
    // table of indices per byte took four.
    std::int32_t index_of(std::uint32_t offset) const {
        if (offset >= bytecode_.size()) {
            return -1;
        }
        const std::uint64_t word = start_bits_[offset / 64];
        const std::uint32_t bit = offset % 64;
        if (((word >> bit) & 1u) == 0) {
            return -1;
        }
        const std::uint64_t before = word & ((std::uint64_t{1} << bit) - 1);
        return static_cast<std::int32_t>(rank_[offset / 64] +
                                         static_cast<std::uint32_t>(std::popcount(before)));
    }

    support::Status check_operand(const Instruction& instruction) {
        const OpcodeInfo& info = instruction.info();
        const std::uint32_t operand = instruction.operand;
        const std::string_view name = info.name;
        switch (info.format) {
            case OperandFormat::qstr:
                if (operand >= image_.qstr_count()) {
                    return error_at(instruction.offset, "qstr index " + std::to_string(operand) +
                                                            " out of range (table has " +
                                                            std::to_string(image_.qstr_count()) +
                                                            ")");
                }
                break;
            case OperandFormat::constant_index:
                if (operand >= image_.constant_count()) {
                    return error_at(instruction.offset,
                                    "constant index " + std::to_string(operand) +
                                        " out of range (table has " +
                                        std::to_string(image_.constant_count()) + ")");
                }
                break;
            case OperandFormat::child_index: {
                if (operand >= code_.child_count) {
                    return error_at(instruction.offset, "child index " + std::to_string(operand) +
                                                            " out of range (code has " +
                                                            std::to_string(code_.child_count) +
                                                            ")");
                }
                // A closure's cells arrive as its first positional arguments.
                const RawCode& child = image_.children(code_)[operand];
                if (info.has_extra_byte && instruction.extra_byte > child.prelude.n_pos_args) {
                    return error_at(
                        instruction.offset,
                        std::string(name) + " closes over " +
                            std::to_string(instruction.extra_byte) + " cells but the child takes " +
                            std::to_string(child.prelude.n_pos_args) + " positional arguments");
                }
                break;
            }
            default:
                break;
        }
        if (names_local(instruction.opcode)) {
            if (operand >= code_.prelude.n_state) {
                return error_at(instruction.offset,
                                "local " + std::to_string(operand) + " out of range (n_state " +
                                    std::to_string(code_.prelude.n_state) + ")");
            }
            local_count_ = std::max(local_count_, operand + 1);
        }
        // Counts the VM reads whole must agree with the masked ones the stack rules use.
        switch (info.stack_rule) {
            case StackRule::pop_operand_push_one:
            case StackRule::unpack_sequence:
            case StackRule::call:
            case StackRule::unpack_ex:
                if (operand > 0xffff) {
                    return error_at(instruction.offset, "operand " + std::to_string(operand) +
                                                            " of " + std::string(name) +
                                                            " too large");
                }
                break;
            case StackRule::store_comp:
                if ((operand & 3) == 3) {
                    return error_at(instruction.offset, "unknown STORE_COMP collection kind");
                }
                break;
            default:
                break;
        }
        if (instruction.opcode == static_cast<std::uint8_t>(Opcode::BUILD_SLICE) && operand != 2 &&
            operand != 3) {
            return error_at(instruction.offset,
                            "BUILD_SLICE of " + std::to_string(operand) + " items");
        }
        return support::Success{};
    }

    // A with block's handler must be WITH_CLEANUP then END_FINALLY, as mpy-cross emits it:
    // no other code may run while __exit__ and the pending state sit on the stack.
    support::Status check_with_handler(const KeptInstruction& setup) const {
        const std::uint32_t handler = setup.jump_target;
        const KeptInstruction& cleanup = instructions_[index_of(handler)];
        const bool cleanup_ok = cleanup.opcode == static_cast<std::uint8_t>(Opcode::WITH_CLEANUP);
        const bool finally_ok = cleanup_ok && is_instruction_start(cleanup.end()) &&
                                instructions_[index_of(cleanup.end())].opcode ==
                                    static_cast<std::uint8_t>(Opcode::END_FINALLY);
        if (!finally_ok) {
            return error_at(setup.offset, "with handler at " + hex(handler) +
                                              " is not WITH_CLEANUP followed by END_FINALLY");
        }
        return support::Success{};
    }

    // --- data flow ---------------------------------------------------------------------

    // The lowest depth the stack may have at `offset`: an exception entering the innermost
    // block whose handler has not started resets the stack to that block's depth, and a stack
    // below it would leave stale slots in between (a with block also keeps __exit__ and the
    // context manager there).
    std::int32_t floor_at(std::uint32_t blocks, std::uint32_t offset) const {
        for (std::uint32_t stack = blocks; stack != BlockStacks::empty;
             stack = stacks_.pop(stack)) {
            const Block& block = stacks_.top(stack);
            if (!block.active_at(offset)) {
                return block.saved_depth;
            }
        }
        return 0;
    }

    support::Status note_peak(std::uint32_t offset, std::int64_t slots) {
        if (slots > stack_limit_) {
            return error_at(offset, "stack needs " + std::to_string(slots) + " slots but n_state " +
                                        std::to_string(code_.prelude.n_state) + " leaves " +
                                        std::to_string(stack_limit_) + " after " +
                                        std::to_string(local_count_) + " locals");
        }
        stack_peak_ = std::max(stack_peak_, slots);
        return support::Success{};
    }

    // Records `state` as reaching `target` from the instruction at `from`.
    support::Status arrive(std::uint32_t from, std::uint32_t target, State state) {
        if (!is_instruction_start(target)) {
            return error_at(
                from, "control reaches " + hex(target) + ", which is not an instruction start");
        }
        if (state.depth < 0) {
            return error_at(from, "stack underflow");
        }
        const std::int32_t floor = floor_at(state.blocks, target);
        if (state.depth < floor) {
            return error_at(from, "stack depth " + std::to_string(state.depth) + " at " +
                                      hex(target) + " is below the depth " + std::to_string(floor) +
                                      " its exception block restores");
        }
        XIPY_TRY(support::Success peak_ok, note_peak(from, state.depth));
        (void)peak_ok;
        // Leaving a running handler while its block stays open would let the VM mistake the
        // handler for one that has not started.
        for (std::uint32_t stack = state.blocks; stack != BlockStacks::empty;
             stack = stacks_.pop(stack)) {
            const Block& block = stacks_.top(stack);
            if (block.active_at(from) && !block.active_at(target)) {
                return error_at(from, "jump from an exception handler back into its try block");
            }
        }
        const auto index = static_cast<std::size_t>(index_of(target));
        if (first_known_[index] == not_kept) {
            // Reached only from the instruction before it: each state that instruction had is
            // followed once, so nothing needs comparing here, and the budget still bounds the
            // steps taken.
            if (++state_count_ > state_budget_) {
                return error_at(target, "too many exception handler contexts to verify");
            }
            worklist_.push_back({static_cast<std::uint32_t>(index), std::move(state)});
            return support::Success{};
        }
        for (std::uint32_t known = first_known_[index]; known != no_state;
             known = known_states_[known].next) {
            State& existing = known_states_[known].state;
            if (existing.blocks == state.blocks) {
                if (existing.depth != state.depth) {
                    return error_at(target, "stack depth " + std::to_string(state.depth) +
                                                " on one path and " +
                                                std::to_string(existing.depth) + " on another");
                }
                // Merge the null bits; a slot that may newly be null means another pass.
                bool grew = false;
                for (std::size_t slot = 0; slot < state.nulls.size(); ++slot) {
                    if (state.nulls[slot] && !existing.nulls[slot]) {
                        existing.nulls.set(slot, true);
                        grew = true;
                    }
                }
                if (!grew) {
                    return support::Success{};
                }
                if (++state_count_ > state_budget_) {
                    return error_at(target, "too many exception handler contexts to verify");
                }
                worklist_.push_back({static_cast<std::uint32_t>(index), existing});
                return support::Success{};
            }
        }
        // Only the ways of entering finally handlers multiply states; malformed code could
        // nest them to make that exponential, so the work is bounded.
        if (++state_count_ > state_budget_) {
            return error_at(target, "too many exception handler contexts to verify");
        }
        known_states_.push_back({state, first_known_[index]});
        first_known_[index] = static_cast<std::uint32_t>(known_states_.size() - 1);
        worklist_.push_back({static_cast<std::uint32_t>(index), std::move(state)});
        return support::Success{};
    }

    // An exception raised by the instruction at `offset` closes every block whose handler is
    // already running, then enters the innermost other one with the exception pushed.
    support::Status raise_edge(std::uint32_t offset, const State& state) {
        std::uint32_t blocks = state.blocks;
        while (blocks != BlockStacks::empty && stacks_.top(blocks).active_at(offset)) {
            blocks = stacks_.pop(blocks);
        }
        if (blocks == BlockStacks::empty) {
            return support::Success{};
        }
        const Block& handler_block = stacks_.top(blocks);
        return arrive(
            offset, handler_block.handler,
            moved(state, handler_block.saved_depth + 1, blocks, handler_block.saved_depth));
    }

    // Leaves blocks for a return or an UNWIND_JUMP, at the instruction at `offset` (the
    // UNWIND_JUMP, RETURN_VALUE or the END_FINALLY that resumes it). `depth` does not count
    // the jump target or return value the VM carries on top.
    support::Status unwind(std::uint32_t offset, const State& from, std::int32_t depth,
                           std::uint32_t blocks, Continuation continuation) {
        while (continuation.is_return || continuation.remaining > 0) {
            if (blocks == BlockStacks::empty) {
                if (continuation.is_return) {
                    return support::Success{};
                }
                return error_at(offset, "UNWIND_JUMP leaves " +
                                            std::to_string(continuation.remaining) +
                                            " more exception blocks than are open");
            }
            const Block block = stacks_.top(blocks);
            const bool active = block.active_at(offset);
            if (block.kind == BlockKind::with_block && active) {
                return error_at(offset, "unwinding out of a running with handler");
            }
            if (block.kind == BlockKind::finally_block && active) {
                // The VM drops the running finally's state from under the carried value.
                const std::int32_t state_depth = block.saved_depth + (block.unwinding ? 2 : 1);
                if (depth != state_depth) {
                    return error_at(offset, "unwinding at stack depth " + std::to_string(depth) +
                                                " out of a finally handler whose state ends at " +
                                                std::to_string(state_depth));
                }
                depth = block.saved_depth;
            }
            if (block.kind == BlockKind::except_block || active) {
                blocks = stacks_.pop(blocks);
                continuation.remaining -= continuation.is_return ? 0 : 1;
                continue;
            }
            // A finally or with block whose handler has not started: run it first. A return
            // moves the value down to the block's depth; a jump must already be there.
            if (!continuation.is_return && depth != block.saved_depth) {
                return error_at(offset, "unwinding at stack depth " + std::to_string(depth) +
                                            " into a handler that expects " +
                                            std::to_string(block.saved_depth));
            }
            continuation.remaining -= continuation.is_return ? 0 : 1;
            add_continuation(block.handler, continuation);
            Block entered = block;
            entered.unwinding = true;
            const std::uint32_t entered_blocks = stacks_.push(stacks_.pop(blocks), entered);
            return arrive(offset, block.handler,
                          moved(from, block.saved_depth + 2, entered_blocks, block.saved_depth));
        }
        if (continuation.drops_iterator) {
            depth -= iterator_buffer_slots;
        }
        return arrive(offset, continuation.target, moved(from, depth, blocks));
    }

    void add_continuation(std::uint32_t handler, const Continuation& continuation) {
        for (const HandlerContinuation& known : continuations_) {
            if (known.handler == handler && known.continuation == continuation) {
                return;
            }
        }
        continuations_.push_back({handler, continuation});
        // Every END_FINALLY already reached in this handler must now also resume this unwind.
        for (std::size_t index = 0; index < instructions_.size(); ++index) {
            if (instructions_[index].opcode != static_cast<std::uint8_t>(Opcode::END_FINALLY)) {
                continue;
            }
            for (std::uint32_t known = first_known_[index]; known != no_state;
                 known = known_states_[known].next) {
                const State& state = known_states_[known].state;
                if (state.blocks != BlockStacks::empty &&
                    stacks_.top(state.blocks).handler == handler) {
                    worklist_.push_back({static_cast<std::uint32_t>(index), state});
                }
            }
        }
    }

    // States are kept only where paths may meet or be looked up again: the first instruction,
    // every jump or handler target (a loop always passes one), and every END_FINALLY
    // (add_continuation() resumes from its states). Any other instruction is reached only by
    // falling through from the one before it, so its states are followed without being kept:
    // a long straight-line body, like a module's outer code, keeps almost none.
    support::Status follow_flow() {
        first_known_.assign(instructions_.size(), not_kept);
        std::size_t kept = 1;
        first_known_[0] = no_state;
        for (std::size_t index = 0; index < instructions_.size(); ++index) {
            const KeptInstruction& instruction = instructions_[index];
            if (instruction.info().is_jump()) {
                const auto target = static_cast<std::size_t>(index_of(instruction.jump_target));
                kept += first_known_[target] == not_kept ? 1 : 0;
                first_known_[target] = no_state;
            }
            if (instruction.opcode == static_cast<std::uint8_t>(Opcode::END_FINALLY)) {
                kept += first_known_[index] == not_kept ? 1 : 0;
                first_known_[index] = no_state;
            }
        }
        // Most kept instructions are reached under one set of blocks: one state each.
        known_states_.reserve(kept);
        state_budget_ = 64 * static_cast<std::uint64_t>(instructions_.size()) + 1024;
        XIPY_TRY(
            support::Success start_ok,
            arrive(0, 0,
                   State{0, BlockStacks::empty, NullSlots(ArenaAllocator<std::uint64_t>(arena_))}));
        (void)start_ok;
        while (!worklist_.empty()) {
            if (arena_.exhausted()) {
                return out_of_memory();
            }
            const WorkItem item = std::move(worklist_.back());
            worklist_.pop_back();
            XIPY_TRY(support::Success step_ok, step(instructions_[item.index], item.state));
            (void)step_ok;
        }
        return support::Success{};
    }

    support::Status step(const KeptInstruction& instruction, const State state) {
        const std::uint32_t offset = instruction.offset;
        const std::int32_t depth = state.depth;
        const std::uint32_t blocks = state.blocks;
        const auto opcode = static_cast<Opcode>(instruction.info().first_byte);
        const std::int32_t effect = instruction.stack_effect();
        const std::int32_t inputs =
            stack_inputs(instruction.opcode, instruction.operand, instruction.extra_byte);

        // Every instruction may raise (a step limit, MemoryError, an unbound local, ...).
        XIPY_TRY(support::Success raise_ok, raise_edge(offset, state));
        (void)raise_ok;

        // mpy-cross's async with handler rotates three slots after an exception match that
        // can fail (if BaseException is rebound), with only two on the stack; such rotations
        // below the base land in guard slots instead of being rejected.
        if (depth - inputs < 0) {
            const bool rotates = opcode == Opcode::ROT_TWO || opcode == Opcode::ROT_THREE;
            if (!rotates || depth - inputs < -maximum_stack_guard) {
                return error_at(offset, "stack underflow: " + std::string(instruction.info().name) +
                                            " needs " + std::to_string(inputs) +
                                            " values, the stack holds " + std::to_string(depth));
            }
            stack_guard_ = std::max(stack_guard_, static_cast<std::uint32_t>(inputs - depth));
        }
        std::int64_t transient = 0;
        if (opcode == Opcode::SETUP_WITH) {
            transient = 1;  // __enter__ is looked up into the slot above the result
        } else if (opcode == Opcode::UNWIND_JUMP) {
            transient = 2;  // the target and the block count are pushed while unwinding
        }
        const std::int32_t after = depth + effect;
        XIPY_TRY(support::Success peak_ok,
                 note_peak(offset, std::int64_t{std::max(depth, after)} + transient));
        (void)peak_ok;
        XIPY_TRY(support::Success null_ok, check_null_inputs(instruction, state, inputs));
        (void)null_ok;

        switch (opcode) {
            case Opcode::SETUP_EXCEPT:
            case Opcode::SETUP_FINALLY:
            case Opcode::SETUP_WITH:
                return setup_block(instruction, state);
            case Opcode::WITH_CLEANUP:
                return with_cleanup(instruction, state);
            case Opcode::END_FINALLY:
                return end_finally(instruction, state);
            case Opcode::POP_EXCEPT_JUMP:
                if (blocks == BlockStacks::empty ||
                    stacks_.top(blocks).kind != BlockKind::except_block) {
                    return error_at(offset, "POP_EXCEPT_JUMP without an open except block");
                }
                return arrive(offset, instruction.jump_target,
                              moved(state, depth, stacks_.pop(blocks)));
            case Opcode::UNWIND_JUMP: {
                Continuation continuation;
                continuation.remaining = instruction.extra_byte & unwind_count_mask;
                continuation.drops_iterator = (instruction.extra_byte & unwind_drops_iterator) != 0;
                continuation.target = instruction.jump_target;
                return unwind(offset, state, depth, blocks, continuation);
            }
            case Opcode::RETURN_VALUE: {
                Continuation continuation;
                continuation.is_return = true;
                return unwind(offset, state, depth - 1, blocks, continuation);
            }
            default:
                break;
        }
        if (instruction.info().is_jump()) {
            const std::int32_t taken =
                depth + branch_stack_effect(instruction.opcode, instruction.extra_byte);
            XIPY_TRY(support::Success jump_ok,
                     arrive(offset, instruction.jump_target, moved(state, taken, blocks)));
            (void)jump_ok;
        }
        if (ends_flow(opcode)) {
            return support::Success{};
        }
        return fall_through(instruction, nulls_after(instruction, state, inputs));
    }

    // Whether the instruction may take MP_OBJ_NULL as its input `position` (0 is the deepest of
    // its stack_inputs() slots), as py/vm.c and py/runtime.c accept it: the self slot of a method
    // call, the name slot of a `**mapping` keyword entry, the "delete" value of STORE_SUBSCR and
    // STORE_ATTR, the "no defaults of this kind" slots of MAKE_*_DEFARGS, the iterator buffer
    // slots FOR_ITER and STORE_COMP see (but not the iterator itself), and slots that stack
    // shuffles and POP_TOP only move or drop. Everything else needs an object.
    static bool accepts_null(const KeptInstruction& instruction, std::int32_t position,
                             std::int32_t inputs) {
        const auto opcode = static_cast<Opcode>(instruction.info().first_byte);
        switch (opcode) {
            case Opcode::POP_TOP:
            case Opcode::DUP_TOP:
            case Opcode::DUP_TOP_TWO:
            case Opcode::ROT_TWO:
            case Opcode::ROT_THREE:
                return true;
            case Opcode::STORE_SUBSCR:
            case Opcode::STORE_ATTR:
                return position == 0;
            case Opcode::MAKE_FUNCTION_DEFARGS:
            case Opcode::MAKE_CLOSURE_DEFARGS:
                // Positional defaults (a tuple) and keyword defaults (a dict), either absent.
                return position < 2;
            case Opcode::FOR_ITER:
                return position != 1;
            case Opcode::STORE_COMP: {
                const std::int32_t pops = -instruction.stack_effect();
                return position > 0 && position < inputs - pops;
            }
            case Opcode::CALL_METHOD:
            case Opcode::CALL_METHOD_VAR_KW:
            case Opcode::CALL_FUNCTION_VAR_KW: {
                const bool is_method = opcode != Opcode::CALL_FUNCTION_VAR_KW;
                if (is_method && position == 1) {
                    return true;
                }
                if (opcode == Opcode::CALL_METHOD) {
                    return false;
                }
                // Slots: callable, [self], positional..., (name, value) pairs, star bitmap.
                const std::int32_t first_keyword =
                    1 + (is_method ? 1 : 0) + static_cast<std::int32_t>(instruction.operand & 0xff);
                const std::int32_t keyword_slots =
                    2 * static_cast<std::int32_t>((instruction.operand >> 8) & 0xff);
                return position >= first_keyword && position < first_keyword + keyword_slots &&
                       (position - first_keyword) % 2 == 0;
            }
            default:
                return false;
        }
    }

    support::Status check_null_inputs(const KeptInstruction& instruction, const State& state,
                                      std::int32_t inputs) const {
        const std::int32_t base = state.depth - inputs;
        for (std::int32_t slot = std::max<std::int32_t>(base, 0); slot < state.depth; ++slot) {
            if (state.nulls[static_cast<std::size_t>(slot)] &&
                !accepts_null(instruction, slot - base, inputs)) {
                return error_at(instruction.offset,
                                std::string(instruction.info().name) + " input " +
                                    std::to_string(slot - base) +
                                    " may be the empty value of LOAD_NULL or LOAD_METHOD");
            }
        }
        return support::Success{};
    }

    // The state after an instruction that falls through normally: its inputs are replaced by
    // objects, except for the slots the instruction only moves or reads past, and the slots
    // LOAD_NULL, LOAD_METHOD, LOAD_SUPER_METHOD and GET_ITER_STACK may leave null.
    static State nulls_after(const KeptInstruction& instruction, const State& state,
                             std::int32_t inputs) {
        const auto opcode = static_cast<Opcode>(instruction.info().first_byte);
        const std::int32_t after = state.depth + instruction.stack_effect();
        const std::int32_t base = state.depth - inputs;
        // The input slots' bits (guard slots below the stack hold None).
        NullSlots in(state.nulls.get_allocator());
        for (std::int32_t slot = base; slot < state.depth; ++slot) {
            in.push_back(slot >= 0 && state.nulls[static_cast<std::size_t>(slot)]);
        }
        State result = moved(state, after, state.blocks);
        auto set = [&](std::int32_t position, bool maybe_null) {
            const std::int32_t slot = base + position;
            if (slot >= 0 && slot < after) {
                result.nulls.set(static_cast<std::size_t>(slot), maybe_null);
            }
        };
        for (std::int32_t position = 0; base + position < after; ++position) {
            set(position, false);
        }
        switch (opcode) {
            case Opcode::LOAD_NULL:
                set(0, true);
                break;
            case Opcode::LOAD_METHOD:
            case Opcode::LOAD_SUPER_METHOD:
                set(1, true);
                break;
            case Opcode::GET_ITER_STACK:
                // MicroPython leaves raw iterator-buffer words around the iterator.
                set(0, true);
                set(2, true);
                set(3, true);
                break;
            case Opcode::DUP_TOP:
                set(0, in[0]);
                set(1, in[0]);
                break;
            case Opcode::DUP_TOP_TWO:
                set(0, in[0]);
                set(1, in[1]);
                set(2, in[0]);
                set(3, in[1]);
                break;
            case Opcode::ROT_TWO:
                set(0, in[1]);
                set(1, in[0]);
                break;
            case Opcode::ROT_THREE:
                // The top moves under the two below it.
                set(0, in[2]);
                set(1, in[0]);
                set(2, in[1]);
                break;
            case Opcode::FOR_ITER:
            case Opcode::STORE_COMP:
                // Reads (and keeps) the slots under what it pushes or pops.
                for (std::int32_t position = 0; position < inputs && base + position < after;
                     ++position) {
                    set(position, in[static_cast<std::size_t>(position)]);
                }
                break;
            default:
                break;
        }
        return result;
    }

    support::Status fall_through(const KeptInstruction& instruction, State state) {
        if (instruction.end() >= bytecode_.size()) {
            return error_at(instruction.offset, "execution runs past the end of the bytecode");
        }
        return arrive(instruction.offset, instruction.end(), state);
    }

    support::Status setup_block(const KeptInstruction& instruction, const State state) {
        const std::uint32_t offset = instruction.offset;
        const auto opcode = static_cast<Opcode>(instruction.opcode);
        Block block;
        block.kind = opcode == Opcode::SETUP_EXCEPT    ? BlockKind::except_block
                     : opcode == Opcode::SETUP_FINALLY ? BlockKind::finally_block
                                                       : BlockKind::with_block;
        block.handler = instruction.jump_target;
        // SETUP_WITH records the stack with __exit__ and the context manager on it.
        block.saved_depth = opcode == Opcode::SETUP_WITH ? state.depth + 1 : state.depth;
        const std::uint32_t opened = stacks_.push(state.blocks, block);
        if (stacks_.size(opened) > code_.prelude.n_exc_stack) {
            return error_at(offset, "more than n_exc_stack " +
                                        std::to_string(code_.prelude.n_exc_stack) +
                                        " exception blocks open");
        }
        exception_depth_ = std::max(exception_depth_, stacks_.size(opened));
        const std::int32_t handler_depth =
            state.depth + branch_stack_effect(instruction.opcode, instruction.extra_byte);
        XIPY_TRY(support::Success handler_ok,
                 arrive(offset, block.handler, moved(state, handler_depth, opened)));
        (void)handler_ok;
        return fall_through(instruction,
                            moved(state, state.depth + instruction.stack_effect(), opened));
    }

    // WITH_CLEANUP calls __exit__ with three arguments laid out above the top of the stack.
    support::Status with_cleanup(const KeptInstruction& instruction, const State state) {
        const std::uint32_t offset = instruction.offset;
        if (state.blocks == BlockStacks::empty ||
            stacks_.top(state.blocks).kind != BlockKind::with_block ||
            !stacks_.top(state.blocks).active_at(offset)) {
            return error_at(offset, "WITH_CLEANUP outside a with handler");
        }
        const Block& block = stacks_.top(state.blocks);
        const std::int32_t expected = block.saved_depth + (block.unwinding ? 2 : 1);
        if (state.depth != expected) {
            return error_at(offset, "WITH_CLEANUP at stack depth " + std::to_string(state.depth) +
                                        " instead of " + std::to_string(expected));
        }
        const std::int64_t above = block.unwinding ? 1 : 2;
        XIPY_TRY(support::Success peak_ok, note_peak(offset, std::int64_t{state.depth} + above));
        (void)peak_ok;
        return fall_through(instruction,
                            moved(state, state.depth + instruction.stack_effect(), state.blocks));
    }

    // END_FINALLY closes the innermost block, whose handler is running (an except handler
    // whose clauses all failed to match ends with it too). Entered normally, the handler left
    // None (fall through) or an exception (re-raise) on top; entered by unwinding, the top is
    // the unwind state, under the carried value, and the unwind resumes.
    support::Status end_finally(const KeptInstruction& instruction, const State state) {
        const std::uint32_t offset = instruction.offset;
        if (state.blocks == BlockStacks::empty) {
            return error_at(offset, "END_FINALLY without an open exception block");
        }
        const Block block = stacks_.top(state.blocks);
        if (!block.active_at(offset)) {
            return error_at(offset, "END_FINALLY outside an exception handler");
        }
        const std::uint32_t rest = stacks_.pop(state.blocks);
        if (!block.unwinding) {
            if (state.depth < 1) {
                return error_at(offset, "stack underflow: END_FINALLY on an empty stack");
            }
            return fall_through(instruction, moved(state, state.depth - 1, rest));
        }
        if (state.depth < 2) {
            return error_at(offset, "stack underflow: END_FINALLY resuming an unwind needs 2");
        }
        // Only those known now: resuming may register more for this same handler, and the
        // one that does also revisits this END_FINALLY (add_continuation).
        const std::size_t known = continuations_.size();
        for (std::size_t index = 0; index < known; ++index) {
            if (continuations_[index].handler != block.handler) {
                continue;
            }
            const Continuation continuation = continuations_[index].continuation;
            XIPY_TRY(support::Success resume_ok,
                     unwind(offset, state, state.depth - 2, rest, continuation));
            (void)resume_ok;
        }
        return support::Success{};
    }

    const Image& image_;
    const RawCode& code_;
    std::span<const std::uint8_t> bytecode_;
    ScratchArena& arena_;

    std::vector<KeptInstruction, ArenaAllocator<KeptInstruction>> instructions_;
    // Bit i set: an instruction starts at bytecode offset i. See index_of().
    std::vector<std::uint64_t, ArenaAllocator<std::uint64_t>> start_bits_;
    std::vector<std::uint32_t, ArenaAllocator<std::uint32_t>> rank_;
    std::uint32_t local_count_ = 0;
    std::int64_t stack_limit_ = 0;

    // A state still to be stepped through the instruction at `index`.
    struct WorkItem {
        std::uint32_t index = 0;
        State state;
    };

    // A pending unwind and the offset of the finally or with handler it waits for.
    struct HandlerContinuation {
        std::uint32_t handler = 0;
        Continuation continuation;
    };

    BlockStacks stacks_;
    // Per instruction, the states that reach it, one per distinct set of open blocks: a list
    // through known_states_ that starts at first_known_[instruction index].
    std::vector<KnownState, ArenaAllocator<KnownState>> known_states_;
    std::vector<std::uint32_t, ArenaAllocator<std::uint32_t>> first_known_;
    std::vector<WorkItem, ArenaAllocator<WorkItem>> worklist_;
    std::uint64_t state_count_ = 0;
    std::uint64_t state_budget_ = 0;
    // Few per code (one per way out of each finally block), so a list is searched.
    std::vector<HandlerContinuation, ArenaAllocator<HandlerContinuation>> continuations_;
    std::int64_t stack_peak_ = 0;
    std::uint32_t exception_depth_ = 0;
    std::uint32_t stack_guard_ = 0;
};

}  // namespace

support::Result<VerifiedCode> verify_code(const Image& image, const RawCode& code) {
    ScratchArena arena(support::system_memory());
    return CodeVerifier(image, code, arena).run();
}

support::Status verify_code(const Image& image, const RawCode& code,
                            support::MemorySource& scratch_source) {
    ScratchArena arena(scratch_source);
    XIPY_TRY(VerifiedCode facts, CodeVerifier(image, code, arena).run());
    (void)facts;
    return support::Success{};
}

support::Result<std::vector<VerifiedCode>> verify(const Image& image) {
    std::vector<VerifiedCode> verified;
    verified.reserve(image.raw_codes().size());
    ScratchArena arena(support::system_memory());
    for (const RawCode& code : image.raw_codes()) {
        arena.reset();
        XIPY_TRY(VerifiedCode facts, CodeVerifier(image, code, arena).run());
        verified.push_back(facts);
    }
    return verified;
}

}  // namespace xipy::image
