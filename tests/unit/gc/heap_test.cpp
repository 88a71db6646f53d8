// Tests the heap: the byte limit, reclaiming garbage and cycles, roots, and the gc switches.
#include "gc/heap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

namespace xipy::gc {
namespace {

// A test cell with two outgoing references, enough to build lists and cycles.
struct Pair : Cell {
    Cell* first;
    Cell* second;
};

void trace_pair(Cell* cell, Tracer& tracer) {
    Pair* pair = static_cast<Pair*>(cell);
    tracer.mark(pair->first);
    tracer.mark(pair->second);
}

int finalized_count = 0;
void count_finalize(Cell*) { ++finalized_count; }

constexpr CellDescriptor pair_descriptor{trace_pair, count_finalize};

Pair* allocate_pair(Heap& heap, Cell* first = nullptr, Cell* second = nullptr) {
    Cell* cell = heap.allocate(sizeof(Pair), &pair_descriptor);
    if (cell == nullptr) {
        return nullptr;
    }
    Pair* pair = static_cast<Pair*>(cell);
    pair->first = first;
    pair->second = second;
    return pair;
}

// Roots held by the test, as the VM's stack would hold them.
class TestRoots : public RootProvider {
  public:
    void trace_roots(Tracer& tracer) override {
        for (Cell* cell : cells) {
            tracer.mark(cell);
        }
    }
    std::vector<Cell*> cells;
};

class PairRoot : public ScopedRoot {
  public:
    PairRoot(Heap& heap, Pair* pair) : ScopedRoot(heap), pair_(pair) {}
    void trace(Tracer& tracer) override { tracer.mark(pair_); }

  private:
    Pair* pair_;
};

TEST(HeapTest, AllocationIsRefusedPastTheLimit) {
    Heap heap(HeapConfig{4096, false});
    TestRoots roots;
    heap.add_root_provider(&roots);
    while (Pair* pair = allocate_pair(heap)) {
        roots.cells.push_back(pair);
        ASSERT_LE(heap.bytes_in_use(), heap.bytes_reserved());
        ASSERT_LE(heap.bytes_reserved(), heap.limit_bytes());
    }
    EXPECT_GE(heap.bytes_in_use(), roots.cells.size() * heap.cell_footprint(sizeof(Pair)));
    // Refused only when not even a cell of its own (a large-cell header and the pair) fit.
    EXPECT_GT(heap.bytes_reserved() + heap.footprint(Heap::granule + sizeof(Pair)),
              heap.limit_bytes());
    heap.remove_root_provider(&roots);
}

// The first four root providers are kept inline and any more in a vector: every one is traced,
// and removing one (inline or not) stops tracing only its roots.
TEST(HeapTest, EveryRootProviderIsTracedInlineOrNot) {
    Heap heap(HeapConfig{1 << 20, false});
    TestRoots providers[6];
    for (TestRoots& roots : providers) {
        heap.add_root_provider(&roots);
        roots.cells.push_back(allocate_pair(heap));
    }
    const std::size_t cell_cost = heap.bytes_in_use() / std::size(providers);
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), std::size(providers) * cell_cost);
    heap.remove_root_provider(&providers[1]);  // an inline one
    heap.remove_root_provider(&providers[5]);  // one from the vector
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), (std::size(providers) - 2) * cell_cost);
    for (std::size_t index : {0u, 2u, 3u, 4u}) {
        heap.remove_root_provider(&providers[index]);
    }
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 0u);
}

