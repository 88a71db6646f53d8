// Value: one word that holds any Python value: NaN-boxed 64 bits, or a tagged 32-bit word.
#pragma once

#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>

#include "support/inline.hpp"
#include "support/small_int.hpp"

// Which word (docs/vm-design.md): 64, the default, or 32 (the build's XIPY_VALUE_BITS).
#ifndef XIPY_VALUE_BITS
#define XIPY_VALUE_BITS 64
#endif

namespace xipy::object {

struct Object;

#if XIPY_VALUE_BITS == 64

// How the 64-bit word encodes a Value (every 64-bit host, and 32-bit ones built with
// XIPY_VALUE_BITS=64; see docs/vm-design.md for why):
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

static_assert(sizeof(Value) == 8, "the 64-bit word");
static_assert(sizeof(void*) <= 8, "pointers must fit a Value payload");

#elif XIPY_VALUE_BITS == 32

// The 32-bit word, for 32-bit targets: it halves every slot of a list, dict, instance and
// stack (docs/vm-design.md, "On 32-bit microcontrollers"). Tags sit in the low bits, since
// built-in objects in flash are only 4-byte aligned:
//
//   ...............................1   a small int, 31 bits, in the upper bits
//   ..............................00   a pointer to an Object (never 0)
//   .............................010   an interned string id, 29 bits, in the upper bits
//   .............................110   a special (None, False, True, Ellipsis, empty, ...)
//
// A float is an Object of float_type holding the double (object/float_object.hpp's
// make_float() makes it), so is_object() is true for it too and every collector trace
// function keeps it alive; is_double() and as_double() are defined with FloatObject, in
// object/object.hpp.
class Value {
  public:
    static_assert(support::small_int_bits == 31);
    static constexpr std::int64_t small_int_minimum = support::small_int_minimum;
    static constexpr std::int64_t small_int_maximum = support::small_int_maximum;

    constexpr Value() : bits_(special(special_empty)) {}

    XIPY_ALWAYS_INLINE static constexpr Value none() { return from_bits(special(special_none)); }
    XIPY_ALWAYS_INLINE static constexpr Value false_value() {
        return from_bits(special(special_false));
    }
    XIPY_ALWAYS_INLINE static constexpr Value true_value() {
        return from_bits(special(special_true));
    }
    XIPY_ALWAYS_INLINE static constexpr Value ellipsis() {
        return from_bits(special(special_ellipsis));
    }
    static constexpr Value not_implemented() { return from_bits(special(special_not_implemented)); }
    static constexpr Value stop_iteration() { return from_bits(special(special_stop_iteration)); }
    XIPY_ALWAYS_INLINE static constexpr Value boolean(bool value) {
        return value ? true_value() : false_value();
    }
    XIPY_ALWAYS_INLINE static constexpr Value empty() { return Value(); }

    static constexpr bool fits_small_int(std::int64_t value) {
        return support::fits_small_int(value);
    }
    // Precondition: fits_small_int(value), which debug builds check: 31 bits is narrower than
    // the 64-bit word's 48, and a value made for that range would wrap here.
    XIPY_ALWAYS_INLINE static constexpr Value from_small_int(std::int64_t value) {
        assert(fits_small_int(value) && "a small int past 31 bits");
        return from_bits((static_cast<std::uint32_t>(value) << 1) | 1u);
    }
    XIPY_ALWAYS_INLINE static Value from_object(const Object* object) {
        return from_bits(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(object)));
    }
    XIPY_ALWAYS_INLINE static constexpr Value from_interned_string(std::uint32_t id) {
        return from_bits((id << 3) | interned_tag);
    }

    inline bool is_double() const;
    XIPY_ALWAYS_INLINE constexpr bool is_object() const { return (bits_ & 3u) == 0; }
    XIPY_ALWAYS_INLINE constexpr bool is_small_int() const { return (bits_ & 1u) != 0; }
    XIPY_ALWAYS_INLINE constexpr bool is_interned_string() const {
        return (bits_ & 7u) == interned_tag;
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

    inline double as_double() const;
    XIPY_ALWAYS_INLINE constexpr std::int64_t as_small_int() const {
        return static_cast<std::int32_t>(bits_) >> 1;
    }
    XIPY_ALWAYS_INLINE Object* as_object() const {
        return reinterpret_cast<Object*>(static_cast<std::uintptr_t>(bits_));
    }
    XIPY_ALWAYS_INLINE constexpr std::uint32_t as_interned_string() const { return bits_ >> 3; }

    XIPY_ALWAYS_INLINE constexpr std::uint32_t bits() const { return bits_; }
    XIPY_ALWAYS_INLINE static constexpr Value from_bits(std::uint32_t bits) {
        Value value;
        value.bits_ = bits;
        return value;
    }

    friend constexpr bool operator==(Value left, Value right) { return left.bits_ == right.bits_; }

  private:
    static constexpr std::uint32_t interned_tag = 2;
    static constexpr std::uint32_t special_tag = 6;
    static constexpr std::uint32_t special_none = 0;
    static constexpr std::uint32_t special_false = 1;
    static constexpr std::uint32_t special_true = 2;
    static constexpr std::uint32_t special_ellipsis = 3;
    static constexpr std::uint32_t special_empty = 4;
    static constexpr std::uint32_t special_not_implemented = 5;
    static constexpr std::uint32_t special_stop_iteration = 6;

    static constexpr std::uint32_t special(std::uint32_t code) { return (code << 3) | special_tag; }

    std::uint32_t bits_;
};

static_assert(sizeof(Value) == 4, "the 32-bit word");
static_assert(sizeof(void*) == 4, "the 32-bit word holds pointers of 32-bit targets only");

#else
#error "XIPY_VALUE_BITS must be 64 or 32"
#endif

}  // namespace xipy::object
