// Loads and checks a .mpy v6 file in place, and answers questions about the loaded image.
#include "image/image.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "image/format.hpp"
#include "image/static_qstrs.hpp"
#include "number/float_parse.hpp"
#include "support/byte_reader.hpp"
#include "support/small_int.hpp"
#include "support/utf8.hpp"

namespace xipy::image {

using support::ByteReader;
using support::Error;
using support::make_error;
using support::Result;
using support::Status;
using support::Success;

namespace {

std::string hex_byte(std::uint8_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", static_cast<unsigned>(value));
    return text;
}

std::string_view as_text(std::span<const std::uint8_t> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// Decimal integer text as mpy-cross writes it: an optional '-', then at least one digit.
bool is_decimal_integer(std::string_view text) {
    std::size_t index = text.starts_with('-') ? 1 : 0;
    if (index == text.size()) {
        return false;
    }
    for (; index < text.size(); ++index) {
        if (text[index] < '0' || text[index] > '9') {
            return false;
        }
    }
    return true;
}

// The value of validated decimal text if it lies in the small-int range, which is what a VM
// holds without allocating (support/small_int.hpp).
std::optional<std::int64_t> small_int_value(std::string_view text) {
    const bool negative = text.starts_with('-');
    // The magnitude may be one more than small_int_maximum when negative.
    const std::uint64_t limit =
        static_cast<std::uint64_t>(support::small_int_maximum) + (negative ? 1u : 0u);
    std::uint64_t magnitude = 0;
    for (std::size_t index = negative ? 1 : 0; index < text.size(); ++index) {
        const auto digit = static_cast<std::uint64_t>(text[index] - '0');
        if (magnitude > (limit - digit) / 10) {
            return std::nullopt;
        }
        magnitude = magnitude * 10 + digit;
    }
    if (negative) {
        // -magnitude computed without overflowing: magnitude <= 2^(small_int_bits - 1).
        return -static_cast<std::int64_t>(magnitude);
    }
    return static_cast<std::int64_t>(magnitude);
}

Result<Constant> read_string_constant(ByteReader& reader, Constant constant, bool is_string);
Result<Constant> read_int_constant(ByteReader& reader, Constant constant);
Result<Constant> read_float_constant(ByteReader& reader, Constant constant, bool is_complex);
Result<Constant> read_tuple_constant(ByteReader& reader, Constant constant, std::size_t depth);

// Reads the constant whose kind byte is at the reader's position, and everything a tuple nests,
// leaving the reader after it. The loader checks every constant this way; Image::constant()
// and Image::items() decode again with it from offsets the loader recorded, and cannot fail.
Result<Constant> read_constant(ByteReader& reader, std::size_t depth) {
    Constant constant;
    constant.file_offset = static_cast<std::uint32_t>(reader.offset());
    XIPY_TRY(const std::uint8_t kind, reader.read_byte("constant"));
    switch (kind) {
        case format::object_none:
            constant.kind = ConstantKind::none;
            return constant;
        case format::object_false:
            constant.kind = ConstantKind::false_value;
            return constant;
        case format::object_true:
            constant.kind = ConstantKind::true_value;
            return constant;
        case format::object_ellipsis:
            constant.kind = ConstantKind::ellipsis;
            return constant;
        case format::object_string:
        case format::object_bytes:
            return read_string_constant(reader, constant, kind == format::object_string);
        case format::object_int:
            return read_int_constant(reader, constant);
        case format::object_float:
        case format::object_complex:
            return read_float_constant(reader, constant, kind == format::object_complex);
        case format::object_tuple:
            return read_tuple_constant(reader, constant, depth);
        default:
            return make_error(constant.file_offset,
                              "unknown constant kind " + std::to_string(kind));
    }
}

Result<Constant> read_string_constant(ByteReader& reader, Constant constant, bool is_string) {
    constant.kind = is_string ? ConstantKind::string : ConstantKind::bytes;
    XIPY_TRY(const std::uint32_t length, reader.read_vuint("constant length"));
    const std::size_t text_offset = reader.offset();
    XIPY_TRY(auto text, reader.read_bytes(length, "constant"));
    XIPY_TRY(const std::uint8_t terminator, reader.read_byte("constant terminator"));
    if (terminator != 0) {
        return make_error(reader.offset() - 1, "constant not followed by a NUL byte");
    }
    constant.text = as_text(text);
    if (is_string && !support::is_valid_utf8(constant.text)) {
        return make_error(text_offset, "invalid UTF-8 in str constant");
    }
    return constant;
}

Result<Constant> read_int_constant(ByteReader& reader, Constant constant) {
    XIPY_TRY(const std::uint32_t length, reader.read_vuint("constant length"));
    const std::size_t text_offset = reader.offset();
    XIPY_TRY(auto text, reader.read_bytes(length, "constant"));
    constant.text = as_text(text);
    if (!is_decimal_integer(constant.text)) {
        return make_error(text_offset, "malformed int constant");
    }
    if (const auto value = small_int_value(constant.text)) {
        constant.kind = ConstantKind::small_int;
        constant.small_int = *value;
        constant.text = {};
    } else {
        constant.kind = ConstantKind::big_int;
    }
    return constant;
}

Result<Constant> read_float_constant(ByteReader& reader, Constant constant, bool is_complex) {
    XIPY_TRY(const std::uint32_t length, reader.read_vuint("constant length"));
    const std::size_t text_offset = reader.offset();
    XIPY_TRY(auto bytes, reader.read_bytes(length, "constant"));
    std::string_view text = as_text(bytes);
    // mpy-cross writes a complex constant as the repr of a pure imaginary literal, e.g.
    // "2j" or "1.5e+30j", which is what MicroPython's loader can read back.
    if (is_complex) {
        if (!text.ends_with('j') && !text.ends_with('J')) {
            return make_error(text_offset, "malformed complex constant");
        }
        text.remove_suffix(1);
    }
    // MicroPython's own decimal parser, not a correctly rounded one, so each constant gets
    // the exact double the reference VM would load.
    const auto value = number::parse_float(text);
    if (!value.ok()) {
        return make_error(text_offset,
                          is_complex ? "malformed complex constant" : "malformed float constant");
    }
    // The text as stored (with its 'j'), so tools can write the constant back unchanged.
    constant.text = as_text(bytes);
    if (is_complex) {
        constant.kind = ConstantKind::complex_value;
        constant.imaginary = value.value();
    } else {
        constant.kind = ConstantKind::float_value;
        constant.real = value.value();
    }
    return constant;
}

Result<Constant> read_tuple_constant(ByteReader& reader, Constant constant, std::size_t depth) {
    if (depth >= format::maximum_nesting_depth) {
        return make_error(constant.file_offset, "constant tuples nested deeper than " +
                                                    std::to_string(format::maximum_nesting_depth));
    }
    constant.kind = ConstantKind::tuple;
    // The loader's walk (count_constants) has already checked this length against the file.
    XIPY_TRY(const std::uint32_t count, reader.read_vuint("tuple length"));
    constant.items_offset = static_cast<std::uint32_t>(reader.offset());
    constant.item_count = count;
    // The items are read (and so checked) and dropped: Image::items() decodes them again
    // from the file when asked, so no table holds them.
    for (std::uint32_t index = 0; index < count; ++index) {
        XIPY_TRY(Constant item, read_constant(reader, depth + 1));
        (void)item;
    }
    return constant;
}

}  // namespace

// Reads one file front to back. Before a table is filled, a quick walk over the same bytes
// checks every count against the bytes that remain and sizes the table exactly, so a tiny file
// cannot make it allocate much, and children's slots never move while they are being filled.
class Loader {
  public:
    Loader(std::span<const std::uint8_t> bytes, support::MemorySource& source)
        : reader_(bytes), source_(source) {
        image_.bytes_ = bytes;
    }