// From the C library, a cell costs its payload plus malloc's header and rounding, and the
// limit counts that, so it bounds resident memory; a host allocator's bytes count as asked.
TEST(HeapTest, TheLimitCountsMallocsOverhead) {
    Heap heap(HeapConfig{1 << 20, false});
    EXPECT_GE(heap.footprint(sizeof(Pair)), sizeof(Pair) + sizeof(std::size_t));
    EXPECT_EQ(heap.footprint(sizeof(Pair)) % (2 * sizeof(std::size_t)), 0u);
    EXPECT_EQ(heap.footprint(1), 4 * sizeof(std::size_t));
    HeapConfig hosted{1 << 20, false};
    hosted.reallocate = [](void*, void* block, std::size_t, std::size_t size) -> void* {
        if (size == 0) {
            std::free(block);
            return nullptr;
        }
        return std::malloc(size);
    };
    Heap host_heap(hosted);
    EXPECT_EQ(host_heap.footprint(sizeof(Pair)), sizeof(Pair));
    ASSERT_NE(allocate_pair(host_heap), nullptr);
    EXPECT_EQ(host_heap.bytes_in_use(), host_heap.cell_footprint(sizeof(Pair)));
    EXPECT_GE(host_heap.bytes_reserved(), host_heap.bytes_in_use());
}

// The header is a descriptor pointer and two bytes of flags and size class: two words.
static_assert(sizeof(Cell) == 2 * sizeof(void*));

// Small cells are blocks of shared pages, which cost less than a malloc per cell, and a page
// whose cells all died goes back to the allocator. With separate_cells (the sanitizer build's
// default) each cell is its own allocation; both layouts count the same way.
TEST(HeapTest, SmallCellsSharePagesThatGoBackWhenEmpty) {
    for (bool separate : {false, true}) {
        HeapConfig config{1 << 20, false};
        config.separate_cells = separate;
        Heap heap(config);
        TestRoots roots;
        heap.add_root_provider(&roots);
        for (int index = 0; index < 1000; ++index) {
            Pair* pair = allocate_pair(heap);
            ASSERT_NE(pair, nullptr);
            EXPECT_EQ(Heap::cell_bytes(pair) % Heap::granule, 0u);
            EXPECT_GE(Heap::cell_bytes(pair), sizeof(Pair));
            if (index % 2 == 0) {
                roots.cells.push_back(pair);
            }
        }
        const std::size_t cell_cost = heap.cell_footprint(sizeof(Pair));
        EXPECT_EQ(heap.bytes_in_use(), 1000 * cell_cost);
        if (!separate) {
            EXPECT_EQ(cell_cost,
                      (sizeof(Pair) + Heap::granule - 1) / Heap::granule * Heap::granule);
            EXPECT_LT(heap.bytes_reserved(), 1000 * heap.footprint(sizeof(Pair)));
        } else {
            EXPECT_EQ(heap.bytes_reserved(), heap.bytes_in_use());
        }
        heap.collect();
        EXPECT_EQ(heap.bytes_in_use(), 500 * cell_cost);
        std::size_t visited = 0;
        heap.for_each_cell([&](Cell* cell) {
            EXPECT_EQ(cell->descriptor_, &pair_descriptor);
            ++visited;
        });
        EXPECT_EQ(visited, 500u);
        // The freed blocks are used again before any new page is taken.
        const std::size_t reserved = heap.bytes_reserved();
        for (int index = 0; index < 500 && !separate; ++index) {
            ASSERT_NE(allocate_pair(heap), nullptr);
        }
        EXPECT_EQ(heap.bytes_reserved(), reserved);
        roots.cells.clear();
        heap.collect();
        EXPECT_EQ(heap.bytes_in_use(), 0u);
        EXPECT_EQ(heap.bytes_reserved(), 0u);
        heap.remove_root_provider(&roots);
    }
}

// An allocator over calloc and free that counts the chunks the heap takes.
struct CountingAllocator {
    int taken = 0;

    static void* reallocate(void* context, void* block, std::size_t, std::size_t new_bytes) {
        if (new_bytes == 0) {
            std::free(block);
            return nullptr;
        }
        ++static_cast<CountingAllocator*>(context)->taken;
        return block == nullptr ? std::calloc(1, new_bytes) : nullptr;
    }
};

