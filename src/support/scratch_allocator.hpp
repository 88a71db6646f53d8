// ScratchAllocator: a standard allocator over the thread's scratch memory, for a run's working
// containers.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "support/decimal_text.hpp"
#include "support/scratch_scope.hpp"
#include "support/source_allocator.hpp"

namespace xipy::support {

// The compiler's tables, an error's text, a big integer's digits as text: containers that a
// piece of work fills and drops before the run that asked for it ends. Made while a VM runs
// (inside a ScratchScope), their blocks come from that VM's heap, so they count against its
// limit and a fixed-buffer VM calls no malloc; made anywhere else (a tool, a host outside a
// run), or when the heap refuses, from the C library, as SourceAllocator does.
//
// Invariant: a container with this allocator dies before the VM whose scope it was made in;
// nothing that outlives a run (a VM's report, a host's copy) may use it. A copy takes the
// scratch memory current where it is made, not the original's, so copying a text out of a
// run into a host's hands is always safe.
template <class T>
class ScratchAllocator : public SourceAllocator<T> {
  public:
    template <class Other>
    struct rebind {
        using other = ScratchAllocator<Other>;
    };

    ScratchAllocator() noexcept : SourceAllocator<T>(current_scratch_memory()) {}
    template <class Other>
    ScratchAllocator(const ScratchAllocator<Other>& other) noexcept
        : SourceAllocator<T>(other.source()) {}

    ScratchAllocator select_on_container_copy_construction() const { return {}; }
};

using ScratchString = std::basic_string<char, std::char_traits<char>, ScratchAllocator<char>>;
template <class T>
using ScratchVector = std::vector<T, ScratchAllocator<T>>;

// The pieces one after another, in scratch memory: an error text made from parts.
inline ScratchString join_text(std::initializer_list<std::string_view> pieces) {
    std::size_t length = 0;
    for (std::string_view piece : pieces) {
        length += piece.size();
    }
    ScratchString text;
    text.reserve(length);
    for (std::string_view piece : pieces) {
        text.append(piece);
    }
    return text;
}

}  // namespace xipy::support
