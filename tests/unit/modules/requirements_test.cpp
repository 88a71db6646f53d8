// The VM's design requirements (docs/vm-design.md), each shown by a test: numbers never
// allocate, the GC reclaims cycles under a small heap, recursion stops before the C stack
// does, VMs on threads are independent, and an image mapped read-only runs in place.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "modules/requirement_programs.hpp"
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

// Every C++ heap allocation in this test binary is counted, so a test can prove that code
// paths outside the VM's own heap (std::vector growth, std::string) do not allocate either.
// The VM's heap itself uses calloc and is counted by Vm::heap_statistics().
namespace {
std::atomic<std::uint64_t> operator_new_calls{0};

void* counted_allocation(std::size_t size) {
    operator_new_calls.fetch_add(1, std::memory_order_relaxed);
    void* memory = std::malloc(size == 0 ? 1 : size);
    if (memory == nullptr) {
        std::abort();  // This test binary never expects to run out of memory.
    }
    return memory;
}
}  // namespace

// The whole unaligned family is replaced, nothrow forms too: a block from the library's
// `new (std::nothrow)` (a VM publishing the shared builtins, and one losing that race deleting
// its copy) must go back through the same malloc as the replaced `delete` frees into.
void* operator new(std::size_t size) { return counted_allocation(size); }
void* operator new[](std::size_t size) { return counted_allocation(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return counted_allocation(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return counted_allocation(size);
}
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }

namespace xipy::vm {
namespace {

namespace programs = requirement_programs;

void append_output(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

template <std::size_t Size>
std::span<const std::uint8_t> bytes(const std::uint8_t (&data)[Size]) {
    return {data, Size};
}

VmConfig config_writing_to(std::string& output, std::vector<std::string> argv) {
    VmConfig config;
    config.modules = modules::standard_modules();
    config.write_stdout = append_output;
    config.write_stderr = append_output;
    config.output_context = &output;
    config.argv = std::move(argv);
    return config;
}

struct AllocationCounts {
    std::uint64_t heap_objects = 0;
    std::uint64_t operator_new = 0;
};

// Runs numbers_loop.mpy's `kind` loop for `iterations` and counts the allocations made while
// the image runs (creating the VM is not counted).
AllocationCounts count_allocations(const char* kind, int iterations) {
    std::string output;
    Vm vm(config_writing_to(output, {"numbers_loop.mpy", kind, std::to_string(iterations)}));
    const std::uint64_t heap_before = vm.heap_statistics().allocations;
    const std::uint64_t new_before = operator_new_calls.load();
    const RunStatus status = vm.run_image(bytes(programs::numbers_loop_mpy));
    const AllocationCounts counts{vm.heap_statistics().allocations - heap_before,
                                  operator_new_calls.load() - new_before};
    EXPECT_EQ(status, RunStatus::ok) << vm.traceback_text();
    EXPECT_EQ(output, programs::numbers_loop_stdout);
    return counts;
}

// Setup (module, functions, the iteration count) allocates the same for both runs, so any
// difference between N and 2N iterations is allocation inside the loop.
void expect_no_allocation_per_iteration(const char* kind) {
    const AllocationCounts once = count_allocations(kind, 2000);
    const AllocationCounts twice = count_allocations(kind, 4000);
    EXPECT_EQ(once.heap_objects, twice.heap_objects) << kind << " loop allocates heap objects";
    EXPECT_EQ(once.operator_new, twice.operator_new) << kind << " loop calls operator new";
}

#if XIPY_VALUE_BITS == 32
// The 32-bit Value word boxes every float on the heap (docs/vm-design.md), as MicroPython's
// does, so there a float loop allocates heap objects; it still never calls operator new.
void expect_no_malloc_per_iteration(const char* kind) {
    const AllocationCounts once = count_allocations(kind, 2000);
    const AllocationCounts twice = count_allocations(kind, 4000);
    EXPECT_EQ(once.operator_new, twice.operator_new) << kind << " loop calls operator new";
}
#endif

TEST(DesignRequirements, FloatArithmeticDoesNotAllocate) {
#if XIPY_VALUE_BITS == 64
    expect_no_allocation_per_iteration("float");
#else
    expect_no_malloc_per_iteration("float");
#endif
}

TEST(DesignRequirements, SmallIntArithmeticDoesNotAllocate) {
    expect_no_allocation_per_iteration("int");
}

TEST(DesignRequirements, MixedAugmentedArithmeticDoesNotAllocate) {
#if XIPY_VALUE_BITS == 64
    expect_no_allocation_per_iteration("mixed");
#else
    expect_no_malloc_per_iteration("mixed");
#endif
}

// The counters must see allocations at all, or the tests above could not fail.
TEST(DesignRequirements, AllocationCountersSeeAllocations) {
    std::string output;
    Vm vm(config_writing_to(output, {"cycles.mpy", "20000"}));
    const std::uint64_t before = vm.heap_statistics().allocations;
    ASSERT_EQ(vm.run_image(bytes(programs::cycles_mpy)), RunStatus::ok) << vm.traceback_text();
    EXPECT_GT(vm.heap_statistics().allocations - before, 20000u * 4);
}

TEST(DesignRequirements, CollectorReclaimsCyclesUnderASmallHeap) {
    std::string output;
    VmConfig config = config_writing_to(output, {"cycles.mpy", "20000"});
    config.heap_limit_bytes = 64 * 1024;
    Vm vm(config);
    ASSERT_EQ(vm.run_image(bytes(programs::cycles_mpy)), RunStatus::ok) << vm.traceback_text();
    EXPECT_EQ(output, programs::cycles_20000_stdout);
    const Vm::HeapStatistics statistics = vm.heap_statistics();
    EXPECT_GT(statistics.collections, 10u) << "the loop should need many collections";
    EXPECT_LE(statistics.bytes_in_use, config.heap_limit_bytes);
}

TEST(DesignRequirements, NativeRecursionStopsWithRuntimeError) {
    // A generous Python depth: the native-call guard, not this number, must stop the C++
    // recursion of __getitem__, __add__ and repr() before the C stack runs out.
    for (const std::uint32_t max_depth : {1000u, 100000u}) {
        std::string output;
        VmConfig config = config_writing_to(output, {"deep_recursion.mpy"});
        config.max_depth = max_depth;
        config.heap_limit_bytes = 64 * 1024 * 1024;
        Vm vm(config);
        EXPECT_EQ(vm.run_image(bytes(programs::deep_recursion_mpy)), RunStatus::ok)
            << vm.traceback_text();
        EXPECT_EQ(output, programs::deep_recursion_stdout) << "max_depth " << max_depth;
    }
}

TEST(DesignRequirements, VmsOnThreadsRunIndependently) {
    constexpr int thread_count = 2;
    constexpr int runs_per_thread = 2;
    std::vector<std::string> outputs(thread_count);
    std::vector<std::thread> threads;
    for (int index = 0; index < thread_count; ++index) {
        threads.emplace_back([&outputs, index] {
            for (int run = 0; run < runs_per_thread; ++run) {
                std::string output;
                VmConfig config = config_writing_to(output, {"cycles.mpy", "3000"});
                // Different limits make the threads collect at different moments.
                config.heap_limit_bytes = static_cast<std::size_t>(64 + 32 * index) * 1024;
                Vm vm(config);
                if (vm.run_image(bytes(programs::cycles_mpy)) != RunStatus::ok) {
                    output += vm.traceback_text();
                }
                outputs[static_cast<std::size_t>(index)] += output;
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    std::string expected;
    for (int run = 0; run < runs_per_thread; ++run) {
        expected += programs::cycles_3000_stdout;
    }
    for (const std::string& output : outputs) {
        EXPECT_EQ(output, expected);
    }
}

TEST(DesignRequirements, ImageMappedReadOnlyRuns) {
    char path[] = "/tmp/xipy_requirements_XXXXXX";
    const int descriptor = mkstemp(path);
    ASSERT_GE(descriptor, 0);
    const auto image = bytes(programs::cycles_mpy);
    ASSERT_EQ(write(descriptor, image.data(), image.size()), static_cast<ssize_t>(image.size()));
    void* mapped = mmap(nullptr, image.size(), PROT_READ, MAP_PRIVATE, descriptor, 0);
    close(descriptor);
    unlink(path);
    ASSERT_NE(mapped, MAP_FAILED);
    {
        // Any write to the image would fault: the pages are mapped without PROT_WRITE.
        std::string output;
        Vm vm(config_writing_to(output, {"cycles.mpy", "3000"}));
        const std::span<const std::uint8_t> view(static_cast<const std::uint8_t*>(mapped),
                                                 image.size());
        EXPECT_EQ(vm.run_image(view), RunStatus::ok) << vm.traceback_text();
        EXPECT_EQ(output, programs::cycles_3000_stdout);
    }
    munmap(mapped, image.size());
}

}  // namespace
}  // namespace xipy::vm