// A collection the policy schedules keeps the pages it emptied (up to an eighth of the limit
// and twice a collection interval)
// for the next pages of their classes, so a program that makes and drops objects at a steady
// rate stops taking memory from its allocator; an allocation that needs their room, and an
// explicit collection, give them back.
TEST(HeapTest, ScheduledCollectionsKeepEmptyPagesForReuse) {
    CountingAllocator allocator;
    HeapConfig config{4 << 20, false};
    config.separate_cells = false;
    config.reallocate = CountingAllocator::reallocate;
    config.allocator_context = &allocator;
    Heap heap(config);
    // Garbage only: every pair is dropped as soon as it is made.
    for (int index = 0; index < 40000; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    const std::uint64_t collections = heap.collections();
    ASSERT_GT(collections, 0u);
    const int taken = allocator.taken;
    for (int index = 0; index < 200000; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    EXPECT_GE(heap.collections(), collections + 5);
    EXPECT_LE(allocator.taken - taken, 2) << "pages taken again after each collection";
    EXPECT_LE(heap.bytes_reserved(), heap.limit_bytes());
    // A cell that needs nearly the whole limit gets it: the spare pages make way.
    const std::size_t large = heap.limit_bytes() - 64 * 1024;
    ASSERT_NE(heap.allocate(large, nullptr), nullptr);
    EXPECT_LE(heap.bytes_reserved(), heap.limit_bytes());
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 0u);
    EXPECT_EQ(heap.bytes_reserved(), 0u);
}

// A cell too big for a page is its own allocation and is reclaimed like the small ones.
TEST(HeapTest, LargeCellsAreAllocatedOnTheirOwn) {
    Heap heap(HeapConfig{1 << 20, false});
    const std::size_t bytes = (Heap::small_class_count + 1) * Heap::granule + 3;
    Cell* cell = heap.allocate(bytes, nullptr);
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(Heap::cell_bytes(cell), bytes);
    EXPECT_EQ(heap.bytes_in_use(), heap.cell_footprint(bytes));
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 0u);
    EXPECT_EQ(heap.bytes_reserved(), 0u);
}

// A descriptor that lives in a heap cell, as a class made at run time does, padded into
// another size class than Pair so that it gets a page of its own.
struct DescriptorCell : Cell {
    CellDescriptor descriptor;
    char padding[96];
};

// An allocator that records what the heap gives back and frees it only when the test ends, so
// that a finalizer can tell whether its descriptor's memory was already returned.
struct RecordingAllocator {
    std::vector<std::pair<std::uintptr_t, std::size_t>> returned;

    static void* reallocate(void* context, void* block, std::size_t old_bytes,
                            std::size_t new_bytes) {
        auto* self = static_cast<RecordingAllocator*>(context);
        if (new_bytes == 0) {
            self->returned.emplace_back(reinterpret_cast<std::uintptr_t>(block), old_bytes);
            return nullptr;
        }
        return block == nullptr ? std::calloc(1, new_bytes) : nullptr;
    }
    bool was_returned(const void* address) const {
        const auto place = reinterpret_cast<std::uintptr_t>(address);
        for (const auto& [start, bytes] : returned) {
            if (place >= start && place < start + bytes) {
                return true;
            }
        }
        return false;
    }
    ~RecordingAllocator() {
        for (const auto& [start, bytes] : returned) {
            std::free(reinterpret_cast<void*>(start));
        }
    }
};

RecordingAllocator* recording = nullptr;
int stale_descriptors = 0;
void check_descriptor(Cell* cell) {
    if (recording->was_returned(cell->descriptor_)) {
        ++stale_descriptors;
    }
}

// An instance and the cell holding its descriptor die together, the descriptor's page newer
// than the instance's: the sweep, and the heap's destructor, finalize the instance before
// either page goes back (the use after free ThreadSanitizer found in thread_gc1.py).
TEST(HeapTest, FinalizersRunBeforeTheirDescriptorsMemoryGoesBack) {
    for (bool destroy : {false, true}) {
        RecordingAllocator allocator;
        recording = &allocator;
        stale_descriptors = 0;
        {
            HeapConfig config{1 << 20, false};
            config.separate_cells = false;
            config.reallocate = RecordingAllocator::reallocate;
            config.allocator_context = &allocator;
            Heap heap(config);
            // The instance takes a block of an older page than its descriptor's, as a new
            // instance does when an older page has room; its descriptor is set afterwards.
            Cell* instance = heap.allocate(sizeof(Pair), nullptr);
            ASSERT_NE(instance, nullptr);
            auto* holder =
                static_cast<DescriptorCell*>(heap.allocate(sizeof(DescriptorCell), nullptr));
            ASSERT_NE(holder, nullptr);
            holder->descriptor = CellDescriptor{nullptr, check_descriptor};
            instance->descriptor_ = &holder->descriptor;
            if (!destroy) {
                heap.collect();
                EXPECT_EQ(heap.bytes_reserved(), 0u);
            }
        }
        EXPECT_EQ(stale_descriptors, 0) << (destroy ? "destructor" : "sweep");
        EXPECT_FALSE(allocator.returned.empty());
        recording = nullptr;
    }
}

