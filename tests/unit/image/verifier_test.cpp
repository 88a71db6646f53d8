// Tests for the bytecode verifier: hand-made modules, one per rule, and the whole corpus.
#include "image/verifier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "image/image.hpp"

namespace xipy::image {
namespace {

using Bytes = std::vector<std::uint8_t>;

// Opcode bytes (py/bc0.h), named here so the test bytecode reads like a listing.
constexpr std::uint8_t load_name = 0x11;
constexpr std::uint8_t load_method = 0x14;
constexpr std::uint8_t store_name = 0x16;
constexpr std::uint8_t store_attr = 0x18;
constexpr std::uint8_t load_const_small_int = 0x22;
constexpr std::uint8_t make_closure = 0x20;
constexpr std::uint8_t load_const_obj = 0x23;
constexpr std::uint8_t load_fast_n = 0x24;
constexpr std::uint8_t build_tuple = 0x2a;
constexpr std::uint8_t build_map = 0x2c;
constexpr std::uint8_t build_slice = 0x2e;
constexpr std::uint8_t make_function = 0x32;
constexpr std::uint8_t call_function = 0x34;
constexpr std::uint8_t call_function_var_kw = 0x35;
constexpr std::uint8_t call_method = 0x36;
constexpr std::uint8_t unwind_jump = 0x40;
constexpr std::uint8_t jump = 0x42;
constexpr std::uint8_t pop_jump_if_false = 0x44;
constexpr std::uint8_t setup_with = 0x47;
constexpr std::uint8_t setup_except = 0x48;
constexpr std::uint8_t setup_finally = 0x49;
constexpr std::uint8_t pop_except_jump = 0x4a;
constexpr std::uint8_t for_iter = 0x4b;
constexpr std::uint8_t load_const_none = 0x51;
constexpr std::uint8_t load_const_true = 0x52;
constexpr std::uint8_t load_null = 0x53;
constexpr std::uint8_t store_subscr = 0x56;
constexpr std::uint8_t dup_top = 0x57;
constexpr std::uint8_t pop_top = 0x59;
constexpr std::uint8_t rot_two = 0x5a;
constexpr std::uint8_t rot_three = 0x5b;
constexpr std::uint8_t with_cleanup = 0x5c;
constexpr std::uint8_t end_finally = 0x5d;
constexpr std::uint8_t get_iter = 0x5e;
constexpr std::uint8_t get_iter_stack = 0x5f;
constexpr std::uint8_t store_map = 0x62;
constexpr std::uint8_t return_value = 0x63;
constexpr std::uint8_t raise_obj = 0x65;
constexpr std::uint8_t store_fast_multi = 0xc0;

// A signed one-byte jump offset (stored with an excess of 0x40).
std::uint8_t back_or_forward(int offset) { return static_cast<std::uint8_t>(offset + 0x40); }

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes result;
    for (const Bytes& part : parts) {
        result.insert(result.end(), part.begin(), part.end());
    }
    return result;
}

Bytes vuint(std::uint64_t value) {
    Bytes groups;
    do {
        groups.insert(groups.begin(), static_cast<std::uint8_t>(value & 0x7F));
        value >>= 7;
    } while (value != 0);
    for (std::size_t index = 0; index + 1 < groups.size(); ++index) {
        groups[index] |= 0x80;
    }
    return groups;
}

// The fields of a prelude signature (py/bc.h MP_BC_PRELUDE_SIG_ENCODE layout).
struct Signature {
    std::uint32_t n_state = 1;
    std::uint32_t n_exc_stack = 0;
    std::uint32_t scope_flags = 0;
    std::uint32_t n_pos_args = 0;
    std::uint32_t n_kwonly_args = 0;
    std::uint32_t n_def_pos_args = 0;
};

Bytes encode_signature(Signature signature) {
    std::uint32_t state = signature.n_state - 1;
    std::uint32_t exceptions = signature.n_exc_stack;
    std::uint32_t flags = signature.scope_flags;
    std::uint32_t positional = signature.n_pos_args;
    std::uint32_t keyword_only = signature.n_kwonly_args;
    std::uint32_t defaults = signature.n_def_pos_args;
    Bytes out;
    std::uint8_t byte = static_cast<std::uint8_t>(((state & 0xf) << 3) | ((exceptions & 1) << 2) |
                                                  (positional & 3));
    state >>= 4;
    exceptions >>= 1;
    positional >>= 2;
    while ((state | exceptions | flags | positional | keyword_only | defaults) != 0) {
        out.push_back(byte | 0x80);
        byte = static_cast<std::uint8_t>(((flags & 1) << 6) | ((state & 3) << 4) |
                                         ((keyword_only & 1) << 3) | ((positional & 1) << 2) |
                                         ((exceptions & 1) << 1) | (defaults & 1));
        state >>= 2;
        exceptions >>= 1;
        flags >>= 1;
        positional >>= 1;
        keyword_only >>= 1;
        defaults >>= 1;
    }
    out.push_back(byte);
    return out;
}

// One bytecode raw code named by qstr 1 ("f"); arguments are all named "f" too.
Bytes function(Signature signature, const Bytes& bytecode, const Bytes& children = {},
               std::uint32_t child_count = 0, const Bytes& cells = {}) {
    Bytes info = vuint(1);
    for (std::uint32_t index = 0; index < signature.n_pos_args + signature.n_kwonly_args; ++index) {
        info.push_back(1);
    }
    const Bytes sizes = {static_cast<std::uint8_t>((info.size() << 1) | (cells.size() & 1))};
    const Bytes data = concat({encode_signature(signature), sizes, info, cells, bytecode});
    const std::uint64_t head = (std::uint64_t{data.size()} << 3) | (child_count > 0 ? 4 : 0);
    Bytes result = concat({vuint(head), data});
    if (child_count > 0) {
        result = concat({result, vuint(child_count), children});
    }
    return result;
}

// A module: qstrs "t.py" and "f", one string constant "c", and the given outer raw code.
Bytes module(const Bytes& outer) {
    return concat({{'M', 6, 0, 31},
                   vuint(2),
                   vuint(1),
                   {8, 't', '.', 'p', 'y', 0},
                   {2, 'f', 0},
                   {5, 1, 'c', 0},
                   outer});
}

Bytes module(Signature signature, const Bytes& bytecode) {
    return module(function(signature, bytecode));
}

Signature state(std::uint32_t n_state, std::uint32_t n_exc_stack = 0) {
    Signature signature;
    signature.n_state = n_state;
    signature.n_exc_stack = n_exc_stack;
    return signature;
}

// Loads `bytes` (which must load) and verifies it.
support::Result<std::vector<VerifiedCode>> verify_bytes(const Bytes& bytes) {
    auto image = Image::load(bytes);
    if (!image.ok()) {
        ADD_FAILURE() << "test module does not load: " << image.error().describe();
        return image.error();
    }
    // The image views `bytes`; the verifier's result does not refer to either.
    return verify(image.value());
}

std::string rejection(const Bytes& bytes) {
    auto result = verify_bytes(bytes);
    if (result.ok()) {
        return "(accepted)";
    }
    return std::string(result.error().message);
}

VerifiedCode accepted(const Bytes& bytes) {
    auto result = verify_bytes(bytes);
    if (!result.ok()) {
        ADD_FAILURE() << "rejected: " << result.error().message;
        return {};
    }
    EXPECT_FALSE(result->empty());
    return result->empty() ? VerifiedCode{} : result->front();
}

// --- accepted code and the facts the VM gets --------------------------------------------

TEST(VerifierTest, SimpleReturnNeedsOneSlot) {
    const VerifiedCode facts = accepted(module(state(1), {load_const_none, return_value}));
    EXPECT_EQ(facts.stack_size, 1u);
    EXPECT_EQ(facts.local_count, 0u);
    EXPECT_EQ(facts.exception_depth, 0u);
    EXPECT_EQ(facts.stack_guard, 0u);
}

TEST(VerifierTest, LocalsComeFromArgumentsAndInstructions) {
    Signature signature = state(5);
    signature.n_pos_args = 1;
    signature.scope_flags = 0x04;  // VARARGS: one more slot
    const VerifiedCode facts = accepted(
        module(signature, {load_const_none, store_fast_multi + 3, load_const_none, return_value}));
    EXPECT_EQ(facts.local_count, 4u);
    EXPECT_EQ(facts.stack_size, 1u);
}

// Hands out malloc memory and remembers the most it had out at once.
class PeakSource final : public support::MemorySource {
  public:
    void* allocate(std::size_t bytes) override {
        in_use += bytes;
        peak = std::max(peak, in_use);
        return std::malloc(bytes);
    }
    void release(void* memory, std::size_t bytes) override {
        in_use -= bytes;
        std::free(memory);
    }
    std::size_t in_use = 0;
    std::size_t peak = 0;
};

// A long body without jumps (a module's outer code, mostly) keeps no state per instruction:
// only its tables of instructions and offsets, about 40 bytes a bytecode byte here, where a
// state per instruction would add 64 more. And all of the memory goes back afterwards.
TEST(VerifierTest, StraightLineCodeKeepsNoStatePerInstruction) {
    Bytes bytecode;
    for (int index = 0; index < 10000; ++index) {
        bytecode.push_back(load_const_none);
        bytecode.push_back(pop_top);
    }
    bytecode.push_back(load_const_none);
    bytecode.push_back(return_value);
    const Bytes bytes = module(state(1), bytecode);
    auto image = Image::load(bytes);
    ASSERT_TRUE(image.ok()) << image.error().describe();
    PeakSource source;
    ASSERT_TRUE(verify_code(*image, image->root(), source).ok());
    EXPECT_LT(source.peak, 48 * bytecode.size()) << source.peak;
    EXPECT_EQ(source.in_use, 0u);
}

TEST(VerifierTest, ForLoopIteratorTakesFourSlots) {
    // 0 BUILD_TUPLE 0; 2 GET_ITER_STACK; 3 FOR_ITER -> 8; 5 POP_TOP; 6 JUMP -> 3;
    // 8 LOAD_CONST_NONE; 9 RETURN_VALUE
    const Bytes code = {build_tuple, 0,    get_iter_stack,      for_iter,        3,
                        pop_top,     jump, back_or_forward(-5), load_const_none, return_value};
    const VerifiedCode facts = accepted(module(state(5), code));
    EXPECT_EQ(facts.stack_size, 5u);
    EXPECT_NE(rejection(module(state(4), code)).find("stack needs 5 slots"), std::string::npos);
}

TEST(VerifierTest, ReturnThroughFinallyHoldsTwoSlots) {
    // 0 SETUP_FINALLY -> 4; 2 LOAD_CONST_NONE; 3 RETURN_VALUE;
    // 4 END_FINALLY; 5 LOAD_CONST_NONE; 6 RETURN_VALUE
    const Bytes code = {setup_finally,   2,           load_const_none, return_value, end_finally,
                        load_const_none, return_value};
    const VerifiedCode facts = accepted(module(state(2, 1), code));
    EXPECT_EQ(facts.stack_size, 2u);  // the return value and the unwind state
    EXPECT_EQ(facts.exception_depth, 1u);
    EXPECT_NE(rejection(module(state(1, 1), code)).find("stack needs 2 slots"), std::string::npos);
}

TEST(VerifierTest, BreakOutOfForThroughFinally) {
    // for x in (): try: break  finally: pass
    //  0 BUILD_TUPLE 0; 2 GET_ITER_STACK; 3 FOR_ITER -> 15; 5 POP_TOP; 6 SETUP_FINALLY -> 12;
    //  8 UNWIND_JUMP -> 15, 1 block, leaving the for loop; 11 LOAD_CONST_NONE; 12 END_FINALLY;
    // 13 JUMP -> 3; 15 LOAD_CONST_NONE; 16 RETURN_VALUE
    const Bytes code = {
        build_tuple,   0,    get_iter_stack,       for_iter,           10,          pop_top,
        setup_finally, 4,    unwind_jump,          back_or_forward(5), 0x81,        load_const_none,
        end_finally,   jump, back_or_forward(-12), load_const_none,    return_value};
    const VerifiedCode facts = accepted(module(state(7, 1), code));
    // In the finally: 4 iterator slots, the jump target and the unwind state; UNWIND_JUMP
    // itself briefly pushes two more above the 4 iterator slots.
    EXPECT_EQ(facts.stack_size, 6u);
    EXPECT_EQ(facts.exception_depth, 1u);
}

// --- prelude and tables --------------------------------------------------------------------

TEST(VerifierTest, RejectsMoreDefaultsThanPositionalArguments) {
    Signature signature = state(2);
    signature.n_pos_args = 1;
    signature.n_def_pos_args = 2;
    EXPECT_EQ(rejection(module(signature, {load_const_none, return_value})),
              "invalid .mpy: 2 positional defaults for 1 positional arguments at f");
}

TEST(VerifierTest, RejectsArgumentsThatDoNotFitTheState) {
    Signature signature = state(2);
    signature.n_pos_args = 2;
    signature.scope_flags = 0x02;  // VARKEYWORDS
    EXPECT_NE(rejection(module(signature, {load_const_none, return_value}))
                  .find("has no room for 3 argument slots"),
              std::string::npos);
}

TEST(VerifierTest, RejectsEmptyBytecode) {
    EXPECT_EQ(rejection(module(state(1), {})), "invalid .mpy: empty bytecode at f");
}

TEST(VerifierTest, RejectsUnknownOpcode) {
    EXPECT_EQ(rejection(module(state(1), {load_const_none, 0x00})),
              "invalid .mpy: unknown opcode 0x00 at f+1");
}

TEST(VerifierTest, RejectsTruncatedInstruction) {
    EXPECT_NE(rejection(module(state(1), {load_const_none, load_name})).find("truncated"),
              std::string::npos);
}

TEST(VerifierTest, RejectsJumpIntoTheMiddleOfAnInstruction) {
    // 0 JUMP -> 3, which is the operand of LOAD_NAME at 2.
    EXPECT_EQ(rejection(module(state(1), {jump, back_or_forward(1), load_name, 0, return_value})),
              "invalid .mpy: jump to 0x3 is not an instruction start at f+0");
}

TEST(VerifierTest, RejectsJumpToTheEnd) {
    EXPECT_EQ(rejection(module(state(1), {load_const_none, jump, back_or_forward(0)})),
              "invalid .mpy: jump to 0x3 is not an instruction start at f+1");
}

TEST(VerifierTest, RejectsQstrIndexOutOfRange) {
    EXPECT_EQ(rejection(module(state(1), {load_name, 2, return_value})),
              "invalid .mpy: qstr index 2 out of range (table has 2) at f+0");
}

TEST(VerifierTest, RejectsConstantIndexOutOfRange) {
    EXPECT_EQ(rejection(module(state(1), {load_const_obj, 1, return_value})),
              "invalid .mpy: constant index 1 out of range (table has 1) at f+0");
}

TEST(VerifierTest, RejectsChildIndexOutOfRange) {
    const Bytes child = function(state(1), {load_const_none, return_value});
    const Bytes outer = function(state(1), {make_function, 1, return_value}, /*children=*/child, 1);
    EXPECT_EQ(rejection(module(outer)),
              "invalid .mpy: child index 1 out of range (code has 1) at f+0");
}

TEST(VerifierTest, RejectsClosureOverMoreCellsThanTheChildTakes) {
    const Bytes child = function(state(1), {load_const_none, return_value});
    const Bytes outer = function(state(2), {load_const_none, make_closure, 0, 1, return_value},
                                 /*children=*/child, 1);
    EXPECT_NE(rejection(module(outer)).find("closes over 1 cells"), std::string::npos);
}

TEST(VerifierTest, RejectsLocalOutOfRange) {
    EXPECT_EQ(rejection(module(state(2), {load_fast_n, 2, return_value})),
              "invalid .mpy: local 2 out of range (n_state 2) at f+0");
}

TEST(VerifierTest, RejectsLocalsThatLeaveNoRoomForTheStack) {
    // Local 1 takes both slots of n_state 2, so the pushed None has nowhere to go.
    EXPECT_NE(rejection(module(state(2), {load_const_none, store_fast_multi + 1, load_const_none,
                                          return_value}))
                  .find("stack needs 1 slots but n_state 2 leaves 0 after 2 locals"),
              std::string::npos);
}

TEST(VerifierTest, RejectsOversizedCounts) {
    EXPECT_NE(rejection(module(state(1), concat({{build_tuple}, vuint(0x10000), {return_value}})))
                  .find("too large"),
              std::string::npos);
    EXPECT_EQ(rejection(module(state(4),
                               {load_const_none, load_const_none, build_slice, 5, return_value})),
              "invalid .mpy: BUILD_SLICE of 5 items at f+2");
}

// --- flow -------------------------------------------------------------------------------

TEST(VerifierTest, RejectsRunningPastTheEnd) {
    EXPECT_EQ(rejection(module(state(1), {load_const_none})),
              "invalid .mpy: execution runs past the end of the bytecode at f+0");
}

TEST(VerifierTest, RejectsStackUnderflow) {
    EXPECT_EQ(rejection(module(state(1), {pop_top, load_const_none, return_value})),
              "invalid .mpy: stack underflow: POP_TOP needs 1 values, the stack holds 0 at f+0");
    // CALL_FUNCTION with 6 positional arguments on an empty stack: more than the guard.
    EXPECT_NE(rejection(module(state(1), {call_function, 6, return_value}))
                  .find("stack underflow: CALL_FUNCTION needs 7 values"),
              std::string::npos);
}

TEST(VerifierTest, RejectsStackOverflow) {
    EXPECT_EQ(rejection(module(state(1), {load_const_none, load_const_none, return_value})),
              "invalid .mpy: stack needs 2 slots but n_state 1 leaves 1 after 0 locals at f+1");
}

TEST(VerifierTest, RejectsDifferentDepthsOnTwoPaths) {
    // 0 LOAD_CONST_TRUE; 1 POP_JUMP_IF_FALSE -> 4; 3 LOAD_CONST_NONE; 4 LOAD_CONST_NONE;
    // 5 RETURN_VALUE: offset 4 is reached with 0 and with 1 value on the stack.
    EXPECT_NE(rejection(module(state(3), {load_const_true, pop_jump_if_false, back_or_forward(1),
                                          load_const_none, load_const_none, return_value}))
                  .find("on one path and"),
              std::string::npos);
}

TEST(VerifierTest, RejectsForIterWithoutIteratorSlots) {
    // GET_ITER leaves one slot; FOR_ITER needs the four of GET_ITER_STACK.
    EXPECT_NE(rejection(module(state(6), {build_tuple, 0, get_iter, for_iter, 0, load_const_none,
                                          return_value}))
                  .find("FOR_ITER needs 4 values, the stack holds 1"),
              std::string::npos);
}

TEST(VerifierTest, RejectsMoreBlocksThanNExcStack) {
    EXPECT_EQ(rejection(module(state(2, 0), {setup_except, 1, load_const_none, return_value,
                                             load_const_none, return_value})),
              "invalid .mpy: more than n_exc_stack 0 exception blocks open at f+0");
}

TEST(VerifierTest, RejectsPopExceptJumpWithoutBlock) {
    EXPECT_EQ(rejection(module(state(1), {pop_except_jump, 0, load_const_none, return_value})),
              "invalid .mpy: POP_EXCEPT_JUMP without an open except block at f+0");
}

TEST(VerifierTest, RejectsEndFinallyWithoutBlock) {
    EXPECT_EQ(
        rejection(module(state(1), {load_const_none, end_finally, load_const_none, return_value})),
        "invalid .mpy: END_FINALLY without an open exception block at f+1");
}

TEST(VerifierTest, RejectsUnwindJumpPastTheOpenBlocks) {
    // UNWIND_JUMP leaving 2 blocks when one is open.
    EXPECT_NE(rejection(module(state(2, 1),
                               {setup_except, 4, unwind_jump, back_or_forward(3), 0x02,
                                load_const_none, return_value, load_const_none, return_value}))
                  .find("UNWIND_JUMP leaves 1 more exception blocks than are open"),
              std::string::npos);
}

TEST(VerifierTest, RejectsUnwindIntoFinallyAtTheWrongDepth) {
    // 0 SETUP_FINALLY -> 6; 2 LOAD_CONST_NONE; 3 UNWIND_JUMP -> 7, 1 block: the None is still
    // on the stack, so the VM would not find the finally's depth. 6 END_FINALLY...
    EXPECT_NE(rejection(module(state(4, 1),
                               {setup_finally, 4, load_const_none, unwind_jump, back_or_forward(2),
                                0x01, end_finally, load_const_none, load_const_none, return_value}))
                  .find("into a handler that expects 0"),
              std::string::npos);
}

TEST(VerifierTest, RejectsWithCleanupOutsideAWithHandler) {
    EXPECT_EQ(rejection(module(state(4), {load_const_none, load_const_none, load_const_none,
                                          with_cleanup, return_value})),
              "invalid .mpy: WITH_CLEANUP outside a with handler at f+3");
}

TEST(VerifierTest, RejectsWithHandlerThatIsNotACleanup) {
    EXPECT_NE(rejection(module(state(4, 1), {load_const_none, setup_with, 0, pop_top,
                                             load_const_none, return_value}))
                  .find("is not WITH_CLEANUP followed by END_FINALLY"),
              std::string::npos);
}

TEST(VerifierTest, RejectsPoppingBelowTheTryBlock) {
    // 0 LOAD_CONST_NONE; 1 SETUP_EXCEPT -> 6; 3 POP_TOP: an exception now would restore a
    // stack of one slot that no longer holds a value.
    EXPECT_NE(
        rejection(module(state(3, 1), {load_const_none, setup_except, 3, pop_top, load_const_none,
                                       return_value, load_const_none, return_value}))
            .find("below the depth 1 its exception block restores"),
        std::string::npos);
}

TEST(VerifierTest, RejectsJumpFromHandlerBackIntoTry) {
    // 0 SETUP_EXCEPT -> 4; 2 JUMP -> 2 (try body loops); 4 handler: POP_TOP; 5 JUMP -> 2.
    EXPECT_EQ(rejection(module(state(2, 1), {setup_except, 2, jump, back_or_forward(-2), pop_top,
                                             jump, back_or_forward(-5)})),
              "invalid .mpy: jump from an exception handler back into its try block at f+5");
}

TEST(VerifierTest, ErrorOffsetIsTheFileOffset) {
    const Bytes bytes = module(state(1), {load_const_none, 0x00});
    auto result = verify_bytes(bytes);
    ASSERT_FALSE(result.ok());
    // The module ends with the bytecode, so the bad byte is the file's last.
    EXPECT_EQ(result.error().offset, bytes.size() - 1);
}

TEST(VerifierTest, RaiseEndsTheFlow) {
    const VerifiedCode facts = accepted(module(state(1), {load_const_none, raise_obj}));
    EXPECT_EQ(facts.stack_size, 1u);
}

// --- LOAD_NULL's empty value (MP_OBJ_NULL) ---------------------------------------------------

// The rejection text for `opcode` taking a maybe-null value as its input `input` at `offset`.
std::string null_input(const std::string& opcode, int input, int offset) {
    return "invalid .mpy: " + opcode + " input " + std::to_string(input) +
           " may be the empty value of LOAD_NULL or LOAD_METHOD at f+" + std::to_string(offset);
}

TEST(VerifierNullTest, RejectsNullAsADictKey) {
    // 0 BUILD_MAP 1; 2 LOAD_CONST_NONE; 3 LOAD_NULL; 4 STORE_MAP; 5 RETURN_VALUE
    EXPECT_EQ(rejection(module(
                  state(3), {build_map, 1, load_const_none, load_null, store_map, return_value})),
              null_input("STORE_MAP", 2, 4));
    // The dict's value slot is no better.
    EXPECT_EQ(rejection(module(
                  state(3), {build_map, 1, load_null, load_const_none, store_map, return_value})),
              null_input("STORE_MAP", 1, 4));
}

TEST(VerifierNullTest, RejectsReturningOrStoringNull) {
    EXPECT_EQ(rejection(module(state(1), {load_null, return_value})),
              null_input("RETURN_VALUE", 0, 1));
    EXPECT_EQ(
        rejection(module(state(1), {load_null, store_name, 1, load_const_none, return_value})),
        null_input("STORE_NAME", 0, 1));
}

TEST(VerifierNullTest, FollowsNullThroughStackShuffles) {
    // ROT_TWO brings the null to the top.
    EXPECT_EQ(rejection(module(state(2), {load_null, load_const_none, rot_two, return_value})),
              null_input("RETURN_VALUE", 0, 3));
    // ... and POP_TOP can drop it there.
    accepted(module(state(2), {load_null, load_const_none, rot_two, pop_top, return_value}));
    // ROT_THREE moves it down two slots; POP_TOP drops the two objects above.
    EXPECT_EQ(rejection(module(state(3), {load_const_none, load_const_none, load_null, rot_three,
                                          pop_top, pop_top, return_value})),
              null_input("RETURN_VALUE", 0, 6));
    // DUP_TOP copies it.
    EXPECT_EQ(rejection(module(state(2), {load_null, dup_top, pop_top, return_value})),
              null_input("RETURN_VALUE", 0, 3));
    // Dropping it is fine.
    accepted(
        module(state(2), {load_null, dup_top, pop_top, pop_top, load_const_none, return_value}));
}

TEST(VerifierNullTest, NullOnOnePathIsNullAtTheMerge) {
    // 0 LOAD_CONST_TRUE; 1 POP_JUMP_IF_FALSE -> 6; 3 LOAD_NULL; 4 JUMP -> 7;
    // 6 LOAD_CONST_NONE; 7 RETURN_VALUE
    EXPECT_EQ(rejection(module(state(1),
                               {load_const_true, pop_jump_if_false, back_or_forward(3), load_null,
                                jump, back_or_forward(1), load_const_none, return_value})),
              null_input("RETURN_VALUE", 0, 7));
}

TEST(VerifierNullTest, NullBelowATryBlockSurvivesItsHandler) {
    // 0 LOAD_NULL; 1 SETUP_EXCEPT -> 6; 3 LOAD_CONST_NONE; 4 RAISE_OBJ;
    // 5 (unused) ; handler 6: POP_TOP (the exception); 7 RETURN_VALUE (the null)
    EXPECT_EQ(rejection(module(state(3, 1), {load_null, setup_except, 3, load_const_none, raise_obj,
                                             load_const_none, pop_top, return_value})),
              null_input("RETURN_VALUE", 0, 7));
    // The exception the handler gets is an object, even where the try block had a null.
    // 0 SETUP_EXCEPT -> 6; 2 LOAD_NULL; 3 POP_TOP; 4 LOAD_CONST_NONE; 5 RAISE_OBJ;
    // 6 RETURN_VALUE
    accepted(module(state(2, 1), {setup_except, 4, load_null, pop_top, load_const_none, raise_obj,
                                  return_value}));
}

TEST(VerifierNullTest, LoadMethodSelfSlotOnlyFeedsACallMethod) {
    // 0 LOAD_NAME f; 2 LOAD_METHOD f; 4 CALL_METHOD 0; 6 RETURN_VALUE
    accepted(module(state(2), {load_name, 1, load_method, 1, call_method, 0, return_value}));
    // 0 LOAD_NAME f; 2 LOAD_METHOD f; 4 RETURN_VALUE: returns the maybe-null self.
    EXPECT_EQ(rejection(module(state(2), {load_name, 1, load_method, 1, return_value})),
              null_input("RETURN_VALUE", 0, 4));
    // A null callable: 0 LOAD_NULL; 1 LOAD_NULL; 2 CALL_METHOD 0
    EXPECT_EQ(rejection(module(state(2), {load_null, load_null, call_method, 0, return_value})),
              null_input("CALL_METHOD", 0, 2));
}

TEST(VerifierNullTest, AcceptsWhatMpyCrossEmits) {
    // del f[0]: LOAD_NAME f; LOAD_CONST_SMALL_INT 0; LOAD_NULL; ROT_THREE; STORE_SUBSCR
    accepted(module(state(3), {load_name, 1, load_const_small_int, 0, load_null, rot_three,
                               store_subscr, load_const_none, return_value}));
    // del f.f: LOAD_NULL; LOAD_NAME f; STORE_ATTR f
    accepted(
        module(state(2), {load_null, load_name, 1, store_attr, 1, load_const_none, return_value}));
    // f(**f): LOAD_NAME f; LOAD_NULL; LOAD_NAME f; LOAD_CONST_SMALL_INT 0;
    // CALL_FUNCTION_VAR_KW (0 positional, 1 keyword)
    const Bytes call_var_kw = concat({{call_function_var_kw}, vuint(0x100)});
    accepted(
        module(state(4), concat({{load_name, 1, load_null, load_name, 1, load_const_small_int, 0},
                                 call_var_kw,
                                 {return_value}})));
    // ... but a keyword's value must be an object: the null is at input 2 (name f, value null).
    const Bytes bad_kw = concat({{load_name, 1, load_name, 1, load_null, load_const_small_int, 0},
                                 call_var_kw,
                                 {return_value}});
    EXPECT_EQ(rejection(module(state(4), bad_kw)), null_input("CALL_FUNCTION_VAR_KW", 2, 7));
    // A generator expression's argument: LOAD_NULL; LOAD_NAME f; LOAD_NULL; LOAD_NULL;
    // 5 FOR_ITER -> 10; 7 POP_TOP; 8 JUMP -> 5; 10 LOAD_CONST_NONE; 11 RETURN_VALUE
    accepted(module(state(5), {load_null, load_name, 1, load_null, load_null, for_iter, 3, pop_top,
                               jump, back_or_forward(-5), load_const_none, return_value}));
}

TEST(VerifierNullTest, IteratorSlotsAreForForIterOnly) {
    // FOR_ITER reads its iterator from the second of the four slots.
    EXPECT_EQ(rejection(module(
                  state(5), {load_null, load_null, load_null, load_null, for_iter, 3, pop_top, jump,
                             back_or_forward(-5), load_const_none, return_value})),
              null_input("FOR_ITER", 1, 4));
    // GET_ITER_STACK's other slots are no objects: 0 BUILD_TUPLE 0; 2 GET_ITER_STACK;
    // 3 RETURN_VALUE
    EXPECT_EQ(rejection(module(state(4), {build_tuple, 0, get_iter_stack, return_value})),
              null_input("RETURN_VALUE", 0, 3));
}

// --- the reference-compiled corpus ----------------------------------------------------------

struct CorpusFile {
    std::string name;
    Bytes bytes;
};

std::vector<CorpusFile> load_corpus() {
    std::vector<CorpusFile> files;
    const char* directory = std::getenv("XIPY_CORPUS_DIR");
    if (directory == nullptr || *directory == '\0') {
        ADD_FAILURE() << "XIPY_CORPUS_DIR is not set";
        return files;
    }
    std::error_code error;
    std::filesystem::recursive_directory_iterator iterator(directory, error);
    if (error) {
        ADD_FAILURE() << "cannot read XIPY_CORPUS_DIR " << directory << ": " << error.message();
        return files;
    }
    for (const auto& entry : iterator) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mpy") {
            continue;
        }
        std::ifstream stream(entry.path(), std::ios::binary);
        Bytes bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
        files.push_back(
            {std::filesystem::relative(entry.path(), directory).string(), std::move(bytes)});
    }
    std::sort(files.begin(), files.end(), [](const CorpusFile& left, const CorpusFile& right) {
        return left.name < right.name;
    });
    if (files.empty()) {
        ADD_FAILURE() << "XIPY_CORPUS_DIR " << directory << " holds no .mpy files";
    }
    return files;
}

