// Tests the Value encodings (NaN-boxed 64 bits, tagged 32 bits): every kind round-trips and none
// collide.
#include "object/value.hpp"

#include "object/object.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace xipy::object {
namespace {

#if XIPY_VALUE_BITS == 64
TEST(ValueTest, DoublesRoundTripExactly) {
    const double samples[] = {0.0,
                              -0.0,
                              1.5,
                              -2.25,
                              std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::max(),
                              std::numeric_limits<double>::lowest(),
                              std::numeric_limits<double>::denorm_min(),
                              -std::numeric_limits<double>::denorm_min()};
    for (double sample : samples) {
        Value value = Value::from_double(sample);
        ASSERT_TRUE(value.is_double()) << sample;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(value.as_double()),
                  std::bit_cast<std::uint64_t>(sample));
        EXPECT_FALSE(value.is_small_int());
        EXPECT_FALSE(value.is_object());
        EXPECT_FALSE(value.is_empty());
    }
}

TEST(ValueTest, EveryNanIsCanonicalisedAndStaysADouble) {
    // Negative quiet NaNs with payloads are exactly the patterns that tags
    // use; storing one unchanged would turn a float into a pointer.
    const std::uint64_t nan_patterns[] = {0x7FF8000000000000ULL, 0xFFF8000000000000ULL,
                                          0xFFF9000000001234ULL, 0xFFFFFFFFFFFFFFFFULL,
                                          0x7FF0000000000001ULL};
    for (std::uint64_t pattern : nan_patterns) {
        Value value = Value::from_double(std::bit_cast<double>(pattern));
        ASSERT_TRUE(value.is_double());
        EXPECT_TRUE(std::isnan(value.as_double()));
        EXPECT_EQ(value.bits(), Value::canonical_nan_bits);
    }
}
#endif

TEST(ValueTest, SmallIntsRoundTripAtTheEdges) {
    const std::int64_t samples[] = {0,
                                    1,
                                    -1,
                                    12345,
                                    -(std::int64_t{1} << 20),
                                    Value::small_int_maximum,
                                    Value::small_int_minimum,
                                    Value::small_int_maximum - 1,
                                    Value::small_int_minimum + 1};
    for (std::int64_t sample : samples) {
        ASSERT_TRUE(Value::fits_small_int(sample));
        Value value = Value::from_small_int(sample);
        ASSERT_TRUE(value.is_small_int());
        EXPECT_FALSE(value.is_double());
        EXPECT_EQ(value.as_small_int(), sample);
    }
    EXPECT_FALSE(Value::fits_small_int(Value::small_int_maximum + 1));
    EXPECT_FALSE(Value::fits_small_int(Value::small_int_minimum - 1));
    EXPECT_FALSE(Value::fits_small_int(std::numeric_limits<std::int64_t>::max()));
}

TEST(ValueTest, SpecialsAreDistinct) {
    const Value specials[] = {
        Value::none(),  Value::false_value(),     Value::true_value(),    Value::ellipsis(),
        Value::empty(), Value::not_implemented(), Value::stop_iteration()};
    for (std::size_t i = 0; i < std::size(specials); ++i) {
        EXPECT_FALSE(specials[i].is_double());
        EXPECT_FALSE(specials[i].is_small_int());
        EXPECT_FALSE(specials[i].is_object());
        for (std::size_t j = i + 1; j < std::size(specials); ++j) {
            EXPECT_FALSE(specials[i] == specials[j]);
        }
    }
    EXPECT_TRUE(Value().is_empty());
    EXPECT_TRUE(Value::boolean(true).is_true_value());
    EXPECT_TRUE(Value::boolean(false).is_bool());
    EXPECT_FALSE(Value::none().is_bool());
    EXPECT_TRUE(Value::not_implemented().is_not_implemented());
    EXPECT_TRUE(Value::stop_iteration().is_stop_iteration());
}

TEST(ValueTest, PointersAndInternedStringsRoundTrip) {
    alignas(16) static const unsigned char storage[16] = {};
    const Object* object = reinterpret_cast<const Object*>(storage);
    Value pointer = Value::from_object(object);
    ASSERT_TRUE(pointer.is_object());
    EXPECT_EQ(pointer.as_object(), object);

    // The largest id each word holds: 32 bits in the 64-bit one, 29 in the 32-bit one.
    const std::uint32_t largest_id = XIPY_VALUE_BITS == 64 ? 0xFFFFFFFFu : (1u << 29) - 1;
    Value name = Value::from_interned_string(largest_id);
    ASSERT_TRUE(name.is_interned_string());
    EXPECT_FALSE(name.is_object());
    EXPECT_FALSE(name.is_small_int());
    EXPECT_EQ(name.as_interned_string(), largest_id);
    EXPECT_FALSE(name == pointer);
}

}  // namespace
}  // namespace xipy::object