TEST(HeapTest, UnreachableCellsAndCyclesAreReclaimed) {
    finalized_count = 0;
    Heap heap(HeapConfig{1 << 20, false});
    TestRoots roots;
    heap.add_root_provider(&roots);
    Pair* kept = allocate_pair(heap);
    roots.cells.push_back(kept);
    Pair* cycle_a = allocate_pair(heap);
    Pair* cycle_b = allocate_pair(heap, cycle_a);
    cycle_a->first = cycle_b;
    kept->first = allocate_pair(heap);
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 2 * heap.cell_footprint(sizeof(Pair)));
    EXPECT_EQ(finalized_count, 2);
    heap.remove_root_provider(&roots);
}

TEST(HeapTest, ScopedRootsKeepCellsAliveUntilTheyEnd) {
    Heap heap(HeapConfig{1 << 20, false});
    {
        Pair* pair = allocate_pair(heap);
        PairRoot root(heap, pair);
        heap.collect();
        EXPECT_EQ(heap.bytes_in_use(), heap.cell_footprint(sizeof(Pair)));
    }
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 0u);
}

TEST(HeapTest, DeepChainsDoNotRecurseOnTheCStack) {
    Heap heap(HeapConfig{64 << 20, false});
    TestRoots roots;
    heap.add_root_provider(&roots);
    Pair* head = nullptr;
    for (int i = 0; i < 200000; ++i) {
        PairRoot keep(heap, head);
        head = allocate_pair(heap, head);
        ASSERT_NE(head, nullptr);
    }
    roots.cells.push_back(head);
    heap.collect();
    EXPECT_EQ(heap.bytes_in_use(), 200000 * heap.cell_footprint(sizeof(Pair)));
    heap.remove_root_provider(&roots);
}

// More cells to trace at once than the tracer's fixed work list holds: marking scans the heap
// again for marked cells instead of growing the list, and still finds every live cell, in
// pages and large cells alike.
TEST(HeapTest, AFullWorkListRescansInsteadOfGrowing) {
    finalized_count = 0;
    Heap heap(HeapConfig{64 << 20, false});
    TestRoots roots;
    heap.add_root_provider(&roots);
    constexpr int root_count = 3000;
    constexpr std::size_t large_bytes = 4096;
    std::size_t live_bytes = 0;
    for (int index = 0; index < root_count; ++index) {
        Pair* left = allocate_pair(heap);
        roots.cells.push_back(left);
        Pair* right = allocate_pair(heap);
        roots.cells.push_back(right);
        // Every 100th parent is a large cell.
        const std::size_t parent_bytes = index % 100 == 0 ? large_bytes : sizeof(Pair);
        auto* parent = static_cast<Pair*>(heap.allocate(parent_bytes, &pair_descriptor));
        ASSERT_NE(parent, nullptr);
        parent->first = left;
        parent->second = right;
        roots.cells.back() = parent;
        roots.cells[roots.cells.size() - 2] = parent;
        live_bytes += heap.cell_footprint(parent_bytes) + 2 * heap.cell_footprint(sizeof(Pair));
        allocate_pair(heap);  // garbage between the live cells
    }
    heap.collect();
    EXPECT_GT(heap.mark_rescans(), 0u);
    EXPECT_EQ(finalized_count, root_count);
    EXPECT_EQ(heap.bytes_in_use(), live_bytes);
    // Everything still reachable survives a second collection too.
    heap.collect();
    EXPECT_EQ(finalized_count, root_count);
    heap.remove_root_provider(&roots);
}

