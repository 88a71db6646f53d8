// Substring search in time linear in the text and the needle, whatever their contents.
#include "text/substring_search.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace xipy::text {

namespace {

// Up to this length the standard search's worst case (every position compared in full) is a
// small constant times the text's length, and its first-byte scan is faster on real text.
constexpr std::size_t short_needle_length = 32;

// A byte string read from the front or from the back, so that one search serves both
// directions: searching the reversed text for the reversed needle finds the last occurrence.
class Bytes {
  public:
    Bytes(std::string_view bytes, bool reversed) : bytes_(bytes), reversed_(reversed) {}
    std::ptrdiff_t size() const { return static_cast<std::ptrdiff_t>(bytes_.size()); }
    unsigned char operator[](std::ptrdiff_t index) const {
        const std::size_t at = reversed_ ? bytes_.size() - 1 - static_cast<std::size_t>(index)
                                         : static_cast<std::size_t>(index);
        return static_cast<unsigned char>(bytes_[at]);
    }

  private:
    std::string_view bytes_;
    bool reversed_;
};

// The needle split at a critical position: `start` is where its right half begins, `period`
// that half's period. The split gives the two-way search its linear bound.
struct CriticalSplit {
    std::ptrdiff_t start;
    std::ptrdiff_t period;
};

// The lexicographically greatest suffix of the needle (under the byte order, or under the
// reverse order when `reverse_order`), found in one left-to-right pass, and its period.
CriticalSplit greatest_suffix(const Bytes& needle, bool reverse_order) {
    std::ptrdiff_t suffix = -1;  // the suffix starts at suffix + 1
    std::ptrdiff_t candidate = 0;
    std::ptrdiff_t offset = 1;
    std::ptrdiff_t period = 1;
    while (candidate + offset < needle.size()) {
        const unsigned char next = needle[candidate + offset];
        const unsigned char current = needle[suffix + offset];
        const bool smaller = reverse_order ? next > current : next < current;
        if (smaller) {
            // The candidate is smaller from here: the whole prefix so far is one period.
            candidate += offset;
            offset = 1;
            period = candidate - suffix;
        } else if (next == current) {
            if (offset == period) {
                candidate += period;
                offset = 1;
            } else {
                ++offset;
            }
        } else {
            // A greater suffix starts at the candidate.
            suffix = candidate;
            candidate = suffix + 1;
            offset = 1;
            period = 1;
        }
    }
    return {suffix + 1, period};
}

CriticalSplit critical_split(const Bytes& needle) {
    const CriticalSplit by_order = greatest_suffix(needle, false);
    const CriticalSplit by_reverse_order = greatest_suffix(needle, true);
    return by_order.start > by_reverse_order.start ? by_order : by_reverse_order;
}

// Whether the needle's left half repeats at distance `period` (the needle is periodic).
bool left_half_repeats(const Bytes& needle, CriticalSplit split) {
    for (std::ptrdiff_t index = 0; index < split.start; ++index) {
        if (needle[index] != needle[index + split.period]) {
            return false;
        }
    }
    return true;
}

// The two-way search: the first position of `needle` in `text`, or -1. Each attempt matches
// the right half left to right, then the left half right to left; a mismatch shifts by what
// the matched part proves impossible. A periodic needle remembers how much of its left half
// the last shift kept matched, so no text byte is compared more than a few times.
std::ptrdiff_t two_way(const Bytes& text, const Bytes& needle) {
    const std::ptrdiff_t length = needle.size();
    const std::ptrdiff_t last_start = text.size() - length;
    const CriticalSplit split = critical_split(needle);
    std::ptrdiff_t position = 0;
    if (left_half_repeats(needle, split)) {
        std::ptrdiff_t remembered = 0;  // needle bytes known to match at this position
        while (position <= last_start) {
            std::ptrdiff_t index = std::max(split.start, remembered);
            while (index < length && needle[index] == text[position + index]) {
                ++index;
            }
            if (index < length) {
                position += index - split.start + 1;
                remembered = 0;
                continue;
            }
            index = split.start - 1;
            while (index >= remembered && needle[index] == text[position + index]) {
                --index;
            }
            if (index < remembered) {
                return position;
            }
            position += split.period;
            remembered = length - split.period;
        }
        return -1;
    }
    // Not periodic: any shift past the longer half is safe.
    const std::ptrdiff_t shift = std::max(split.start, length - split.start) + 1;
    while (position <= last_start) {
        std::ptrdiff_t index = split.start;
        while (index < length && needle[index] == text[position + index]) {
            ++index;
        }
        if (index < length) {
            position += index - split.start + 1;
            continue;
        }
        index = split.start - 1;
        while (index >= 0 && needle[index] == text[position + index]) {
            --index;
        }
        if (index < 0) {
            return position;
        }
        position += shift;
    }
    return -1;
}

}  // namespace

std::size_t find_forward(std::string_view text, std::string_view needle, std::size_t from) {
    if (from > text.size()) {
        return std::string_view::npos;
    }
    if (needle.size() <= short_needle_length) {
        return text.find(needle, from);
    }
    const std::string_view rest = text.substr(from);
    const std::ptrdiff_t found = two_way(Bytes(rest, false), Bytes(needle, false));
    return found < 0 ? std::string_view::npos : from + static_cast<std::size_t>(found);
}

std::size_t find_backward(std::string_view text, std::string_view needle, std::size_t end) {
    const std::string_view head = text.substr(0, std::min(end, text.size()));
    if (needle.size() <= short_needle_length) {
        return head.rfind(needle);
    }
    const std::ptrdiff_t found = two_way(Bytes(head, true), Bytes(needle, true));
    if (found < 0) {
        return std::string_view::npos;
    }
    return head.size() - static_cast<std::size_t>(found) - needle.size();
}

}  // namespace xipy::text
