// Inflater: DEFLATE blocks (stored, fixed and dynamic Huffman) and the zlib and gzip wrappers.
#include "library/inflater.hpp"

#include <algorithm>

#include "library/binascii.hpp"

namespace xipy::library {

namespace {

// RFC 1951 3.2.5: the base and extra bits of the 29 length and 30 distance codes.
constexpr std::uint16_t length_bases[29] = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                            15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                            67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::uint8_t length_extra_bits[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::uint16_t distance_bases[30] = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::uint8_t distance_extra_bits[30] = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                  4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                  9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

// RFC 1951 3.2.7: the order in which a dynamic block sends the code-length code's lengths.
constexpr std::uint8_t code_length_order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                11, 4,  12, 3, 13, 2, 14, 1, 15};

constexpr unsigned end_of_block = 256;
constexpr unsigned longest_code = 15;

// Fills `code` from per-symbol code lengths (0: unused).
void build_code(HuffmanCode& code, const std::uint8_t* lengths, unsigned symbol_count) {
    std::fill(std::begin(code.counts), std::end(code.counts), std::uint16_t{0});
    for (unsigned symbol = 0; symbol < symbol_count; ++symbol) {
        ++code.counts[lengths[symbol]];
    }
    code.counts[0] = 0;
    std::uint16_t next_slot[16] = {};
    for (unsigned length = 1; length < 16; ++length) {
        next_slot[length] =
            static_cast<std::uint16_t>(next_slot[length - 1] + code.counts[length - 1]);
    }
    for (unsigned symbol = 0; symbol < symbol_count; ++symbol) {
        if (lengths[symbol] != 0) {
            code.symbols[next_slot[lengths[symbol]]++] = static_cast<std::uint16_t>(symbol);
        }
    }
}

// RFC 1951 3.2.6: the fixed codes of a type 1 block. The distance code has 32 symbols of 5
// bits, of which 30 and 31 are invalid in a stream.
void build_fixed_codes(HuffmanCode& literal_code, HuffmanCode& distance_code) {
    std::uint8_t lengths[288];
    std::fill(lengths, lengths + 144, std::uint8_t{8});
    std::fill(lengths + 144, lengths + 256, std::uint8_t{9});
    std::fill(lengths + 256, lengths + 280, std::uint8_t{7});
    std::fill(lengths + 280, lengths + 288, std::uint8_t{8});
    build_code(literal_code, lengths, 288);
    std::fill(lengths, lengths + 32, std::uint8_t{5});
    build_code(distance_code, lengths, 32);
}

std::uint32_t adler32(std::span<const std::uint8_t> data, std::uint32_t value) {
    constexpr std::uint32_t modulus = 65521;
    std::uint32_t low = value & 0xffff;
    std::uint32_t high = value >> 16;
    for (std::uint8_t byte : data) {
        low = (low + byte) % modulus;
        high = (high + low) % modulus;
    }
    return high << 16 | low;
}

}  // namespace

// ---- headers (RFC 1950 2.2 and RFC 1952 2.3)

StreamHeader read_stream_header(ByteSource& source, DeflateFormat expected) {
    const StreamHeader stopped{InflateStatus::source_stopped, expected};
    const StreamHeader corrupt{InflateStatus::corrupt, expected};
    std::uint8_t first = 0;
    std::uint8_t second = 0;
    if (!source.next_byte(first) || !source.next_byte(second)) {
        return stopped;
    }
    if (first == 0x1f && second == 0x8b) {
        constexpr std::uint8_t has_header_crc = 2, has_extra = 4, has_name = 8, has_comment = 16;
        std::uint8_t method = 0;
        std::uint8_t flags = 0;
        if (!source.next_byte(method)) {
            return stopped;
        }
        if (method != 8) {
            return corrupt;
        }
        if (!source.next_byte(flags)) {
            return stopped;
        }
        if ((flags & 0xe0) != 0) {
            return corrupt;
        }
        // The modification time, extra flags and operating system: nothing to check.
        std::uint8_t byte = 0;
        for (int skipped = 0; skipped < 6; ++skipped) {
            if (!source.next_byte(byte)) {
                return stopped;
            }
        }
        if ((flags & has_extra) != 0) {
            std::uint8_t low = 0;
            std::uint8_t high = 0;
            if (!source.next_byte(low) || !source.next_byte(high)) {
                return stopped;
            }
            for (unsigned skipped = 0; skipped < (unsigned{high} << 8 | low); ++skipped) {
                if (!source.next_byte(byte)) {
                    return stopped;
                }
            }
        }
        // The file name and the comment end at a zero byte.
        for (std::uint8_t text_flag : {has_name, has_comment}) {
            if ((flags & text_flag) == 0) {
                continue;
            }
            do {
                if (!source.next_byte(byte)) {
                    return stopped;
                }
            } while (byte != 0);
        }
        if ((flags & has_header_crc) != 0) {
            if (!source.next_byte(byte) || !source.next_byte(byte)) {
                return stopped;
            }
        }
        if (expected == DeflateFormat::zlib) {
            return corrupt;
        }
        return StreamHeader{InflateStatus::ok, DeflateFormat::gzip, maximum_window_bits};
    }
    // zlib: CMF then FLG, together a multiple of 31; method 8 (deflate), a window of at most
    // 2**15 bytes and no preset dictionary.
    if ((unsigned{first} * 256 + second) % 31 != 0 || (first & 0x0f) != 8 || (first >> 4) > 7 ||
        (second & 0x20) != 0 || expected == DeflateFormat::gzip) {
        return corrupt;
    }
    return StreamHeader{InflateStatus::ok, DeflateFormat::zlib,
                        static_cast<unsigned>(first >> 4) + 8u};
}

// ---- bits

Inflater::Inflater(DeflateFormat header_format, unsigned window_bits)
    : checksum_(header_format == DeflateFormat::zlib ? 1 : 0),
      header_format_(header_format),
      window_bits_(static_cast<std::uint8_t>(window_bits)) {}

bool Inflater::read_bit(ByteSource& source, unsigned& bit) {
    if (bits_left_ == 0) {
        if (!source.next_byte(bit_buffer_)) {
            return false;
        }
        bits_left_ = 8;
    }
    bit = bit_buffer_ & 1u;
    bit_buffer_ >>= 1;
    --bits_left_;
    return true;
}

// `count` bits, least significant first (RFC 1951 3.1.1).
bool Inflater::read_bits(ByteSource& source, unsigned count, unsigned& value) {
    value = 0;
    for (unsigned index = 0; index < count; ++index) {
        unsigned bit = 0;
        if (!read_bit(source, bit)) {
            return false;
        }
        value |= bit << index;
    }
    return true;
}

// A Huffman code is sent most significant bit first, so the code read so far grows one bit at
// a time until it falls among the codes of its length: those of length L are consecutive,
// starting at `first`, and their symbols start at `index` in code order.
Inflater::Step Inflater::decode_symbol(ByteSource& source, const HuffmanCode& code,
                                       unsigned& symbol) {
    unsigned value = 0;
    unsigned first = 0;
    unsigned index = 0;
    for (unsigned length = 1; length <= longest_code; ++length) {
        unsigned bit = 0;
        if (!read_bit(source, bit)) {
            return Step::stopped;
        }
        value = value << 1 | bit;
        unsigned count = code.counts[length];
        if (value - first < count) {
            // Always inside the filled symbols (HuffmanCode's invariant); checked all the same,
            // as the codes come from untrusted input.
            if (index + (value - first) >= std::size(code.symbols)) {
                return Step::corrupt;
            }
            symbol = code.symbols[index + (value - first)];
            return Step::produced;
        }
        index += count;
        first = (first + count) << 1;
    }
    // No code of 15 bits matched. MicroPython's decoder takes a sixteenth bit before it gives
    // up, which decides whether a stream cut off here ends in EOFError or OSError.
    unsigned bit = 0;
    return read_bit(source, bit) ? Step::corrupt : Step::stopped;
}

// ---- blocks

Inflater::Step Inflater::read_block_header(ByteSource& source) {
    unsigned final_bit = 0;
    unsigned type = 0;
    if (!read_bit(source, final_bit) || !read_bits(source, 2, type)) {
        return Step::stopped;
    }
    final_block_ = final_bit != 0;
    block_type_ = static_cast<std::int8_t>(type);
    remaining_ = 0;
    if (type == 1) {
        build_fixed_codes(literal_code_, distance_code_);
    } else if (type == 2) {
        return read_dynamic_codes(source);
    } else if (type == 3) {
        return Step::corrupt;
    }
    return Step::produced;
}

// RFC 1951 3.2.7: the counts, the code-length code, then both codes' lengths in one run
// (repeats may cross from the literal lengths into the distance lengths).
Inflater::Step Inflater::read_dynamic_codes(ByteSource& source) {
    unsigned literal_count = 0;
    unsigned distance_count = 0;
    unsigned code_length_count = 0;
    if (!read_bits(source, 5, literal_count) || !read_bits(source, 5, distance_count) ||
        !read_bits(source, 4, code_length_count)) {
        return Step::stopped;
    }
    literal_count += 257;
    distance_count += 1;
    code_length_count += 4;
    std::uint8_t lengths[288 + 32] = {};
    for (unsigned index = 0; index < code_length_count; ++index) {
        unsigned length = 0;
        if (!read_bits(source, 3, length)) {
            return Step::stopped;
        }
        lengths[code_length_order[index]] = static_cast<std::uint8_t>(length);
    }
    // The code-length code borrows the literal code's table until the real one is built.
    build_code(literal_code_, lengths, 19);
    const unsigned total = literal_count + distance_count;
    for (unsigned filled = 0; filled < total;) {
        unsigned symbol = 0;
        Step step = decode_symbol(source, literal_code_, symbol);
        if (step != Step::produced) {
            return step;
        }
        if (symbol < 16) {
            lengths[filled++] = static_cast<std::uint8_t>(symbol);
            continue;
        }
        std::uint8_t repeated = 0;
        unsigned extra_bits = 3;
        unsigned base = 3;
        if (symbol == 16) {
            if (filled == 0) {
                return Step::corrupt;
            }
            repeated = lengths[filled - 1];
            extra_bits = 2;
        } else if (symbol == 18) {
            extra_bits = 7;
            base = 11;
        }
        unsigned repeat = 0;
        if (!read_bits(source, extra_bits, repeat)) {
            return Step::stopped;
        }
        repeat += base;
        if (repeat > total - filled) {
            return Step::corrupt;
        }
        std::fill(lengths + filled, lengths + filled + repeat, repeated);
        filled += repeat;
    }
    build_code(literal_code_, lengths, literal_count);
    build_code(distance_code_, lengths + literal_count, distance_count);
    return Step::produced;
}

void Inflater::put(std::span<std::uint8_t> window, std::uint8_t byte) {
    window[window_index_] = byte;
    window_index_ = (window_index_ + 1) & static_cast<std::uint32_t>(window.size() - 1);
}

// A stored block: LEN and NLEN as whole bytes (the rest of the current byte is dropped), then
// LEN bytes. remaining_ counts one more than the bytes left, so that the block's end is noticed
// only when more output is wanted, as for a coded block's end-of-block symbol.
Inflater::Step Inflater::stored_step(ByteSource& source, std::span<std::uint8_t> window,
                                     std::uint8_t& byte) {
    if (remaining_ == 0) {
        std::uint8_t header[4];
        for (std::uint8_t& part : header) {
            if (!source.next_byte(part)) {
                return Step::stopped;
            }
        }
        unsigned length = unsigned{header[1]} << 8 | header[0];
        unsigned complement = unsigned{header[3]} << 8 | header[2];
        if (length != (~complement & 0xffffu)) {
            return Step::corrupt;
        }
        remaining_ = length + 1;
        bits_left_ = 0;
    }
    if (--remaining_ == 0) {
        return Step::block_end;
    }
    if (!source.next_byte(byte)) {
        return Step::stopped;
    }
    put(window, byte);
    return Step::produced;
}

// One byte of a Huffman-coded block: a literal, or the next byte of a back-reference (reading
// the reference's length and distance when none is being copied).
Inflater::Step Inflater::coded_step(ByteSource& source, std::span<std::uint8_t> window,
                                    std::uint8_t& byte) {
    if (remaining_ == 0) {
        unsigned symbol = 0;
        Step step = decode_symbol(source, literal_code_, symbol);
        if (step != Step::produced) {
            return step;
        }
        if (symbol < end_of_block) {
            byte = static_cast<std::uint8_t>(symbol);
            put(window, byte);
            return Step::produced;
        }
        if (symbol == end_of_block) {
            return Step::block_end;
        }
        symbol -= end_of_block + 1;
        if (symbol >= std::size(length_bases)) {
            return Step::corrupt;
        }
        unsigned extra = 0;
        if (!read_bits(source, length_extra_bits[symbol], extra)) {
            return Step::stopped;
        }
        const unsigned length = length_bases[symbol] + extra;
        unsigned distance_symbol = 0;
        step = decode_symbol(source, distance_code_, distance_symbol);
        if (step != Step::produced) {
            return step;
        }
        if (distance_symbol >= std::size(distance_bases)) {
            return Step::corrupt;
        }
        if (!read_bits(source, distance_extra_bits[distance_symbol], extra)) {
            return Step::stopped;
        }
        const unsigned distance = distance_bases[distance_symbol] + extra;
        // A distance may equal the window's size but not pass it (MicroPython's check).
        if (distance > window.size()) {
            return Step::corrupt;
        }
        const auto mask = static_cast<std::uint32_t>(window.size() - 1);
        copy_position_ = (window_index_ - distance) & mask;
        remaining_ = length;
    }
    byte = window[copy_position_];
    copy_position_ = (copy_position_ + 1) & static_cast<std::uint32_t>(window.size() - 1);
    --remaining_;
    put(window, byte);
    return Step::produced;
}

// zlib: the Adler-32 of the output, most significant byte first. gzip: the CRC-32, least
// significant byte first, then the length, which MicroPython reads but does not check.
InflateStatus Inflater::read_trailer(ByteSource& source) {
    if (header_format_ != DeflateFormat::zlib && header_format_ != DeflateFormat::gzip) {
        return InflateStatus::finished;
    }
    std::uint8_t bytes[4];
    auto read_four = [&]() {
        for (std::uint8_t& byte : bytes) {
            if (!source.next_byte(byte)) {
                return false;
            }
        }
        return true;
    };
    if (!read_four()) {
        return InflateStatus::source_stopped;
    }
    std::uint32_t stored = 0;
    for (int index = 0; index < 4; ++index) {
        int shift = header_format_ == DeflateFormat::zlib ? 8 * (3 - index) : 8 * index;
        stored |= std::uint32_t{bytes[index]} << shift;
    }
    if (stored != checksum_) {
        return InflateStatus::corrupt;
    }
    if (header_format_ == DeflateFormat::gzip && !read_four()) {
        return InflateStatus::source_stopped;
    }
    return InflateStatus::finished;
}

Inflater::Progress Inflater::inflate(ByteSource& source, std::span<std::uint8_t> window,
                                     std::span<std::uint8_t> output, support::WorkMeter* meter) {
    if (ended_ != InflateStatus::ok) {
        return {0, ended_};
    }
    if (output.empty()) {
        return {0, InflateStatus::ok};
    }
    auto end = [&](InflateStatus status) {
        // A stream cut short mid-symbol cannot resume (the bits read so far are gone): a later
        // call finds it corrupt.
        ended_ = status == InflateStatus::source_stopped ? InflateStatus::corrupt : status;
        return Progress{0, status};
    };
    // Work is charged in batches, and what a call leaves uncharged is charged as it returns
    // output: callers read in small chunks, so a batch may span many calls.
    std::uint64_t unpaid = 0;
    auto spend = [&](std::uint64_t units) {
        unpaid += units;
        if (unpaid < support::WorkBatch::batch_units || meter == nullptr) {
            return true;
        }
        const std::uint64_t charged = unpaid;
        unpaid = 0;
        return meter->charge(charged);
    };
    auto settle = [&]() {
        const std::uint64_t charged = unpaid;
        unpaid = 0;
        return meter == nullptr || charged == 0 || meter->charge(charged);
    };
    std::size_t produced = 0;
    bool stream_ended = false;
    while (produced < output.size()) {
        if (block_type_ == no_block) {
            Step header = read_block_header(source);
            if (header == Step::stopped) {
                return end(InflateStatus::source_stopped);
            }
            if (header == Step::corrupt) {
                return end(InflateStatus::corrupt);
            }
            if (!spend(320)) {
                return end(InflateStatus::work_stopped);
            }
        }
        std::uint8_t byte = 0;
        Step step =
            block_type_ == 0 ? stored_step(source, window, byte) : coded_step(source, window, byte);
        if (step == Step::stopped) {
            return end(InflateStatus::source_stopped);
        }
        if (step == Step::corrupt) {
            return end(InflateStatus::corrupt);
        }
        if (step == Step::block_end) {
            block_type_ = no_block;
            if (final_block_) {
                stream_ended = true;
                break;
            }
            continue;
        }
        output[produced++] = byte;
        if (!spend(1)) {
            return end(InflateStatus::work_stopped);
        }
    }

    auto made = output.first(produced);
    if (header_format_ == DeflateFormat::zlib) {
        checksum_ = adler32(made, checksum_);
    } else if (header_format_ == DeflateFormat::gzip) {
        checksum_ = crc32(made, checksum_);
    }
    if (!settle()) {
        return end(InflateStatus::work_stopped);
    }
    if (!stream_ended) {
        return {produced, InflateStatus::ok};
    }
    InflateStatus status = read_trailer(source);
    if (status != InflateStatus::finished) {
        return end(status);
    }
    ended_ = InflateStatus::finished;
    return {produced, InflateStatus::finished};
}

}  // namespace xipy::library
