// The compiler's container types, over the thread's scratch memory (support::ScratchAllocator).
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "support/scratch_allocator.hpp"

namespace xipy::compiler {

// exec(), eval(), compile() and importing a .py file compile while a VM runs, and a
// fixed-buffer VM may call no malloc then: everything the compiler holds, from the lexer's
// text to the finished image, comes from the running VM's scratch memory. The `xipy compile`
// tool and hosts outside a run compile with no scratch memory named, so the C library serves.
//
// Invariant (ScratchAllocator's): nothing made with these outlives the VM run it was made in;
// a caller that keeps a compiled image past the run copies it out.
template <class Item>
using Vector = support::ScratchVector<Item>;
using Text = support::ScratchString;
// A sequence whose items stay where they are as more are added at its end.
template <class Item>
using Deque = std::deque<Item, support::ScratchAllocator<Item>>;

// Hashes a Text and a std::string_view alike, so a map keyed by Text is searched with a view
// and no key is built for a lookup (std::hash of a string with this allocator is not given).
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

template <class Value>
using TextMap = std::unordered_map<Text, Value, TextHash, std::equal_to<>,
                                   support::ScratchAllocator<std::pair<const Text, Value>>>;
template <class Key, class Value>
using HashMap = std::unordered_map<Key, Value, std::hash<Key>, std::equal_to<Key>,
                                   support::ScratchAllocator<std::pair<const Key, Value>>>;
template <class Key, class Value>
using OrderedMap =
    std::map<Key, Value, std::less<Key>, support::ScratchAllocator<std::pair<const Key, Value>>>;

}  // namespace xipy::compiler
