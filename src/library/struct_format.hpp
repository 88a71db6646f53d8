// struct format strings (as MicroPython 1.27 reads them) and the byte codecs of each field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "support/result.hpp"

namespace xipy::library {

// How one format character stores its value.
enum class StructKind : std::uint8_t {
    signed_integer,    // b h i l q
    unsigned_integer,  // B H I L Q P (P: a pointer-sized unsigned value)
    object,            // O S: a pointer to an object or a C string; callers decide
    half_float,        // e
    single_float,      // f
    double_float,      // d
    bytes,             // s: one item of `count` bytes, cut or zero-padded when packing
};

// One value of a format: where it lies and how it is stored.
struct StructField {
    char code;
    StructKind kind;
    std::size_t offset;  // from the start of the packed data
    std::size_t size;    // bytes; for `s` the whole count
};

// A checked format string.
//
// Invariants: every character after the optional byte-order prefix is a digit run followed
// by a known code for that byte order, so visiting fields cannot fail; size() and
// item_count() are what calcsize and the length of unpack's tuple are. The text is not
// copied: it must outlive the StructFormat.
//
// MicroPython's rules, which differ from CPython's: '@' (the default) is native order,
// size and alignment, and native means the reference's ILP32 layout (l, P, O, S are 4
// bytes; q and d align to 8); '<', '>' and '!' are standard sizes without alignment; '='
// is accepted but then only `s` and `x` are valid codes; '?', 'n', 'N' and whitespace are
// "bad typecode"; the format ends at its first NUL; a count applies alignment once per item
// (so "0q" aligns nothing). Counts from 2^30 are undefined in the reference (they are not
// small ints); here they, and packed sizes past 2^31 - 1, are "bad typecode" too.
class StructFormat {
  public:
    // ValueError "bad typecode" (the Error's offset is the offending character).
    static support::Result<StructFormat> parse(std::string_view format);

    std::size_t size() const { return size_; }
    std::size_t item_count() const { return item_count_; }
    bool big_endian() const { return big_endian_; }

    // Calls visit(const StructField&) for each value in order; `x` pad bytes are skipped.
    template <typename Visit>
    void for_each_field(Visit visit) const;

  private:
    StructFormat(std::string_view body, char order) : body_(body), order_(order) {}

    // Reads the count in front of `position` (1 if none) and moves past it.
    static std::uint64_t read_count(std::string_view body, std::size_t& position);
    // Size and alignment of `code` in byte order `order`, or size 0 for a bad code.
    static void code_layout(char order, char code, std::size_t& size, std::size_t& alignment);

    std::string_view body_;
    char order_;
    bool big_endian_ = false;
    std::size_t size_ = 0;
    std::size_t item_count_ = 0;
};

StructKind struct_kind_of(char code);

template <typename Visit>
void StructFormat::for_each_field(Visit visit) const {
    std::size_t offset = 0;
    std::size_t position = 0;
    while (position < body_.size()) {
        std::size_t count = static_cast<std::size_t>(read_count(body_, position));
        char code = body_[position++];
        if (code == 's') {
            visit(StructField{code, StructKind::bytes, offset, count});
            offset += count;
            continue;
        }
        std::size_t size = 0;
        std::size_t alignment = 1;
        code_layout(order_, code, size, alignment);
        for (std::size_t index = 0; index < count; ++index) {
            offset = (offset + alignment - 1) / alignment * alignment;
            if (code != 'x') {
                visit(StructField{code, struct_kind_of(code), offset, size});
            }
            offset += size;
        }
    }
}

// Reads an integer field of 1 to 8 bytes; a signed field is sign-extended to 64 bits
// (callers reinterpret the result as std::int64_t).
std::uint64_t load_struct_integer(const std::uint8_t* bytes, std::size_t size, bool big_endian,
                                  bool is_signed);
// Stores the low size*8 bits of `value`: MicroPython truncates out-of-range integers
// (pack('<b', 200) is b'\xc8', pack('<Q', 2**64) is zeros), so callers pass the low 64 bits
// of a Python int in two's complement.
void store_struct_integer(std::uint8_t* bytes, std::size_t size, bool big_endian,
                          std::uint64_t value);

// Floats: f and d are IEEE binary32/64 (d to f rounds to nearest); e is binary16.
double load_struct_float(const std::uint8_t* bytes, StructKind kind, bool big_endian);
void store_struct_float(std::uint8_t* bytes, StructKind kind, bool big_endian, double value);

// MicroPython's own binary16 encoder, quirks included: it rounds half up on the float32
// bits, lets a rounding carry be OR-ed (not added) into the exponent (1.99995 packs as 1.0),
// flushes what should be the largest subnormals to zero, and only turns exponents past
// 2^48 into infinity (1e10 packs as 0xc0a8).
std::uint16_t encode_half_float(float value);
float decode_half_float(std::uint16_t bits);

}  // namespace xipy::library