    Result<Image> run() {
        if (image_.bytes_.size() >= Image::static_qstr_bit) {
            return make_error(Error::no_offset, "file too large for .mpy (2 GiB or more)");
        }
        if (Status status = read_header(); !status.ok()) {
            return status.error();
        }
        XIPY_TRY(const std::uint32_t qstr_count, reader_.read_vuint("qstr count"));
        const std::size_t constant_count_offset = reader_.offset();
        XIPY_TRY(const std::uint32_t constant_count, reader_.read_vuint("constant count"));
        if (Status status = read_qstr_table(qstr_count); !status.ok()) {
            return status.error();
        }
        if (Status status = read_constant_table(constant_count, constant_count_offset);
            !status.ok()) {
            return status.error();
        }

        // Sizing the table exactly up front means children's slots never move and no memory
        // is wasted on growth; the walk also rejects broken structure before any big resize.
        XIPY_TRY(const std::uint64_t raw_code_count, count_raw_codes(reader_));
        if (!image_.raw_codes_.reserve(source_, static_cast<std::size_t>(raw_code_count))) {
            return out_of_memory();
        }
        image_.raw_codes_.resize(1);
        if (Status status = read_raw_code(0, 1); !status.ok()) {
            return status.error();
        }
        image_.end_offset_ = reader_.offset();
        return std::move(image_);
    }