TEST(HeapTest, LockedHeapRefusesAllocation) {
    Heap heap(HeapConfig{1 << 20, false});
    heap.lock();
    EXPECT_EQ(allocate_pair(heap), nullptr);
    heap.unlock();
    EXPECT_NE(allocate_pair(heap), nullptr);
}

TEST(HeapTest, CollectOnEveryAllocationStillKeepsRootedCells) {
    Heap heap(HeapConfig{1 << 20, true});
    Pair* first = allocate_pair(heap);
    PairRoot root(heap, first);
    Pair* second = allocate_pair(heap, first);
    PairRoot second_root(heap, second);
    allocate_pair(heap);
    EXPECT_GE(heap.collections(), 3u);
    EXPECT_EQ(second->first, first);
}

TEST(HeapTest, DisabledHeapFailsWhenFullInsteadOfCollecting) {
    finalized_count = 0;
    Heap heap(HeapConfig{4096, false});
    heap.set_automatic_collection(false);
    EXPECT_FALSE(heap.automatic_collection());
    std::size_t garbage = 0;
    while (allocate_pair(heap) != nullptr) {
        ++garbage;
    }
    // As MicroPython's gc_alloc: full with collection disabled is MemoryError, not a collection.
    EXPECT_GT(garbage, 0u);
    EXPECT_EQ(heap.collections(), 0u);
    EXPECT_EQ(finalized_count, 0);
    heap.collect();  // an explicit gc.collect() still runs
    EXPECT_EQ(heap.collections(), 1u);
    EXPECT_EQ(finalized_count, static_cast<int>(garbage));
    while (allocate_pair(heap) != nullptr) {
    }
    heap.set_automatic_collection(true);
    EXPECT_NE(allocate_pair(heap), nullptr);
    EXPECT_EQ(heap.collections(), 2u);
}

TEST(HeapTest, DisabledHeapSkipsItsPeriodicCollection) {
    for (bool enabled : {true, false}) {
        finalized_count = 0;
        Heap heap(HeapConfig{64 << 20, false});
        heap.set_automatic_collection(enabled);
        // Far more garbage than the periodic collection lets pile up (256 KiB).
        for (int index = 0; index < 100000; ++index) {
            ASSERT_NE(allocate_pair(heap), nullptr);
        }
        EXPECT_EQ(heap.collections() > 0, enabled);
        EXPECT_EQ(finalized_count > 0, enabled);
    }
}

