// Value: one NaN-boxed 64-bit word that holds any Python value.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

#include "support/inline.hpp"
#include "support/small_int.hpp"

namespace xipy::object {

struct Object;

// How a Value is encoded (the same on 32-bit and 64-bit hosts; see
// docs/vm-design.md for why):
//
//   * A float is its IEEE-754 bit pattern, unchanged. Every NaN is first
//     canonicalised to `canonical_nan_bits`, a positive quiet NaN, so no
//     float ever has the bit patterns reserved below.
//   * Every other value has the top 16 bits 0xFFF9..0xFFFF: a negative quiet
//     NaN whose three bits under the quiet bit hold a tag (1..7; tag 0 would
//     be the NaN that x86 arithmetic produces, which canonicalisation
//     removes), and whose low 48 bits are the payload.
//
// Invariants: a Value holding a float never has (bits >> 48) >= 0xFFF9; a
// pointer payload is a valid Object* below 2^48; a small int payload is the
// low 48 bits of a two's-complement integer in [-2^47, 2^47), the range that
// support/small_int.hpp defines for every layer.
//
// Every accessor is always inlined in optimised builds (XIPY_ALWAYS_INLINE): each is a few
// instructions, and GCC's -Os (the firmware's optimisation) otherwise calls some of them out
// of line from the interpreter's hot paths.
class Value {
  public:
    enum class Tag : std::uint8_t {
        pointer = 1,
        small_int = 2,
        interned_string = 3,
        special = 4,
    };

    static constexpr std::uint64_t canonical_nan_bits = 0x7FF8000000000000ULL;
    // The 64 bits minus the 16 bits of NaN prefix and tag.
    static constexpr int payload_bits = 48;
    // A small int fills the payload exactly: as_small_int() sign-extends from its top bit.
    static_assert(support::small_int_bits == payload_bits);
    static constexpr std::int64_t small_int_minimum = support::small_int_minimum;
    static constexpr std::int64_t small_int_maximum = support::small_int_maximum;

    // Default-constructed Values are `empty`, so uninitialised slots read as
    // unbound rather than as some valid object.
    constexpr Value() : bits_(tagged(Tag::special, special_empty)) {}

    XIPY_ALWAYS_INLINE static constexpr Value none() {
        return from_bits(tagged(Tag::special, special_none));
    }
    XIPY_ALWAYS_INLINE static constexpr Value false_value() {
        return from_bits(tagged(Tag::special, special_false));
    }
    XIPY_ALWAYS_INLINE static constexpr Value true_value() {
        return from_bits(tagged(Tag::special, special_true));
    }
    XIPY_ALWAYS_INLINE static constexpr Value ellipsis() {
        return from_bits(tagged(Tag::special, special_ellipsis));
    }
    // The `NotImplemented` singleton: a Python value, also what binary
    // operation slots return for operand types they do not handle.
    static constexpr Value not_implemented() {
        return from_bits(tagged(Tag::special, special_not_implemented));
    }
    // Not a Python value: what iterate_next slots return at the end, so that
    // a finished loop does not allocate a StopIteration object.
    static constexpr Value stop_iteration() {
        return from_bits(tagged(Tag::special, special_stop_iteration));
    }
    XIPY_ALWAYS_INLINE static constexpr Value boolean(bool value) {
        return value ? true_value() : false_value();
    }

    // `empty` is not a Python value: it marks an unbound local and, as a
    // function result, means "an exception is pending in the VM".
    XIPY_ALWAYS_INLINE static constexpr Value empty() { return Value(); }

    XIPY_ALWAYS_INLINE static Value from_double(double value) {
        std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
        // Arithmetic can produce any NaN, including ones whose bits look
        // like tags; all NaNs behave the same in Python, so keep one.
        if (value != value) {
            bits = canonical_nan_bits;
        }
        return from_bits(bits);
    }

    static constexpr bool fits_small_int(std::int64_t value) {
        return support::fits_small_int(value);
    }
    // Precondition: fits_small_int(value).
    XIPY_ALWAYS_INLINE static constexpr Value from_small_int(std::int64_t value) {
        return from_bits(tagged(Tag::small_int, static_cast<std::uint64_t>(value) & payload_mask));
    }
    XIPY_ALWAYS_INLINE static Value from_object(const Object* object) {
        return from_bits(tagged(Tag::pointer, reinterpret_cast<std::uintptr_t>(object)));
    }
    XIPY_ALWAYS_INLINE static constexpr Value from_interned_string(std::uint32_t id) {
        return from_bits(tagged(Tag::interned_string, id));
    }