  private:
    std::uint32_t offset_of(const std::uint8_t* pointer) const {
        return static_cast<std::uint32_t>(pointer - image_.bytes_.data());
    }

    Error out_of_memory() const {
        Error error = make_error(Error::no_offset, "not enough memory to load the module");
        error.kind = support::ErrorKind::memory_error;
        return error;
    }

    Status read_header() {
        Header& header = image_.header_;
        XIPY_TRY(const std::uint8_t magic, reader_.read_byte("header"));
        if (magic != format::magic) {
            return make_error(0, "incompatible .mpy file: bad magic " + hex_byte(magic));
        }
        XIPY_TRY(header.major_version, reader_.read_byte("header"));
        if (header.major_version != format::major_version) {
            return make_error(
                1, "incompatible .mpy file: version " + std::to_string(header.major_version));
        }
        XIPY_TRY(const std::uint8_t features, reader_.read_byte("header"));
        header.sub_version = features & format::sub_version_mask;
        header.native_arch = (features >> format::native_arch_shift) & format::native_arch_mask;
        header.has_arch_flags = (features & format::arch_flags_present) != 0;
        if ((features & 0x80) != 0) {
            return make_error(2, "incompatible .mpy file: feature byte " + hex_byte(features));
        }
        XIPY_TRY(header.small_int_bits, reader_.read_byte("header"));
        if (header.small_int_bits > format::maximum_small_int_bits) {
            return make_error(3, "incompatible .mpy file: needs " +
                                     std::to_string(header.small_int_bits) +
                                     "-bit small ints, xipy has " +
                                     std::to_string(format::maximum_small_int_bits));
        }
        if (header.native_arch != format::native_arch_none) {
            return make_error(2, "native code in .mpy unsupported");
        }
        if (header.has_arch_flags) {
            XIPY_TRY(header.arch_flags, reader_.read_vuint("architecture flags"));
        }
        return Success{};
    }

    Status read_qstr_table(std::uint32_t count) {
        // Every entry takes at least one byte.
        if (count > reader_.remaining()) {
            return make_error(reader_.offset(),
                              "qstr count " + std::to_string(count) + " exceeds file");
        }
        if (!image_.qstrs_.reserve(source_, count)) {
            return out_of_memory();
        }
        for (std::uint32_t index = 0; index < count; ++index) {
            const std::size_t start = reader_.offset();
            XIPY_TRY(const std::uint32_t head, reader_.read_vuint("qstr"));
            if ((head & format::qstr_static_flag) != 0) {
                const std::uint32_t id = head >> 1;
                if (id == 0 || id > static_qstr_count) {
                    return make_error(start, "static qstr id " + std::to_string(id) +
                                                 " out of range (1.." +
                                                 std::to_string(static_qstr_count) + ")");
                }
                image_.qstrs_.push_back(Image::static_qstr_bit | id);
                continue;
            }
            const std::uint32_t length = head >> 1;
            const auto text_offset = static_cast<std::uint32_t>(reader_.offset());
            XIPY_TRY(auto text, reader_.read_bytes(length, "qstr text"));
            XIPY_TRY(const std::uint8_t terminator, reader_.read_byte("qstr terminator"));
            if (terminator != 0) {
                return make_error(reader_.offset() - 1, "qstr not followed by a NUL byte");
            }
            if (!support::is_valid_utf8(as_text(text))) {
                return make_error(text_offset, "invalid UTF-8 in qstr");
            }
            image_.qstrs_.push_back(static_cast<std::uint32_t>(start));
        }
        return Success{};
    }

