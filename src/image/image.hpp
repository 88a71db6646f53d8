// Image: a checked, zero-copy view of one .mpy v6 file held in the caller's memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "support/byte_reader.hpp"
#include "support/memory_source.hpp"
#include "support/result.hpp"

namespace xipy::image {

// The four header bytes plus the optional architecture flags.
struct Header {
    std::uint8_t major_version = 0;   // always 6 once loaded
    std::uint8_t sub_version = 0;     // 0..3; only matters for native code, which xipy refuses
    std::uint8_t native_arch = 0;     // always 0 (bytecode only) once loaded
    std::uint8_t small_int_bits = 0;  // what the compiling host had; at most maximum_small_int_bits
    bool has_arch_flags = false;
    std::uint32_t arch_flags = 0;  // 0 unless has_arch_flags
};

enum class ConstantKind : std::uint8_t {
    none,
    false_value,
    true_value,
    ellipsis,
    string,
    bytes,
    small_int,
    big_int,
    float_value,
    complex_value,
    tuple,
};

// One entry of the module's constant table, or one item of a constant tuple, as decoded from
// the file: the image keeps only each table entry's offset, and decodes a Constant when asked
// (Image::constant(), Image::constants(), Image::items()).
//
// Invariants after a successful load: only the fields of `kind` are meaningful, the others are
// zero or empty. `text` always points into the image's bytes.
//  - string: `text` is valid UTF-8 (checked at load), followed in the file by a NUL byte.
//  - bytes: `text` is the raw payload (may contain NULs), followed in the file by a NUL byte.
//  - small_int: the value fits xipy's small-int range (support/small_int.hpp, the same on
//    every host), so a VM holds it in a Value without allocating.
//  - big_int: `text` is the decimal text in place, an optional '-' then at least one digit,
//    of a value outside the small-int range.
//    The VM materialises it into its own heap when it first needs the object.
//  - float_value: `real`. complex_value: `real` (always 0 from mpy-cross) and `imaginary`.
//    For both, `text` is the repr as stored in place (a complex's ends in 'j').
//  - tuple: its items are Image::items(constant): item_count constants, in the file from
//    items_offset on.
struct Constant {
    ConstantKind kind = ConstantKind::none;
    std::uint32_t file_offset = 0;  // where its encoding (the kind byte) starts
    std::string_view text;
    std::int64_t small_int = 0;
    double real = 0.0;
    double imaginary = 0.0;
    std::uint32_t items_offset = 0;
    std::uint32_t item_count = 0;
};

class Image;

// A run of constants that lie one after another in the file (the constant table, or a tuple's
// items), decoded one by one as it is walked: the view Image::constants() and Image::items()
// give instead of a table of decoded records. Indexing the constant table costs one decode;
// indexing a tuple's items walks to the item. Valid as long as the image.
class ConstantList {
  public:
    class Iterator {
      public:
        using value_type = Constant;
        using difference_type = std::ptrdiff_t;
        const Constant& operator*() const { return current_; }
        const Constant* operator->() const { return &current_; }
        Iterator& operator++();
        bool operator==(const Iterator& other) const { return remaining_ == other.remaining_; }

      private:
        friend class ConstantList;
        const Image* image_ = nullptr;
        std::uint32_t offset_ = 0;  // where current_ starts
        std::uint32_t end_ = 0;     // where current_ ends, the next one starts
        std::size_t remaining_ = 0;
        Constant current_;
    };

    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    Iterator begin() const;
    Iterator end() const { return Iterator{}; }
    // Precondition: index < size().
    Constant operator[](std::size_t index) const;

  private:
    friend class Image;
    ConstantList(const Image& image, std::uint32_t offset, std::size_t count)
        : image_(&image), offset_(offset), count_(count) {}

