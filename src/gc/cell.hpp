// Cell: the header every garbage-collected allocation starts with.
#pragma once

#include <cstdint>

namespace xipy::gc {

struct Cell;
class Tracer;

// What the collector needs to know about a kind of cell. The object layer's
// Type derives from this, so an object's type pointer is its descriptor.
struct CellDescriptor {
    // Marks every cell this one refers to. May be null for leaf cells
    // (strings, big integers, raw storage).
    void (*trace)(Cell* cell, Tracer& tracer) = nullptr;
    // Releases resources held outside the heap. Runs once, when the cell is
    // swept or the heap is destroyed. Must not allocate or touch other cells.
    void (*finalize)(Cell* cell) = nullptr;
};

// The header is a descriptor pointer and two bytes: 16 bytes on 64-bit (of which a derived
// object may reuse the last six for its own fields) and 8 on 32-bit. The heap finds its cells
// by walking its pages and its list of large cells (heap.hpp), so a cell holds no link.
//
// Invariants:
//   * A heap cell lies in exactly one of its heap's pages (`size_class_` non-zero: the
//     block's size in granules) or is one large cell (`size_class_` zero: its size sits in
//     the large-cell header before it), from allocation until it is swept.
//   * A static cell (`is_static()`) lives in read-only memory, is on no
//     list and is never written: the collector checks `is_static()` before
//     touching the mark bit. Built-in types and other constant objects are
//     static cells shared by every VM.
//   * `marked` is false for every heap cell outside a collection.
//   * `flag_free` is set only on a page's free blocks, never on a cell handed out.
struct Cell {
    enum Flags : std::uint8_t { flag_static = 1, flag_marked = 2, flag_free = 4 };

    const CellDescriptor* descriptor_;
    std::uint8_t flags_ = 0;
    // Set by the heap; an object constructed over an allocated cell puts it back
    // (object::Runtime::make).
    std::uint8_t size_class_ = 0;

    constexpr explicit Cell(const CellDescriptor* descriptor, std::uint8_t flags = 0)
        : descriptor_(descriptor), flags_(flags) {}

    constexpr bool is_static() const { return (flags_ & flag_static) != 0; }
    bool is_marked() const { return (flags_ & flag_marked) != 0; }
};

}  // namespace xipy::gc