    XIPY_ALWAYS_INLINE constexpr bool is_double() const {
        return (bits_ >> payload_bits) < first_tagged_prefix;
    }
    XIPY_ALWAYS_INLINE constexpr bool is_tagged(Tag tag) const {
        return (bits_ >> payload_bits) == prefix(tag);
    }
    XIPY_ALWAYS_INLINE constexpr bool is_object() const { return is_tagged(Tag::pointer); }
    XIPY_ALWAYS_INLINE constexpr bool is_small_int() const { return is_tagged(Tag::small_int); }
    XIPY_ALWAYS_INLINE constexpr bool is_interned_string() const {
        return is_tagged(Tag::interned_string);
    }
    XIPY_ALWAYS_INLINE constexpr bool is_none() const { return bits_ == none().bits_; }
    XIPY_ALWAYS_INLINE constexpr bool is_empty() const { return bits_ == empty().bits_; }
    XIPY_ALWAYS_INLINE constexpr bool is_bool() const {
        return bits_ == true_value().bits_ || bits_ == false_value().bits_;
    }
    XIPY_ALWAYS_INLINE constexpr bool is_true_value() const { return bits_ == true_value().bits_; }
    XIPY_ALWAYS_INLINE constexpr bool is_ellipsis() const { return bits_ == ellipsis().bits_; }
    XIPY_ALWAYS_INLINE constexpr bool is_not_implemented() const {
        return bits_ == not_implemented().bits_;
    }
    XIPY_ALWAYS_INLINE constexpr bool is_stop_iteration() const {
        return bits_ == stop_iteration().bits_;
    }

    XIPY_ALWAYS_INLINE double as_double() const { return std::bit_cast<double>(bits_); }
    XIPY_ALWAYS_INLINE constexpr std::int64_t as_small_int() const {
        // Shift the 48-bit payload to the top and back to sign-extend it.
        return static_cast<std::int64_t>(bits_ << (64 - payload_bits)) >> (64 - payload_bits);
    }
    XIPY_ALWAYS_INLINE Object* as_object() const {
        return reinterpret_cast<Object*>(static_cast<std::uintptr_t>(bits_ & payload_mask));
    }
    XIPY_ALWAYS_INLINE constexpr std::uint32_t as_interned_string() const {
        return static_cast<std::uint32_t>(bits_ & payload_mask);
    }

    XIPY_ALWAYS_INLINE constexpr std::uint64_t bits() const { return bits_; }
    XIPY_ALWAYS_INLINE static constexpr Value from_bits(std::uint64_t bits) {
        Value value;
        value.bits_ = bits;
        return value;
    }

    // Identity, as Python's `is` sees it for immediates and objects.
    friend constexpr bool operator==(Value left, Value right) { return left.bits_ == right.bits_; }

  private:
    static constexpr std::uint64_t payload_mask = (std::uint64_t{1} << payload_bits) - 1;
    static constexpr std::uint64_t nan_prefix = 0xFFF8;
    static constexpr std::uint64_t first_tagged_prefix = nan_prefix + 1;

    static constexpr std::uint64_t special_none = 0;
    static constexpr std::uint64_t special_false = 1;
    static constexpr std::uint64_t special_true = 2;
    static constexpr std::uint64_t special_ellipsis = 3;
    static constexpr std::uint64_t special_empty = 4;
    static constexpr std::uint64_t special_not_implemented = 5;
    static constexpr std::uint64_t special_stop_iteration = 6;

    static constexpr std::uint64_t prefix(Tag tag) {
        return nan_prefix + static_cast<std::uint64_t>(tag);
    }
    static constexpr std::uint64_t tagged(Tag tag, std::uint64_t payload) {
        return (prefix(tag) << payload_bits) | payload;
    }

    std::uint64_t bits_;
};

static_assert(sizeof(Value) == 8, "a Value is one 64-bit word on every host");
static_assert(sizeof(void*) <= 8, "pointers must fit a Value payload");

}  // namespace xipy::object