    const Image* image_;
    std::uint32_t offset_;
    std::size_t count_;
    const std::uint32_t* offsets_ = nullptr;  // the constant table's offsets, for indexing
};

enum class CodeKind : std::uint8_t { bytecode, native_python, native_viper, native_asm };

// The decoded prelude signature. Field names follow py/bc.h so they can be checked against
// the reference; the n_ prefix means "number of". Each field is as wide as the most that
// format::maximum_signature_bytes lets the signature encode (n_state 31 bits, the others at
// most 15), so a RawCode stays small. The sizes (n_info, n_cell) are RawCode's boundaries.
struct Prelude {
    std::uint32_t n_state = 0;      // value stack + locals, >= 1
    std::uint16_t n_exc_stack = 0;  // exception handler entries
    std::uint16_t scope_flags = 0;  // MP_SCOPE_FLAG_* bits stored in the signature
    std::uint16_t n_pos_args = 0;
    std::uint16_t n_kwonly_args = 0;
    std::uint16_t n_def_pos_args = 0;
};

// From this bytecode offset on (until the next entry), the code is on this source line.
struct LineEntry {
    std::uint32_t bytecode_offset = 0;
    std::uint32_t line = 0;
};

// One compiled function, class body, comprehension or the module's outer code.
//
// Invariants after a successful load: every part lies inside Image::bytes(), in this order
// within function_data(): [signature, sizes][code info = name, argument_names, line_table]
// [cells][bytecode], so each part ends where the next starts. The table keeps only what a call
// needs at once (the prelude, where the bytecode starts and ends, the cell count); the name and
// argument names, read by their vuints where the code info starts, are found again when asked
// for (Image::name_qstr(), argument_names(), line_table()). The name and every argument name
// index are < Image::qstr_count(); the line table decodes without running past its end; every
// cell byte is < prelude.n_state. Children are Image::raw_codes()[first_child, +child_count),
// in file order. The parts themselves are read through the Image (Image::bytecode(code) and
// its siblings), so a raw code holds no pointer: 40 bytes on any host. The bytecode itself is
// NOT verified yet (a later verifier does that).
struct RawCode {
    CodeKind kind = CodeKind::bytecode;
    std::uint8_t header_bytes = 0;  // of the prelude's signature and sizes (at most 19)
    std::uint8_t cell_count = 0;    // the closure section's bytes (the sizes encode at most 31)
    Prelude prelude;
    std::uint32_t file_offset = 0;  // offset of function_data in the file
    std::uint32_t bytecode_file_offset = 0;
    std::uint32_t end_offset = 0;  // where function_data ends
    std::uint32_t first_child = 0;
    std::uint32_t child_count = 0;

    // The prelude's sizes: bytes of code info (name, argument names, line table), and of the
    // closure section (one per cell).
    std::uint32_t n_info() const { return cells_offset() - (file_offset + header_bytes); }
    std::uint32_t n_cell() const { return cell_count; }
    std::uint32_t info_offset() const { return file_offset + header_bytes; }
    std::uint32_t cells_offset() const { return bytecode_file_offset - cell_count; }
};
static_assert(sizeof(RawCode) == 40, "a raw code holds no pointer and no padding past its fields");

// A loaded .mpy file. It does not own the bytes: the caller keeps them alive and unchanged for
// as long as the Image (and anything taken from it) is used. Everything returned points into
// those bytes or into the small tables below; nothing else is copied.
//
// Invariants after load():
//  - qstr index i < qstr_count() names either one of the 165 static qstrs or a string in place
//    (valid UTF-8, NUL-terminated in the file). Index 0 is the module's source file name.
//  - constants() is exactly the module's constant table (LOAD_CONST_OBJ indexes it), kept as
//    one 32-bit file offset per entry; every entry, nested tuple items included, decoded
//    without error at load, so decoding it again cannot fail.
//  - raw_codes()[0] is the module's outer code. Every code's children are contiguous, so
//    children() is a span; the order is "each code's children are appended when its own
//    header is read", which keeps siblings in file order.
//  - Bytes after the outer raw code are ignored, as MicroPython does; end_offset() says where
//    the module ended.
class Image {
  public:
    // Parses and checks `bytes`. Errors name the byte offset and the reason, e.g.
    // "incompatible .mpy file: version 5" or "qstr index 300 out of range (table has 12)".
    // The tables come from `source` (a VM passes its heap, so they count against its limit);
    // when it refuses, the error's kind is memory_error.
    static support::Result<Image> load(std::span<const std::uint8_t> bytes,
                                       support::MemorySource& source = support::system_memory());

    const Header& header() const { return header_; }
    std::span<const std::uint8_t> bytes() const { return bytes_; }
    // The bytes of the tables above, all taken from the load's MemorySource.
    std::size_t table_bytes() const {
        return qstrs_.bytes() + constant_offsets_.bytes() + raw_codes_.bytes();
    }
    std::size_t end_offset() const { return end_offset_; }

    std::size_t qstr_count() const { return qstrs_.size(); }
    // Precondition: index < qstr_count().
    std::string_view qstr(std::size_t index) const;
    bool qstr_is_static(std::size_t index) const;
    // The static qstr id (1..165, as in MicroPython) of a static entry, 0 for an inline one.
    std::uint32_t static_qstr_id(std::size_t index) const;
    // qstr(0), or "" when the table is empty.
    std::string_view source_file() const;

