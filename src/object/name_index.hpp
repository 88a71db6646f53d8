// NameIndex: a read-only hash index over constant name texts, built at compile time, shared by VMs.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace xipy::object {

// Hash of a str's UTF-8 bytes: the same for interned and heap strings, so
// dict lookups never care which form a key has. FNV-1a: simple, and good
// enough for names and dictionary keys. 32 bits, so that every table that keeps a name's hash
// (the intern table, str objects, the fixed-name index in flash) keeps 4 bytes, not 8.
constexpr std::uint32_t hash_string(std::string_view text) {
    std::uint32_t hash = 0x811c9dc5U;
    for (char character : text) {
        hash ^= static_cast<std::uint8_t>(character);
        hash *= 0x01000193U;
    }
    return hash;
}

// Finds the position of a text in a constant list of distinct texts without any per-VM
// memory: every VM's intern table looks its fixed names up here instead of copying them into
// a hash map of its own. `slots` is an open-addressing table (a power of two long, at least
// twice the texts) holding position + 1, or 0 for an empty slot; `hashes` holds each text's
// hash_string().
struct NameIndex {
    std::span<const std::string_view> texts;
    std::span<const std::uint32_t> hashes;
    std::span<const std::uint16_t> slots;

    // The position of `text` (whose hash_string() is `hash`), or -1.
    constexpr std::int32_t find(std::string_view text, std::uint32_t hash) const {
        if (slots.empty()) {
            return -1;
        }
        const std::size_t mask = slots.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const std::uint16_t entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == hash && texts[entry - 1] == text) {
                return entry - 1;
            }
        }
    }
};

// The storage of a NameIndex over `Count` texts, for a constexpr variable:
//     constexpr ConstantNameIndex<N> index{texts};  ...  index.view(texts)
template <std::size_t Count>
struct ConstantNameIndex {
    static constexpr std::size_t slot_count = std::bit_ceil(Count * 2 + 1);
    static_assert(Count < UINT16_MAX, "positions are 16 bits");

    std::array<std::uint32_t, Count> hashes{};
    std::array<std::uint16_t, slot_count> slots{};

    constexpr explicit ConstantNameIndex(std::span<const std::string_view, Count> texts) {
        for (std::size_t position = 0; position < Count; ++position) {
            hashes[position] = hash_string(texts[position]);
            std::size_t slot = hashes[position] & (slot_count - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slot_count - 1);
            }
            slots[slot] = static_cast<std::uint16_t>(position + 1);
        }
    }

    constexpr NameIndex view(std::span<const std::string_view> texts) const {
        return NameIndex{texts, hashes, slots};
    }
};

}  // namespace xipy::object
