// Tests of the compiler's back end: the emitter and writer against bytes mpy-cross 1.29 wrote.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "compiler/compiled_module.hpp"
#include "compiler/emitter.hpp"
#include "compiler/image_replay.hpp"
#include "compiler/mpy_writer.hpp"
#include "image/image.hpp"
#include "image/instruction.hpp"
#include "image/verifier.hpp"

namespace {

using namespace xipy::compiler;

// `../shared/micropython/bin/mpy-cross -s small.py small.py` for:
//   x = 1
//   if x:
//       print("hi", 70000)
const std::vector<std::uint8_t> small_reference = {
    0x4d, 0x06, 0x00, 0x1f, 0x05, 0x00, 0x10, 0x73, 0x6d, 0x61, 0x6c, 0x6c, 0x2e, 0x70,
    0x79, 0x00, 0x0f, 0x04, 0x68, 0x69, 0x00, 0x02, 0x78, 0x00, 0x81, 0x77, 0x81, 0x48,
    0x10, 0x06, 0x01, 0x23, 0x24, 0x81, 0x16, 0x03, 0x11, 0x03, 0x44, 0x4b, 0x11, 0x04,
    0x10, 0x02, 0x22, 0x84, 0xa2, 0x70, 0x34, 0x02, 0x59, 0x51, 0x63};

// The same for:
//   def f(a, b=2):
//       for i in a:
//           if i:
//               break
//       return [b * j for j in a]
const std::vector<std::uint8_t> function_reference = {
    0x4d, 0x06, 0x00, 0x1f, 0x07, 0x00, 0x0c, 0x66, 0x75, 0x6e, 0x2e, 0x70, 0x79, 0x00, 0x0f,
    0x02, 0x66, 0x00, 0x14, 0x3c, 0x6c, 0x69, 0x73, 0x74, 0x63, 0x6f, 0x6d, 0x70, 0x3e, 0x00,
    0x02, 0x61, 0x00, 0x02, 0x62, 0x00, 0x0b, 0x6c, 0x08, 0x02, 0x01, 0x82, 0x2a, 0x01, 0x53,
    0x33, 0x00, 0x16, 0x02, 0x51, 0x63, 0x01, 0x82, 0x1c, 0xba, 0x01, 0x0f, 0x02, 0x04, 0x05,
    0x20, 0x25, 0x23, 0x28, 0x01, 0xb0, 0x5f, 0x4b, 0x0c, 0xc2, 0xb2, 0x44, 0x46, 0x59, 0x59,
    0x59, 0x59, 0x42, 0x42, 0x42, 0x32, 0xb1, 0x20, 0x00, 0x01, 0xb0, 0x34, 0x01, 0x63, 0x01,
    0x81, 0x38, 0x4a, 0x0a, 0x03, 0x06, 0x06, 0x60, 0x20, 0x2b, 0x00, 0xb1, 0x5f, 0x4b, 0x09,
    0xc2, 0x25, 0x00, 0xb2, 0xf4, 0x2f, 0x14, 0x42, 0x35, 0x63};

std::vector<std::uint8_t> written(const CompiledModule& module) {
    auto bytes = write_mpy(module);
    EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
    // A plain vector, which gtest compares with the references and prints.
    return bytes.ok() ? std::vector<std::uint8_t>(bytes.value().begin(), bytes.value().end())
                      : std::vector<std::uint8_t>{};
}

TEST(Emitter, BuildsWhatMpyCrossWritesForStatements) {
    CompiledModule module("small.py");
    // The table order is the compile pass's; here it is taken from the reference.
    for (const char* name : {"<module>", "hi", "x", "print"}) {
        module.qstrs.use(name);
    }
    const std::uint32_t root = module.add_code();
    Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
    emitter.set_source_line(1);
    emitter.load_const_small_int(1);
    emitter.store_global("x", GlobalKind::name);
    emitter.set_source_line(2);
    emitter.load_global("x", GlobalKind::name);
    const Label end = emitter.new_label();
    emitter.pop_jump_if(false, end);
    emitter.set_source_line(3);
    emitter.load_global("print", GlobalKind::name);
    emitter.load_const_string("hi");
    emitter.load_const_small_int(70000);
    emitter.call_function(2, 0, 0);
    emitter.pop_top();
    emitter.assign_label(end);
    emitter.load_const_token(ConstantToken::none);
    emitter.return_value();
    ASSERT_TRUE(emitter.finish().ok());
    EXPECT_EQ(emitter.stack_size(), 3u);
    EXPECT_EQ(written(module), small_reference);
}

TEST(Emitter, BuildsWhatMpyCrossWritesForFunctionsLoopsAndComprehensions) {
    CompiledModule module("fun.py");
    for (const char* name : {"<module>", "f", "<listcomp>", "a", "b", "*"}) {
        module.qstrs.use(name);
    }
    const std::uint32_t root = module.add_code();
    const std::uint32_t function = module.add_code();
    const std::uint32_t comprehension = module.add_code();

    Emitter outer(module, root, ScopeDescription{.name = "<module>"});
    outer.load_const_small_int(2);
    outer.build(1, BuildKind::tuple);
    outer.load_null();  // no keyword defaults
    outer.make_function(function, 1, 0);
    outer.store_global("f", GlobalKind::name);
    outer.load_const_token(ConstantToken::none);
    outer.return_value();
    ASSERT_TRUE(outer.finish().ok());

    Emitter body(module, function,
                 ScopeDescription{.name = "f",
                                  .argument_names = {"a", "b"},
                                  .positional_count = 2,
                                  .default_positional_count = 1,
                                  .local_count = 3,
                                  .cells = {1}});
    const Label next = body.new_label();
    const Label done = body.new_label();
    const Label after = body.new_label();
    body.set_source_line(2);
    body.load_local(0, LocalKind::fast);
    body.get_iter(true);
    body.assign_label(next);
    body.for_iter(done);
    body.store_local(2, LocalKind::fast);
    body.set_source_line(3);
    body.load_local(2, LocalKind::fast);
    const Label not_taken = body.new_label();
    body.pop_jump_if(false, not_taken);
    body.set_source_line(4);
    body.unwind_jump(after, 0, true);
    body.assign_label(not_taken);
    body.jump(next);
    body.assign_label(done);
    body.for_iter_end();
    body.assign_label(after);
    body.set_source_line(5);
    body.load_local(1, LocalKind::fast);
    body.make_closure(comprehension, 1, 0, 0);
    body.load_local(0, LocalKind::fast);
    body.call_function(1, 0, 0);
    body.return_value();
    ASSERT_TRUE(body.finish().ok());
    EXPECT_EQ(body.stack_size(), 5u);

    Emitter inner(module, comprehension,
                  ScopeDescription{.name = "<listcomp>",
                                   .argument_names = {"*", "*"},
                                   .positional_count = 2,
                                   .local_count = 3});
    const Label loop = inner.new_label();
    const Label end = inner.new_label();
    inner.set_source_line(5);
    inner.build(0, BuildKind::list);
    inner.load_local(1, LocalKind::fast);
    inner.get_iter(true);
    inner.assign_label(loop);
    inner.for_iter(end);
    inner.store_local(2, LocalKind::fast);
    inner.load_local(0, LocalKind::dereference);
    inner.load_local(2, LocalKind::fast);
    inner.binary_op(BinaryOperator::multiply);
    inner.store_comp(ComprehensionKind::list, 5);
    inner.jump(loop);
    inner.assign_label(end);
    inner.for_iter_end();
    inner.return_value();
    ASSERT_TRUE(inner.finish().ok());

    EXPECT_EQ(written(module), function_reference);
}

// A jump goes two-byte only when its target does not fit one byte, as MicroPython decides.
TEST(Emitter, SizesJumpsAsMicroPythonDoes) {
    for (const int filler : {28, 29, 30, 31, 32, 61, 62, 63, 64, 200}) {
        CompiledModule module("jumps.py");
        const std::uint32_t root = module.add_code();
        Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
        const Label top = emitter.new_label();
        const Label end = emitter.new_label();
        emitter.assign_label(top);
        emitter.load_const_token(ConstantToken::true_value);
        emitter.pop_jump_if(false, end);
        for (int index = 0; index < filler; ++index) {
            emitter.load_const_token(ConstantToken::none);
            emitter.pop_top();
        }
        emitter.jump(top);
        emitter.assign_label(end);
        emitter.load_const_token(ConstantToken::none);
        emitter.return_value();
        ASSERT_TRUE(emitter.finish().ok());
        const std::vector<std::uint8_t> bytes = written(module);  // the image views these
        auto image = xipy::image::Image::load(bytes);
        ASSERT_TRUE(image.ok());
        const auto bytecode = image->bytecode(image->root());
        // Each jump takes the one-byte form exactly when its settled offset fits it; both are
        // signed jumps (-64..63).
        auto forward = xipy::image::decode_instruction(bytecode, 1);
        ASSERT_TRUE(forward.ok());
        const std::int64_t forward_distance = std::int64_t{forward->jump_target} - 1 - 2;
        EXPECT_EQ(forward->length, forward_distance <= 63 ? 2u : 3u) << filler;
        auto backward = xipy::image::decode_instruction(bytecode, forward->end() + 2 * filler);
        ASSERT_TRUE(backward.ok());
        EXPECT_EQ(backward->jump_target, 0u);
        EXPECT_EQ(backward->length, backward->offset + 2 <= 64 ? 2u : 3u) << filler;
        EXPECT_EQ(forward->jump_target, backward->end());
        auto verified = xipy::image::verify(image.value());
        EXPECT_TRUE(verified.ok()) << (verified.ok() ? "" : verified.error().message);
    }
}

TEST(Emitter, WritesLineStepsAsMicroPythonDoes) {
    CompiledModule module("lines.py");
    const std::uint32_t root = module.add_code();
    Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
    emitter.set_source_line(2);
    for (int index = 0; index < 40; ++index) {
        emitter.load_const_token(ConstantToken::none);
        emitter.pop_top();
    }
    emitter.set_source_line(1000);  // 998 lines on: one long entry after the bytes
    emitter.set_source_line(999);   // backwards: ignored, as in MicroPython
    emitter.load_const_token(ConstantToken::none);
    emitter.set_source_line(1010);
    emitter.return_value();
    ASSERT_TRUE(emitter.finish().ok());
    const std::vector<std::uint8_t> bytes = written(module);  // the image views these
    auto image = xipy::image::Image::load(bytes);
    ASSERT_TRUE(image.ok());
    const auto table = image->line_table(image->root());
    // Line 2 at 0; 80 bytes and 998 lines: 31 and 31 bytes alone, 18 bytes with 3 lines, then
    // a long entry for 995 lines; 1 byte and 10 lines in one long entry (py/emitbc.c's rule).
    const std::vector<std::uint8_t> expected = {0x20, 0x1f, 0x1f, 0x72, 0xb0, 0xe3, 0x81, 0x0a};
    EXPECT_EQ(std::vector<std::uint8_t>(table.begin(), table.end()), expected);
    EXPECT_EQ(image->line_for_offset(image->root(), 0), 2u);
    EXPECT_EQ(image->line_for_offset(image->root(), 79), 2u);
    EXPECT_EQ(image->line_for_offset(image->root(), 80), 1000u);
    EXPECT_EQ(image->line_for_offset(image->root(), 81), 1010u);
}

TEST(Emitter, CountsTheStackAndExceptionBlocksAsMpyCross) {
    CompiledModule module("blocks.py");
    const std::uint32_t root = module.add_code();
    Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
    const Label handler = emitter.new_label();
    const Label success = emitter.new_label();
    emitter.begin_exception_block(handler, BlockKind::except);
    emitter.load_global("x", GlobalKind::name);
    emitter.pop_top();
    emitter.pop_except_jump(success, false);
    emitter.assign_label(handler);
    emitter.start_except_handler();
    EXPECT_EQ(emitter.current_stack(), 4);
    emitter.pop_top();
    const Label inner = emitter.new_label();
    emitter.begin_exception_block(inner, BlockKind::finally);
    emitter.load_const_token(ConstantToken::none);
    emitter.assign_label(inner);
    emitter.end_exception_block();
    emitter.end_exception_block();
    emitter.end_except_handler();
    emitter.assign_label(success);
    emitter.load_const_token(ConstantToken::none);
    emitter.return_value();
    ASSERT_TRUE(emitter.finish().ok());
    EXPECT_EQ(emitter.exception_stack_size(), 2u);
    EXPECT_EQ(emitter.stack_size(), 4u);
}

TEST(Emitter, SmallIntsFollowTheModulesWidth) {
    CompiledModule module("ints.py");
    module.small_int_bits = 15;
    const std::uint32_t root = module.add_code();
    Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
    EXPECT_TRUE(emitter.small_int_fits(16383));
    EXPECT_FALSE(emitter.small_int_fits(16384));
    EXPECT_TRUE(emitter.small_int_fits(-16384));
    EXPECT_FALSE(emitter.small_int_fits(-16385));
    emitter.load_const_small_int(-16384);
    emitter.return_value();
    ASSERT_TRUE(emitter.finish().ok());
    const auto bytes = written(module);
    EXPECT_EQ(bytes[3], 15);
    auto image = xipy::image::Image::load(bytes);
    ASSERT_TRUE(image.ok());
    auto load = xipy::image::decode_instruction(image->bytecode(image->root()), 0);
    ASSERT_TRUE(load.ok());
    EXPECT_EQ(load->small_int, -16384);
}

TEST(Emitter, ReportsLabelsNeverAssigned) {
    CompiledModule module("labels.py");
    const std::uint32_t root = module.add_code();
    Emitter emitter(module, root, ScopeDescription{.name = "<module>"});
    emitter.jump(emitter.new_label());
    EXPECT_FALSE(emitter.finish().ok());
}

}  // namespace

namespace {

// Replaying mpy-cross's files through the emitter gives them back byte for byte (the whole
// suite runs in tools/compiler_round_trip.py).
TEST(ImageReplay, RebuildsMpyCrossFiles) {
    for (const auto* reference : {&small_reference, &function_reference}) {
        auto image = xipy::image::Image::load(*reference);
        ASSERT_TRUE(image.ok());
        auto module = replay_image(image.value());
        ASSERT_TRUE(module.ok()) << module.error().message;
        EXPECT_EQ(written(module.value()), *reference);
    }
}

}  // namespace