TEST(VerifierCorpusTest, EveryReferenceCompiledFileVerifies) {
    const std::vector<CorpusFile> files = load_corpus();
    ASSERT_FALSE(files.empty());
    for (const CorpusFile& file : files) {
        auto image = Image::load(file.bytes);
        ASSERT_TRUE(image.ok()) << file.name << ": " << image.error().describe();
        auto verified = verify(image.value());
        ASSERT_TRUE(verified.ok()) << file.name << ": " << verified.error().message;
        ASSERT_EQ(verified->size(), image->raw_codes().size()) << file.name;
        for (std::size_t index = 0; index < verified->size(); ++index) {
            const RawCode& code = image->raw_codes()[index];
            const VerifiedCode& facts = (*verified)[index];
            EXPECT_LE(std::uint64_t{facts.stack_size} + facts.local_count, code.prelude.n_state)
                << file.name;
            EXPECT_LE(facts.exception_depth, code.prelude.n_exc_stack) << file.name;
        }
    }
}

// Flipping bytes of real files must never crash the verifier (run under ASan/UBSan); many of
// the mutants load, and most of those must then be rejected or verified without harm.
TEST(VerifierCorpusTest, MutatedFilesNeverCrash) {
    const std::vector<CorpusFile> files = load_corpus();
    ASSERT_FALSE(files.empty());
    std::uint32_t seed = 12345;
    std::size_t loaded = 0;
    std::size_t rejected = 0;
    for (std::size_t file_index = 0; file_index < files.size(); file_index += 4) {
        const CorpusFile& file = files[file_index];
        for (int round = 0; round < 64; ++round) {
            Bytes mutant = file.bytes;
            seed = seed * 1103515245u + 12345u;
            const std::size_t position = (seed >> 8) % mutant.size();
            seed = seed * 1103515245u + 12345u;
            mutant[position] = static_cast<std::uint8_t>(seed >> 16);
            auto image = Image::load(mutant);
            if (!image.ok()) {
                continue;
            }
            ++loaded;
            if (!verify(image.value()).ok()) {
                ++rejected;
            }
        }
    }
    EXPECT_GT(loaded, 0u);
    EXPECT_GT(rejected, 0u);
}

}  // namespace
}  // namespace xipy::image