    Status check_qstr_index(std::uint32_t index, std::size_t offset) const {
        if (index >= image_.qstrs_.size()) {
            return make_error(offset, "qstr index " + std::to_string(index) +
                                          " out of range (table has " +
                                          std::to_string(image_.qstrs_.size()) + ")");
        }
        return Success{};
    }

    Status read_constant_table(std::uint32_t count, std::size_t count_offset) {
        // Every constant takes at least its kind byte.
        if (count > reader_.remaining()) {
            return make_error(count_offset,
                              "constant count " + std::to_string(count) + " exceeds file");
        }
        // The walk checks every tuple length against the file before anything is decoded.
        XIPY_TRY(const std::uint64_t item_count, count_tuple_items(reader_, count));
        (void)item_count;
        if (!image_.constant_offsets_.reserve(source_, count)) {
            return out_of_memory();
        }
        // Each constant is decoded once here, to check it, and only its offset is kept: 4 bytes
        // a constant instead of a decoded record, and the VM decodes it again on first use.
        for (std::uint32_t index = 0; index < count; ++index) {
            image_.constant_offsets_.push_back(static_cast<std::uint32_t>(reader_.offset()));
            XIPY_TRY(Constant constant, read_constant(reader_, 1));
            (void)constant;
        }
        return Success{};
    }

    // Walks `count` constants without decoding them and returns how many tuple items they hold
    // in all. Checks what the walk itself needs: lengths, tuple sizes, kinds and nesting.
    Result<std::uint64_t> count_tuple_items(ByteReader reader, std::uint32_t count) const {
        // left[level] = constants still to walk at that nesting level; level 0 is the table.
        std::array<std::uint32_t, format::maximum_nesting_depth> left{};
        left[0] = count;
        std::size_t levels = 1;
        std::uint64_t pending = count;
        std::uint64_t total = 0;
        while (levels > 0) {
            if (left[levels - 1] == 0) {
                --levels;
                continue;
            }
            --left[levels - 1];
            --pending;
            const std::size_t start = reader.offset();
            XIPY_TRY(const std::uint8_t kind, reader.read_byte("constant"));
            if (kind >= format::object_none && kind <= format::object_ellipsis) {
                continue;
            }
            if (kind == format::object_tuple) {
                if (levels >= format::maximum_nesting_depth) {
                    return make_error(start, "constant tuples nested deeper than " +
                                                 std::to_string(format::maximum_nesting_depth));
                }
                const std::size_t count_offset = reader.offset();
                XIPY_TRY(const std::uint32_t items, reader.read_vuint("tuple length"));
                // Each item needs at least its kind byte.
                if (pending + items > reader.remaining()) {
                    return make_error(count_offset,
                                      "tuple length " + std::to_string(items) + " exceeds file");
                }
                left[levels++] = items;
                pending += items;
                total += items;
                continue;
            }
            if (kind < format::object_string || kind > format::object_complex) {
                return make_error(start, "unknown constant kind " + std::to_string(kind));
            }
            XIPY_TRY(const std::uint32_t length, reader.read_vuint("constant length"));
            XIPY_TRY(auto payload, reader.read_bytes(length, "constant"));
            (void)payload;
            if (kind == format::object_string || kind == format::object_bytes) {
                XIPY_TRY(auto terminator, reader.read_byte("constant terminator"));
                (void)terminator;
            }
        }
        return total;
    }