// Memory given back below what the last collection left (a verifier's scratch blocks, a
// list's old storage) must not make the next allocation collect: the bytes since the last
// collection are fewer than none, not a huge unsigned number.
TEST(HeapTest, MemoryGivenBackDoesNotMakeTheNextAllocationCollect) {
    Heap heap(HeapConfig{64 << 20, false});
    void* scratch = heap.allocate_untyped(4096);
    ASSERT_NE(scratch, nullptr);
    heap.collect();
    heap.release_untyped(scratch, 4096);
    for (int index = 0; index < 100; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    EXPECT_EQ(heap.collections(), 1u);
}

// Scratch memory is taken while native code holds values no root sees, so it never collects:
// it counts like untyped memory and is refused, with garbage left in place, when it does not fit.
TEST(HeapTest, ScratchMemoryNeverCollects) {
    Heap heap(HeapConfig{64 * 1024, false});
    // Filled with garbage, which only a collection would clear.
    heap.set_automatic_collection(false);
    while (allocate_pair(heap) != nullptr) {
    }
    heap.set_automatic_collection(true);
    const std::size_t full = heap.bytes_in_use();
    EXPECT_EQ(heap.allocate_scratch(1024), nullptr);
    EXPECT_EQ(heap.collections(), 0u);
    EXPECT_EQ(heap.bytes_in_use(), full);
    // Untyped memory, by contrast, collects to make room.
    void* untyped = heap.allocate_untyped(1024);
    ASSERT_NE(untyped, nullptr);
    EXPECT_EQ(heap.collections(), 1u);
    heap.release_untyped(untyped, 1024);
    const std::size_t before = heap.bytes_in_use();
    void* scratch = heap.allocate_scratch(1024);
    ASSERT_NE(scratch, nullptr);
    EXPECT_EQ(heap.collections(), 1u);
    EXPECT_GE(heap.bytes_in_use(), before + 1024);
    heap.release_untyped(scratch, 1024);
    EXPECT_EQ(heap.bytes_in_use(), before);
}

// Scratch work near the limit leaves the last bytes to the exception that reports its failure
// (a load's "not enough memory to verify" text), where untyped memory may take them.
TEST(HeapTest, ScratchMemoryLeavesAReserveBelowTheLimit) {
    Heap heap(HeapConfig{64 * 1024, false});
    const std::size_t room = heap.limit_bytes() - heap.bytes_in_use();
    const std::size_t inside_reserve = room - Heap::scratch_reserve_bytes / 2;
    EXPECT_EQ(heap.allocate_scratch(inside_reserve), nullptr);
    void* untyped = heap.allocate_untyped(inside_reserve);
    ASSERT_NE(untyped, nullptr);
    heap.release_untyped(untyped, inside_reserve);
    void* scratch = heap.allocate_scratch(room - 2 * Heap::scratch_reserve_bytes);
    ASSERT_NE(scratch, nullptr);
    heap.release_untyped(scratch, room - 2 * Heap::scratch_reserve_bytes);
}

// A host allocator that runs out below the limit (a fixed buffer) makes an allocation collect
// and retry; scratch memory must not, and just gets nothing.
TEST(HeapTest, ScratchMemoryDoesNotCollectWhenTheHostAllocatorRefuses) {
    static bool refusing = false;
    HeapConfig hosted{1 << 20, false};
    hosted.reallocate = [](void*, void* block, std::size_t, std::size_t size) -> void* {
        if (size == 0) {
            std::free(block);
            return nullptr;
        }
        return refusing ? nullptr : std::malloc(size);
    };
    Heap heap(hosted);
    for (int index = 0; index < 10; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);  // garbage a collection would clear
    }
    refusing = true;
    EXPECT_EQ(heap.allocate_scratch(64), nullptr);
    EXPECT_EQ(heap.collections(), 0u);
    EXPECT_EQ(heap.allocate_untyped(64), nullptr);  // by contrast, this one collects first
    EXPECT_EQ(heap.collections(), 1u);
    refusing = false;
}

TEST(HeapTest, ThresholdCollectsAfterThatManyBytes) {
    finalized_count = 0;
    Heap heap(HeapConfig{1 << 20, false});
    EXPECT_EQ(heap.threshold(), Heap::no_threshold);
    heap.set_threshold(10 * heap.cell_footprint(sizeof(Pair)));
    EXPECT_EQ(heap.threshold(), 10 * heap.cell_footprint(sizeof(Pair)));
    for (int index = 0; index < 10; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    EXPECT_EQ(heap.collections(), 0u);
    ASSERT_NE(allocate_pair(heap), nullptr);  // the 11th finds 10 pairs' bytes allocated
    EXPECT_EQ(heap.collections(), 1u);
    EXPECT_EQ(finalized_count, 10);
    for (int index = 0; index < 9; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    EXPECT_EQ(heap.collections(), 1u);
    ASSERT_NE(allocate_pair(heap), nullptr);
    EXPECT_EQ(heap.collections(), 2u);
    // Disabled, the threshold does not collect either; turned off, neither.
    heap.set_automatic_collection(false);
    for (int index = 0; index < 30; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    heap.set_automatic_collection(true);
    heap.set_threshold(Heap::no_threshold);
    for (int index = 0; index < 30; ++index) {
        ASSERT_NE(allocate_pair(heap), nullptr);
    }
    EXPECT_EQ(heap.collections(), 2u);
}

}  // namespace
}  // namespace xipy::gc