    std::size_t constant_count() const { return constant_offsets_.size(); }
    // Precondition: index < constant_count(). Decoded from the file.
    Constant constant(std::size_t index) const;
    ConstantList constants() const;
    // The items of a tuple constant (empty for other kinds).
    ConstantList items(const Constant& tuple) const;

    std::span<const RawCode> raw_codes() const { return raw_codes_; }
    const RawCode& root() const { return raw_codes_.front(); }
    std::span<const RawCode> children(const RawCode& code) const;

    // The parts of `code` (one of raw_codes()), in place in bytes().
    std::span<const std::uint8_t> function_data(const RawCode& code) const {
        return part(code.file_offset, code.end_offset);
    }
    // The qstr index of the code's name (checked at load).
    std::uint32_t name_qstr(const RawCode& code) const;
    // n_pos_args + n_kwonly_args qstr vuints.
    std::span<const std::uint8_t> argument_names(const RawCode& code) const {
        const std::uint32_t start = argument_names_offset(code);
        return part(start, line_table_offset(code, start));
    }
    // Encoded as in py/bc.h, see line_entries().
    std::span<const std::uint8_t> line_table(const RawCode& code) const {
        return part(line_table_offset(code, argument_names_offset(code)), code.cells_offset());
    }
    // One byte per cell: the local's number.
    std::span<const std::uint8_t> cells(const RawCode& code) const {
        return part(code.cells_offset(), code.bytecode_file_offset);
    }
    // First opcode .. end of function_data.
    std::span<const std::uint8_t> bytecode(const RawCode& code) const {
        return part(code.bytecode_file_offset, code.end_offset);
    }

    // The argument names' qstr indices, positional ones first (all checked at load).
    std::vector<std::uint32_t> argument_name_qstrs(const RawCode& code) const;
    // Calls visit(qstr index) for each of them in that order, without allocating (a call
    // binding keyword arguments needs them, and must not take memory outside the VM's heap).
    template <typename Visit>
    void visit_argument_names(const RawCode& code, Visit visit) const {
        support::ByteReader reader(argument_names(code));
        while (!reader.at_end()) {
            // Validated at load, so this cannot fail.
            auto name = reader.read_vuint("argument name");
            visit(name.ok() ? name.value() : 0);
        }
    }
    // The decoded line table: {0, 1} first, then one entry per table entry, in nondecreasing
    // offset order. The line of a bytecode offset is that of the last entry at or before it.
    std::vector<LineEntry> line_entries(const RawCode& code) const;
    // The source line of the instruction at `bytecode_offset` (relative to code.bytecode),
    // as MicroPython reports it in tracebacks. Does not allocate.
    std::uint32_t line_for_offset(const RawCode& code, std::uint32_t bytecode_offset) const;

    // Precondition: pointer lies within bytes() (or one past its end).
    std::size_t file_offset_of(const std::uint8_t* pointer) const;

  private:
    // One qstr table entry in 32 bits: for an inline qstr, the file offset of its entry (the
    // length vuint, then the text), which qstr() decodes again; for a static one,
    // static_qstr_bit | its static id. The loader refuses files of 2 GiB or more, so an offset
    // never has the flag bit set.
    static constexpr std::uint32_t static_qstr_bit = 0x80000000u;

    friend class Loader;
    friend class ConstantList;
    Image() = default;  // only the loader makes images

    std::span<const std::uint8_t> part(std::uint32_t start, std::uint32_t end) const {
        return {bytes_.data() + start, end - start};
    }
    // Where the argument names start: after the name's vuint.
    std::uint32_t argument_names_offset(const RawCode& code) const;
    // Where the line table starts: after the argument names that start at `arguments`.
    std::uint32_t line_table_offset(const RawCode& code, std::uint32_t arguments) const;
    // Decodes the constant at `offset` (one the loader checked) and sets `end` after it.
    Constant decode_constant(std::uint32_t offset, std::uint32_t& end) const;

    std::span<const std::uint8_t> bytes_;
    Header header_;
    std::size_t end_offset_ = 0;
    support::FixedTable<std::uint32_t> qstrs_;
    support::FixedTable<std::uint32_t> constant_offsets_;
    support::FixedTable<RawCode> raw_codes_;
};

std::string_view code_kind_name(CodeKind kind);
std::string_view constant_kind_name(ConstantKind kind);

}  // namespace xipy::image