    // Walks the raw codes from the reader's position without decoding their function data and
    // returns how many there are. Checks what the walk needs: headers, data lengths, child
    // counts (each child needs format::minimum_raw_code_size bytes) and nesting.
    static Result<std::uint64_t> count_raw_codes(ByteReader reader) {
        // left[level] = raw codes still to walk at that level; level 0 holds the module's code.
        std::array<std::uint32_t, format::maximum_nesting_depth> left{};
        left[0] = 1;
        std::size_t levels = 1;
        std::uint64_t pending = 1;
        std::uint64_t total = 0;
        while (levels > 0) {
            if (left[levels - 1] == 0) {
                --levels;
                continue;
            }
            --left[levels - 1];
            --pending;
            const std::size_t start = reader.offset();
            XIPY_TRY(const std::uint32_t head, reader.read_vuint("raw code header"));
            if ((head & format::raw_code_kind_mask) != format::code_kind_bytecode) {
                return make_error(start, "native code in .mpy unsupported");
            }
            XIPY_TRY(auto data,
                     reader.read_bytes(head >> format::raw_code_length_shift, "function data"));
            (void)data;
            ++total;
            if ((head & format::raw_code_has_children) == 0) {
                continue;
            }
            const std::size_t count_offset = reader.offset();
            XIPY_TRY(const std::uint32_t children, reader.read_vuint("child count"));
            if ((pending + children) * format::minimum_raw_code_size > reader.remaining()) {
                return make_error(count_offset,
                                  "child count " + std::to_string(children) + " exceeds file");
            }
            if (children == 0) {
                continue;
            }
            if (levels >= format::maximum_nesting_depth) {
                return make_error(reader.offset(),
                                  "functions nested deeper than " +
                                      std::to_string(format::maximum_nesting_depth));
            }
            left[levels++] = children;
            pending += children;
        }
        return total;
    }

    // Reads the raw code for slot `slot` and, depth first, its children.
    Status read_raw_code(std::size_t slot, std::size_t depth) {
        const std::size_t start = reader_.offset();
        if (depth > format::maximum_nesting_depth) {
            return make_error(start, "functions nested deeper than " +
                                         std::to_string(format::maximum_nesting_depth));
        }
        XIPY_TRY(const std::uint32_t kind_and_length, reader_.read_vuint("raw code header"));
        const std::uint32_t kind = kind_and_length & format::raw_code_kind_mask;
        if (kind != format::code_kind_bytecode) {
            return make_error(start, "native code in .mpy unsupported");
        }
        const std::uint32_t length = kind_and_length >> format::raw_code_length_shift;
        XIPY_TRY(ByteReader function_reader, reader_.read_window(length, "function data"));
        XIPY_TRY(RawCode code, read_function_data(function_reader));

        if ((kind_and_length & format::raw_code_has_children) != 0) {
            // count_raw_codes has already checked this count against the file.
            XIPY_TRY(const std::uint32_t count, reader_.read_vuint("child count"));
            code.first_child = static_cast<std::uint32_t>(image_.raw_codes_.size());
            code.child_count = count;
            image_.raw_codes_.resize(image_.raw_codes_.size() + count);
        }
        image_.raw_codes_[slot] = code;
        for (std::uint32_t index = 0; index < code.child_count; ++index) {
            if (Status status = read_raw_code(code.first_child + index, depth + 1); !status.ok()) {
                return status.error();
            }
        }
        return Success{};
    }

