// Checks the buffer protocol's typecode table and its refusal of non-buffer values.
#include "object/buffer.hpp"

#include <gtest/gtest.h>

namespace xipy::object {
namespace {

// Item sizes of MicroPython's 32-bit builds (the reference): 'l' is 4 bytes, 'q' 8.
TEST(BufferTest, TypecodeSizesMatchTheReference) {
    EXPECT_EQ(typecode_size('b'), 1);
    EXPECT_EQ(typecode_size('B'), 1);
    EXPECT_EQ(typecode_size('h'), 2);
    EXPECT_EQ(typecode_size('H'), 2);
    EXPECT_EQ(typecode_size('i'), 4);
    EXPECT_EQ(typecode_size('I'), 4);
    EXPECT_EQ(typecode_size('l'), 4);
    EXPECT_EQ(typecode_size('L'), 4);
    EXPECT_EQ(typecode_size('q'), 8);
    EXPECT_EQ(typecode_size('Q'), 8);
    EXPECT_EQ(typecode_size('f'), 4);
    EXPECT_EQ(typecode_size('d'), 8);
    EXPECT_EQ(typecode_size('z'), 0);
    EXPECT_EQ(typecode_size('O'), 0);
}

TEST(BufferTest, ImmediatesHaveNoBuffer) {
    EXPECT_FALSE(get_buffer(Value::from_small_int(3)).has_value());
    EXPECT_FALSE(get_buffer(Value::none()).has_value());
#if XIPY_VALUE_BITS == 64
    EXPECT_FALSE(get_buffer(Value::from_double(1.5)).has_value());
#endif
}

TEST(BufferTest, ViewCountsWholeItems) {
    std::uint8_t storage[8] = {};
    BufferView view{storage, 8, 'h', 2, true};
    EXPECT_EQ(view.count(), 4u);
    EXPECT_EQ(view.bytes().size(), 8u);
}

}  // namespace
}  // namespace xipy::object
