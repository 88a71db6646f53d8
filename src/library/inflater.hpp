// Inflater: the DEFLATE decompressor behind the deflate module (RFC 1951 blocks inside raw,
// zlib or gzip streams), pulling its input a byte at a time into a caller's sliding window.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "support/work_meter.hpp"

namespace xipy::library {

// Where compressed bytes come from: one at a time and only when a bit of one is needed, so
// that a reader takes no more from its source than the output asked for needs, as
// MicroPython's does (a test checks the source's position after each small read).
class ByteSource {
  public:
    // The next byte; false when there is none, the source having recorded why (the end of
    // its input, or an error of its own).
    virtual bool next_byte(std::uint8_t& byte) = 0;

  protected:
    ~ByteSource() = default;
};

// The container around the blocks, numbered as deflate.AUTO, RAW, ZLIB and GZIP.
enum class DeflateFormat : std::uint8_t { automatic = 0, raw = 1, zlib = 2, gzip = 3 };

enum class InflateStatus : std::uint8_t {
    ok,              // the output is full (for a header: it was read)
    finished,        // the final block ended and the trailer's checksum matched
    corrupt,         // not a valid stream: a bad header, block, code, distance or checksum
    source_stopped,  // the source gave no byte
    work_stopped,    // the work meter refused more work
};

// The window sizes MicroPython accepts, as powers of two, and its size for a raw stream
// whose reader names none (zlib and gzip headers name their own).
inline constexpr unsigned minimum_window_bits = 5;
inline constexpr unsigned maximum_window_bits = 15;
inline constexpr unsigned default_window_bits = 8;

// What a zlib or gzip header said.
struct StreamHeader {
    InflateStatus status;      // ok, corrupt or source_stopped
    DeflateFormat format;      // zlib or gzip, as found
    unsigned window_bits = 0;  // 8 to 15 from a zlib header; 15 for gzip, which names none
};

// Reads the header of a zlib or gzip stream (`expected` is automatic, zlib or gzip; a stream
// of the other kind is corrupt). Gzip's optional fields are skipped; their CRC is not checked,
// as in MicroPython.
StreamHeader read_stream_header(ByteSource& source, DeflateFormat expected);

// A canonical Huffman code: how many codes each length (1 to 15) has, and the symbols in code
// order. Invariant: the counts add up to at most the symbols filled in, so a decode indexes
// only filled entries, whatever lengths a corrupt stream gave.
struct HuffmanCode {
    std::uint16_t counts[16];
    std::uint16_t symbols[288];
};

// The decoder's whole state, a plain value with no pointers, so that it can live in a heap
// cell next to its window and be copied freely. Decoding follows MicroPython's uzlib step for
// step where a stream's bytes are concerned: a byte is taken only when one of its bits is
// needed, a block's end is read only when more output is wanted, and a back-reference may
// reach anywhere within the window, including positions not yet written (they read as the
// zeros the window starts with).
// Invariants: window_index_ < window size; copy_position_ < window size; block_type_ is
// none between blocks.
class Inflater {
  public:
    // Ready for the first block of a stream whose header (if any) `header_format` names: raw,
    // zlib (the trailer is an Adler-32) or gzip (a CRC-32 and the length), with a window of
    // 2**window_bits bytes.
    Inflater(DeflateFormat header_format, unsigned window_bits);

    static constexpr std::size_t window_size_for(unsigned window_bits) {
        return std::size_t{1} << window_bits;
    }
    std::size_t window_size() const { return window_size_for(window_bits_); }

    struct Progress {
        std::size_t produced;  // bytes written to the output (meaningful for ok and finished)
        InflateStatus status;
    };
    // Decompresses into `output` until it is full or the stream ends (then reads the trailer
    // and checks its checksum). `window` is window_size() bytes, zero-filled before the first
    // call and handed back unchanged on each later one. After finished, corrupt or
    // work_stopped the stream is over: later calls produce nothing and repeat the status.
    Progress inflate(ByteSource& source, std::span<std::uint8_t> window,
                     std::span<std::uint8_t> output, support::WorkMeter* meter);

  private:
    enum class Step : std::uint8_t { produced, block_end, corrupt, stopped };

    bool read_bit(ByteSource& source, unsigned& bit);
    bool read_bits(ByteSource& source, unsigned count, unsigned& value);
    Step decode_symbol(ByteSource& source, const HuffmanCode& code, unsigned& symbol);
    Step read_block_header(ByteSource& source);
    Step read_dynamic_codes(ByteSource& source);
    Step stored_step(ByteSource& source, std::span<std::uint8_t> window, std::uint8_t& byte);
    Step coded_step(ByteSource& source, std::span<std::uint8_t> window, std::uint8_t& byte);
    void put(std::span<std::uint8_t> window, std::uint8_t byte);
    InflateStatus read_trailer(ByteSource& source);

    static constexpr std::int8_t no_block = -1;

    HuffmanCode literal_code_{};
    HuffmanCode distance_code_{};
    std::uint32_t checksum_;
    std::uint32_t remaining_ = 0;  // bytes left to copy (a stored block's count is one more)
    std::uint32_t window_index_ = 0;
    std::uint32_t copy_position_ = 0;
    DeflateFormat header_format_;
    std::uint8_t window_bits_;
    std::uint8_t bit_buffer_ = 0;
    std::uint8_t bits_left_ = 0;
    std::int8_t block_type_ = no_block;
    bool final_block_ = false;
    InflateStatus ended_ = InflateStatus::ok;  // ok while the stream goes on
};

}  // namespace xipy::library