    // Decodes the prelude and splits function data into its sections (py/bc.h layout).
    Result<RawCode> read_function_data(ByteReader& reader) {
        RawCode code;
        code.kind = CodeKind::bytecode;
        code.file_offset = static_cast<std::uint32_t>(reader.offset());
        code.end_offset = offset_of(reader.current() + reader.remaining());
        Prelude& prelude = code.prelude;

        // Signature: xSSSSEAA, then xFSSKAED per extension byte.
        const std::size_t signature_offset = reader.offset();
        XIPY_TRY(std::uint8_t byte, reader.read_byte("prelude signature"));
        std::uint32_t state = (byte >> 3) & 0x0Fu;
        // Each field gets at most one bit per extension byte beyond its first bits, so with
        // format::maximum_signature_bytes all but n_state fit Prelude's 16 bits.
        std::uint32_t exception_handlers = (byte >> 2) & 0x01u;
        std::uint32_t scope_flags = 0;
        std::uint32_t positional = byte & 0x03u;
        std::uint32_t keyword_only = 0;
        std::uint32_t defaults = 0;
        for (unsigned extension = 0; (byte & format::vuint_continue) != 0; ++extension) {
            if (extension + 1 >= format::maximum_signature_bytes) {
                return make_error(signature_offset, "prelude signature too long");
            }
            XIPY_TRY(byte, reader.read_byte("prelude signature"));
            state |= static_cast<std::uint32_t>(byte & 0x30u) << (2 * extension);
            exception_handlers |= static_cast<std::uint32_t>(byte & 0x02u) << extension;
            scope_flags |= static_cast<std::uint32_t>((byte & 0x40u) >> 6) << extension;
            positional |= static_cast<std::uint32_t>(byte & 0x04u) << extension;
            keyword_only |= static_cast<std::uint32_t>((byte & 0x08u) >> 3) << extension;
            defaults |= static_cast<std::uint32_t>(byte & 0x01u) << extension;
        }
        static_assert(2 + format::maximum_signature_bytes <= 16, "signature fields fit 16 bits");
        prelude.n_state = state + 1;
        prelude.n_exc_stack = static_cast<std::uint16_t>(exception_handlers);
        prelude.scope_flags = static_cast<std::uint16_t>(scope_flags);
        prelude.n_pos_args = static_cast<std::uint16_t>(positional);
        prelude.n_kwonly_args = static_cast<std::uint16_t>(keyword_only);
        prelude.n_def_pos_args = static_cast<std::uint16_t>(defaults);

        // Sizes: xIIIIIIC per byte.
        const std::size_t size_offset = reader.offset();
        std::uint32_t info_bytes = 0;
        std::uint32_t cell_bytes = 0;
        for (unsigned index = 0;; ++index) {
            if (index >= format::maximum_size_bytes) {
                return make_error(size_offset, "prelude size too long");
            }
            XIPY_TRY(byte, reader.read_byte("prelude size"));
            cell_bytes |= static_cast<std::uint32_t>(byte & 0x01u) << index;
            info_bytes |= static_cast<std::uint32_t>((byte & 0x7Eu) >> 1) << (6 * index);
            if ((byte & format::vuint_continue) == 0) {
                break;
            }
        }

        const std::size_t info_offset = reader.offset();
        code.header_bytes = static_cast<std::uint8_t>(info_offset - code.file_offset);
        XIPY_TRY(ByteReader info, reader.read_window(info_bytes, "code info"));
        XIPY_TRY(const std::uint32_t name, info.read_vuint("function name"));
        if (Status status = check_qstr_index(name, info_offset); !status.ok()) {
            return status.error();
        }

        const std::uint64_t argument_count =
            std::uint64_t{prelude.n_pos_args} + prelude.n_kwonly_args;
        // Each name takes at least a byte, so this loop ends within the code info.
        for (std::uint64_t index = 0; index < argument_count; ++index) {
            const std::size_t name_offset = info.offset();
            XIPY_TRY(const std::uint32_t name, info.read_vuint("argument name"));
            if (Status status = check_qstr_index(name, name_offset); !status.ok()) {
                return status.error();
            }
        }
        while (!info.at_end()) {
            XIPY_TRY(const std::uint8_t entry, info.read_byte("line table"));
            if ((entry & format::line_entry_long) != 0) {
                if (auto second = info.read_byte("line table"); !second.ok()) {
                    return second.error();
                }
            }
        }

        const std::size_t cells_offset = reader.offset();
        static_assert(format::maximum_size_bytes <= 8, "the cell count fits a byte");
        code.cell_count = static_cast<std::uint8_t>(cell_bytes);
        XIPY_TRY(const std::span<const std::uint8_t> cells,
                 reader.read_bytes(cell_bytes, "closure cells"));
        for (std::size_t index = 0; index < cells.size(); ++index) {
            if (cells[index] >= prelude.n_state) {
                return make_error(cells_offset + index, "cell local " +
                                                            std::to_string(cells[index]) +
                                                            " out of range (n_state " +
                                                            std::to_string(prelude.n_state) + ")");
            }
        }

        code.bytecode_file_offset = static_cast<std::uint32_t>(reader.offset());
        return code;
    }

    ByteReader reader_;
    support::MemorySource& source_;
    Image image_;
};

Result<Image> Image::load(std::span<const std::uint8_t> bytes, support::MemorySource& source) {
    return Loader(bytes, source).run();
}

std::string_view Image::qstr(std::size_t index) const {
    const std::uint32_t slot = qstrs_[index];
    if ((slot & static_qstr_bit) != 0) {
        return static_qstr(slot & ~static_qstr_bit);
    }
    // The loader read this entry without error, so reading it again cannot fail.
    ByteReader reader(bytes_.subspan(slot), slot);
    auto head = reader.read_vuint("qstr");
    const std::uint32_t length = head.ok() ? head.value() >> 1 : 0;
    return as_text(std::span<const std::uint8_t>(reader.current(), length));
}

bool Image::qstr_is_static(std::size_t index) const {
    return (qstrs_[index] & static_qstr_bit) != 0;
}

std::uint32_t Image::static_qstr_id(std::size_t index) const {
    return qstr_is_static(index) ? qstrs_[index] & ~static_qstr_bit : 0;
}

std::string_view Image::source_file() const {
    return qstrs_.empty() ? std::string_view{} : qstr(0);
}

Constant Image::decode_constant(std::uint32_t offset, std::uint32_t& end) const {
    ByteReader reader(bytes_.subspan(offset), offset);
    // The loader decoded the same bytes without error, so this cannot fail.
    auto constant = read_constant(reader, 1);
    end = static_cast<std::uint32_t>(reader.offset());
    return constant.ok() ? constant.value() : Constant{};
}

Constant Image::constant(std::size_t index) const {
    std::uint32_t end = 0;
    return decode_constant(constant_offsets_[index], end);
}

ConstantList Image::constants() const {
    ConstantList list(*this, constant_offsets_.empty() ? 0 : constant_offsets_[0],
                      constant_offsets_.size());
    list.offsets_ = constant_offsets_.data();
    return list;
}

ConstantList Image::items(const Constant& tuple) const {
    if (tuple.kind != ConstantKind::tuple) {
        return ConstantList(*this, 0, 0);
    }
    return ConstantList(*this, tuple.items_offset, tuple.item_count);
}

ConstantList::Iterator& ConstantList::Iterator::operator++() {
    --remaining_;
    offset_ = end_;
    if (remaining_ != 0) {
        current_ = image_->decode_constant(offset_, end_);
    }
    return *this;
}

ConstantList::Iterator ConstantList::begin() const {
    Iterator iterator;
    iterator.image_ = image_;
    iterator.offset_ = offset_;
    iterator.remaining_ = count_;
    if (count_ != 0) {
        iterator.current_ = image_->decode_constant(offset_, iterator.end_);
    }
    return iterator;
}

Constant ConstantList::operator[](std::size_t index) const {
    if (offsets_ != nullptr) {
        std::uint32_t end = 0;
        return image_->decode_constant(offsets_[index], end);
    }
    Iterator iterator = begin();
    for (; index != 0; --index) {
        ++iterator;
    }
    return *iterator;
}

std::span<const RawCode> Image::children(const RawCode& code) const {
    return std::span<const RawCode>(raw_codes_).subspan(code.first_child, code.child_count);
}

std::uint32_t Image::name_qstr(const RawCode& code) const {
    // The loader read this vuint without error, so reading it again cannot fail.
    ByteReader reader(bytes_.subspan(code.info_offset()), code.info_offset());
    auto name = reader.read_vuint("function name");
    return name.ok() ? name.value() : 0;
}

std::uint32_t Image::argument_names_offset(const RawCode& code) const {
    ByteReader reader(bytes_.subspan(code.info_offset()), code.info_offset());
    (void)reader.read_vuint("function name");
    return static_cast<std::uint32_t>(reader.offset());
}

std::uint32_t Image::line_table_offset(const RawCode& code, std::uint32_t arguments) const {
    ByteReader reader(bytes_.subspan(arguments), arguments);
    const std::uint32_t count = std::uint32_t{code.prelude.n_pos_args} + code.prelude.n_kwonly_args;
    for (std::uint32_t index = 0; index < count; ++index) {
        (void)reader.read_vuint("argument name");
    }
    return static_cast<std::uint32_t>(reader.offset());
}

std::vector<std::uint32_t> Image::argument_name_qstrs(const RawCode& code) const {
    std::vector<std::uint32_t> names;
    names.reserve(std::size_t{code.prelude.n_pos_args} + code.prelude.n_kwonly_args);
    visit_argument_names(code, [&names](std::uint32_t name) { names.push_back(name); });
    return names;
}

std::vector<LineEntry> Image::line_entries(const RawCode& code) const {
    std::vector<LineEntry> entries;
    entries.push_back({0, format::first_line});
    std::uint64_t offset = 0;
    std::uint64_t line = format::first_line;
    const auto table = line_table(code);
    for (std::size_t index = 0; index < table.size();) {
        const std::uint8_t first = table[index];
        if ((first & format::line_entry_long) == 0) {
            offset += first & format::line_short_offset_mask;
            line += first >> format::line_short_line_shift;
            index += 1;
        } else {
            offset += first & format::line_long_offset_mask;
            // Validated at load: a long entry always has its second byte.
            line +=
                (std::uint32_t{first} & format::line_long_line_high_mask) << 4 | table[index + 1];
            index += 2;
        }
        entries.push_back({static_cast<std::uint32_t>(std::min<std::uint64_t>(offset, UINT32_MAX)),
                           static_cast<std::uint32_t>(std::min<std::uint64_t>(line, UINT32_MAX))});
    }
    return entries;
}

std::uint32_t Image::line_for_offset(const RawCode& code, std::uint32_t bytecode_offset) const {
    // Same walk as MicroPython's traceback lookup: consume entries while the offset reaches them.
    std::uint32_t remaining = bytecode_offset;
    std::uint64_t line = format::first_line;
    const auto table = line_table(code);
    for (std::size_t index = 0; index < table.size();) {
        const std::uint8_t first = table[index];
        std::uint32_t step = 0;
        std::uint32_t lines = 0;
        if ((first & format::line_entry_long) == 0) {
            step = first & format::line_short_offset_mask;
            lines = first >> format::line_short_line_shift;
            index += 1;
        } else {
            step = first & format::line_long_offset_mask;
            lines =
                (std::uint32_t{first} & format::line_long_line_high_mask) << 4 | table[index + 1];
            index += 2;
        }
        if (remaining < step) {
            break;
        }
        remaining -= step;
        line += lines;
    }
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(line, UINT32_MAX));
}

std::size_t Image::file_offset_of(const std::uint8_t* pointer) const {
    return static_cast<std::size_t>(pointer - bytes_.data());
}

std::string_view code_kind_name(CodeKind kind) {
    switch (kind) {
        case CodeKind::bytecode:
            return "bytecode";
        case CodeKind::native_python:
            return "native_python";
        case CodeKind::native_viper:
            return "native_viper";
        case CodeKind::native_asm:
            return "native_asm";
    }
    return "unknown";
}

std::string_view constant_kind_name(ConstantKind kind) {
    switch (kind) {
        case ConstantKind::none:
            return "none";
        case ConstantKind::false_value:
            return "false";
        case ConstantKind::true_value:
            return "true";
        case ConstantKind::ellipsis:
            return "ellipsis";
        case ConstantKind::string:
            return "string";
        case ConstantKind::bytes:
            return "bytes";
        case ConstantKind::small_int:
            return "small_int";
        case ConstantKind::big_int:
            return "big_int";
        case ConstantKind::float_value:
            return "float";
        case ConstantKind::complex_value:
            return "complex";
        case ConstantKind::tuple:
            return "tuple";
    }
    return "unknown";
}

}  // namespace xipy::image
