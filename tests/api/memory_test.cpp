// Memory through the C API: the allocator hook, fixed-buffer mode, heap statistics, growing stacks.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xipy/xipy.h"

// A malloc-counting interposer: the executable's malloc family wraps glibc's, counting calls
// while `counting` is set. Sanitizers bring their own malloc, so they build without it.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define XIPY_COUNT_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define XIPY_COUNT_MALLOC 0
#endif
#endif
#if !defined(XIPY_COUNT_MALLOC) && defined(__GLIBC__)
#define XIPY_COUNT_MALLOC 1
#endif
#ifndef XIPY_COUNT_MALLOC
#define XIPY_COUNT_MALLOC 0
#endif

namespace {
std::atomic<bool> counting{false};
std::atomic<std::uint64_t> malloc_calls{0};
}  // namespace

#if XIPY_COUNT_MALLOC
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* block, std::size_t size);

void* malloc(std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) {
        malloc_calls.fetch_add(1, std::memory_order_relaxed);
    }
    return __libc_malloc(size);
}

void* calloc(std::size_t count, std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) {
        malloc_calls.fetch_add(1, std::memory_order_relaxed);
    }
    return __libc_calloc(count, size);
}

void* realloc(void* block, std::size_t size) {
    if (counting.load(std::memory_order_relaxed)) {
        malloc_calls.fetch_add(1, std::memory_order_relaxed);
    }
    return __libc_realloc(block, size);
}
}
#endif

namespace {

// XIPY_API_MPY_DIR, XIPY_API_EXPECTED_DIR and XIPY_CORPUS_DIR come from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::uint8_t> program(const std::string& name) {
    return read_bytes(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy");
}

std::string expected(const std::string& name) {
    const auto bytes = read_bytes(std::string(XIPY_API_EXPECTED_DIR) + "/" + name);
    return std::string(bytes.begin(), bytes.end());
}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

struct VmDeleter {
    void operator()(xipy_vm* vm) const { xipy_vm_destroy(vm); }
};
using VmPointer = std::unique_ptr<xipy_vm, VmDeleter>;

// The defaults, in fixed-buffer mode over all of `buffer`.
xipy_config buffer_config(std::vector<std::uint8_t>& buffer) {
    xipy_config config;
    xipy_config_init(&config);
    config.heap_buffer = buffer.data();
    config.heap_buffer_bytes = buffer.size();
    return config;
}

// Sends the VM's stdout and stderr to `output`.
void send_output_to(xipy_config& config, std::string& output) {
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
}

VmPointer make_vm(xipy_config& config, std::string& output) {
    send_output_to(config, output);
    xipy_vm* vm = nullptr;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    return VmPointer(vm);
}

// A host allocator that counts what it hands out, over the C library.
struct CountingAllocator {
    std::size_t live_bytes = 0;
    std::uint64_t allocations = 0;
    std::uint64_t frees = 0;
};

void* counting_reallocate(void* context, void* block, std::size_t old_size, std::size_t new_size) {
    auto* allocator = static_cast<CountingAllocator*>(context);
    if (new_size == 0) {
        allocator->live_bytes -= old_size;
        ++allocator->frees;
        std::free(block);
        return nullptr;
    }
    EXPECT_EQ(block, nullptr) << "the VM never resizes";
    allocator->live_bytes += new_size;
    ++allocator->allocations;
    return std::malloc(new_size);
}

TEST(AllocatorHook, EveryHeapByteComesFromTheHostAndGoesBack) {
    CountingAllocator allocator;
    {
        xipy_config config;
        xipy_config_init(&config);
        config.reallocate = counting_reallocate;
        config.allocator_context = &allocator;
        std::string output;
        VmPointer vm = make_vm(config, output);
        const auto image = program("nested_containers");
        ASSERT_EQ(xipy_vm_run_mpy(vm.get(), image.data(), image.size()), XIPY_OK) << output;
        xipy_heap_statistics statistics;
        ASSERT_EQ(xipy_vm_heap_statistics(vm.get(), &statistics), XIPY_OK);
        // The host also holds the free blocks of the heap's pages: bytes_in_use counts cells.
        EXPECT_GE(allocator.live_bytes, statistics.bytes_in_use);
#ifdef XIPY_GC_SEPARATE_CELLS
        EXPECT_GE(allocator.allocations, statistics.allocations);
#else
        // Small objects share pages: far fewer host calls than objects.
        EXPECT_LT(allocator.allocations, statistics.allocations);
#endif
        EXPECT_GT(statistics.allocations, 0u);
        EXPECT_GT(statistics.stack_bytes, 0u);
        EXPECT_GE(statistics.peak_bytes_in_use, statistics.bytes_in_use);
        EXPECT_GE(statistics.bytes_allocated, statistics.bytes_in_use);
        EXPECT_EQ(statistics.limit_bytes, config.heap_limit_bytes);
    }
    EXPECT_EQ(allocator.live_bytes, 0u);
    EXPECT_EQ(allocator.allocations, allocator.frees);
}

TEST(HeapStatistics, RejectsNullArguments) {
    xipy_heap_statistics statistics;
    EXPECT_EQ(xipy_vm_heap_statistics(nullptr, &statistics), XIPY_INVALID_ARGUMENT);
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    EXPECT_EQ(xipy_vm_heap_statistics(vm.get(), nullptr), XIPY_INVALID_ARGUMENT);
}

TEST(FixedBuffer, RefusesATinyBuffer) {
    static std::uint8_t tiny[64];
    xipy_config config;
    xipy_config_init(&config);
    config.heap_buffer = tiny;
    config.heap_buffer_bytes = sizeof tiny;
    xipy_vm* vm = nullptr;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(vm, nullptr);
}

TEST(FixedBuffer, ASmallBufferEndsInMemoryErrorNotACrash) {
    std::vector<std::uint8_t> buffer(64 * 1024);
    xipy_config config = buffer_config(buffer);
    std::string output;
    VmPointer vm = make_vm(config, output);
    const auto image = program("exhaust_heap");
    EXPECT_EQ(xipy_vm_run_mpy(vm.get(), image.data(), image.size()), XIPY_OK) << output;
    EXPECT_NE(output.find("MemoryError"), std::string::npos) << output;
}

// Loading takes the image's tables and the verifier's working memory from the VM's heap. When
// they do not fit, the program ends in MemoryError, as on MicroPython; the image is not
// called bad, since a larger heap runs it. Swept over heap limits, so the test does not
// depend on the exact size of the VM or of the tables. A function is verified on its first
// call, so its verifier's MemoryError comes from that call, with the traceback of the caller.
TEST(HeapLimit, AnImageTooLargeForTheHeapIsAMemoryErrorNotABadImage) {
    const auto image = program("nested_containers");
    {
        // The process's first VM builds the shared builtins table in its own heap, and one too
        // small for it is refused; made first, it leaves the sweep below to the image's needs.
        xipy_config config;
        xipy_config_init(&config);
        std::string output;
        VmPointer first = make_vm(config, output);
    }
    bool saw_memory_error = false;
    bool saw_full_run = false;
    for (std::size_t limit = 4 * 1024; limit <= 16 * 1024 * 1024 && !saw_full_run;
         limit += limit / 8) {
        xipy_config config;
        xipy_config_init(&config);
        config.heap_limit_bytes = limit;
        std::string output;
        send_output_to(config, output);
        xipy_vm* raw = nullptr;
        if (xipy_vm_create(&config, &raw) != XIPY_OK) {
            continue;  // too small for the VM itself
        }
        VmPointer vm(raw);
        const xipy_status status = xipy_vm_run_mpy(vm.get(), image.data(), image.size());
        ASSERT_NE(status, XIPY_BAD_IMAGE) << limit << ": " << xipy_vm_load_error(vm.get());
        if (status == XIPY_EXCEPTION &&
            std::string(xipy_vm_exception_type(vm.get())) == "MemoryError" &&
            std::string(xipy_vm_exception_message(vm.get())).starts_with("not enough memory to")) {
            saw_memory_error = true;
            const std::string message = xipy_vm_exception_message(vm.get());
            const std::string report = xipy_vm_exit_report(vm.get());
            if (message == "not enough memory to load the module" ||
                message == "not enough memory to verify <module>") {
                // Nothing ran, so there is no traceback, as on MicroPython.
                EXPECT_EQ(report, "MemoryError: " + message + "\n");
            } else {
                EXPECT_TRUE(report.starts_with("Traceback (most recent call last):\n")) << report;
                EXPECT_TRUE(report.ends_with("MemoryError: " + message + "\n")) << report;
            }
        }
        saw_full_run = status == XIPY_OK;
    }
    EXPECT_TRUE(saw_memory_error) << "no heap limit was too small to load the image";
    EXPECT_TRUE(saw_full_run) << "no heap limit up to 16 MiB ran the image";
}

// bytes() and bytearray() of a generator put each item straight into the byte buffer. Built
// through a list of the items, 200,000 bytes took more than a 2 MiB heap; MicroPython needs
// less than 1 MiB.
TEST(HeapLimit, BytesOfALongGeneratorFitWhereMicroPythonsDo) {
    xipy_config config;
    xipy_config_init(&config);
    config.heap_limit_bytes = 1024 * 1024;
    std::string output;
    VmPointer vm = make_vm(config, output);
    const auto image = program("long_byte_generators");
    EXPECT_EQ(xipy_vm_run_mpy(vm.get(), image.data(), image.size()), XIPY_OK)
        << xipy_vm_exit_report(vm.get());
    EXPECT_EQ(output, expected("long_byte_generators.exp"));
}

// Every corpus program runs in fixed-buffer mode with the output it has in the default mode;
// its objects, stacks, loader tables and interned names come from the buffer. The malloc
// calls of each run (from xipy_vm_run_mpy() to its return, creation excluded) are counted,
// and every program must make none: native scratch work, the compiler, imports and error
// texts all draw on the VM's heap. A program added to the corpus is held to it at once.
TEST(FixedBuffer, TheCorpusRunsFromOneBuffer) {
    const std::filesystem::path corpus = XIPY_CORPUS_DIR;
    if (!std::filesystem::exists(corpus)) {
        GTEST_SKIP() << "no corpus at " << corpus << " (make corpus)";
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (entry.path().extension() == ".mpy") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    ASSERT_FALSE(files.empty());
    std::vector<std::uint8_t> buffer(16 * 1024 * 1024);
    std::uint64_t heap_allocations = 0;
    std::uint64_t run_malloc_calls = 0;
    std::size_t programs = 0;
    std::size_t programs_without = 0;
    for (const auto& file : files) {
        const auto image = read_bytes(file.string());
        std::string expected;
        xipy_status expected_status;
        {
            xipy_config config;
            xipy_config_init(&config);
            config.heap_limit_bytes = buffer.size() / 2;
            config.max_steps = 50'000'000;
            VmPointer vm = make_vm(config, expected);
            expected_status = xipy_vm_run_mpy(vm.get(), image.data(), image.size());
        }
        std::string output;
        xipy_config config;
        xipy_config_init(&config);
        config.heap_limit_bytes = buffer.size() / 2;
        config.max_steps = 50'000'000;
        config.heap_buffer = buffer.data();
        config.heap_buffer_bytes = buffer.size();
        VmPointer vm = make_vm(config, output);
        output.reserve(expected.size() + 4096);
        malloc_calls = 0;
        counting = true;
        const xipy_status status = xipy_vm_run_mpy(vm.get(), image.data(), image.size());
        counting = false;
        const std::uint64_t calls = malloc_calls;
        run_malloc_calls += calls;
        programs_without += calls == 0 ? 1 : 0;
        const std::string name =
            std::filesystem::relative(file, corpus).replace_extension().generic_string();
        if (XIPY_COUNT_MALLOC) {
            EXPECT_EQ(calls, 0u) << name << " called malloc in fixed-buffer mode";
        }
        xipy_heap_statistics statistics;
        ASSERT_EQ(xipy_vm_heap_statistics(vm.get(), &statistics), XIPY_OK);
        heap_allocations += statistics.allocations;
        EXPECT_EQ(status, expected_status) << file;
        EXPECT_EQ(output, expected) << file;
        ++programs;
    }
    std::printf("fixed-buffer corpus: %zu programs, %llu heap allocations from the buffer, "
                "%llu malloc calls during the runs, %zu programs with none%s\n",
                programs, static_cast<unsigned long long>(heap_allocations),
                static_cast<unsigned long long>(run_malloc_calls), programs_without,
                XIPY_COUNT_MALLOC ? "" : " (not counted in this build)");
}

// The VM's own record and its interpreter take the buffer's first bytes: once the process's
// first VM has published the builtins table every VM shares, making a fixed-buffer VM, running
// it and destroying it call no malloc at all.
TEST(FixedBuffer, CreatingAndDestroyingAVmCallsNoMalloc) {
    std::string output;
    {
        xipy_config config;
        xipy_config_init(&config);
        VmPointer first = make_vm(config, output);  // publishes the shared builtins
    }
    std::vector<std::uint8_t> buffer(1024 * 1024);
    const auto image = program("greeting");
    xipy_config config = buffer_config(buffer);
    send_output_to(config, output);
    output.reserve(4096);  // the test's own output string must not be what calls malloc
    malloc_calls = 0;
    counting = true;
    xipy_vm* vm = nullptr;
    const xipy_status created = xipy_vm_create(&config, &vm);
    const xipy_status ran =
        created == XIPY_OK ? xipy_vm_run_mpy(vm, image.data(), image.size()) : created;
    const std::string report = created == XIPY_OK ? xipy_vm_exit_report(vm) : "";
    xipy_vm_destroy(vm);
    counting = false;
    const std::uint64_t calls = malloc_calls;
    ASSERT_EQ(created, XIPY_OK);
    EXPECT_EQ(ran, XIPY_OK) << output << report;
    if (XIPY_COUNT_MALLOC) {
        EXPECT_EQ(calls, 0u);
    }
}

// Buffers from the smallest accepted upwards: a VM is refused (too small for itself, or for
// the builtins namespace), or made and runs a program to its end or to MemoryError; never a
// crash, and never a VM whose programs miss builtins (it ran with NameError: 'print').
TEST(FixedBuffer, SmallBuffersAreRefusedOrRunCleanly) {
    const auto image = program("greeting");
    std::vector<std::uint8_t> buffer(32 * 1024);
    bool refused = false;
    bool made = false;
    for (std::size_t size = 4096; size <= buffer.size(); size += 512) {
        xipy_config config;
        xipy_config_init(&config);
        config.heap_buffer = buffer.data();
        config.heap_buffer_bytes = size;
        std::string output;
        send_output_to(config, output);
        xipy_vm* vm = nullptr;
        const xipy_status created = xipy_vm_create(&config, &vm);
        if (created != XIPY_OK) {
            EXPECT_TRUE(created == XIPY_INVALID_ARGUMENT || created == XIPY_OUT_OF_MEMORY) << size;
            EXPECT_EQ(vm, nullptr);
            refused = true;
            continue;
        }
        made = true;
        const xipy_status ran = xipy_vm_run_mpy(vm, image.data(), image.size());
        const std::string type = ran == XIPY_EXCEPTION ? xipy_vm_exception_type(vm) : "";
        EXPECT_TRUE(ran == XIPY_OK || type == "MemoryError")
            << size << ": " << ran << " " << type << " " << output << xipy_vm_exit_report(vm);
        xipy_vm_destroy(vm);
    }
    EXPECT_TRUE(refused);
    EXPECT_TRUE(made);
}

// A host's call into a VM that lives across runs draws on the VM's buffer as a run does: the
// scratch work of sorting, a long big integer's text, a joined error text and a format with
// a long result, all made inside the call, call no malloc.
TEST(FixedBuffer, HostCallsIntoPythonCallNoMalloc) {
    std::vector<std::uint8_t> buffer(4 * 1024 * 1024);
    xipy_config config = buffer_config(buffer);
    std::string output;
    VmPointer vm = make_vm(config, output);
    const std::string source =
        "def work(n):\n"
        "    items = sorted([(i * 7919) % 101 for i in range(n)])\n"
        "    digits = str(2 ** (n * 20))\n"
        "    try:\n"
        "        int('x' * n)\n"
        "    except ValueError as error:\n"
        "        message = str(error)\n"
        "    return '%s|%d|%s' % (message[:30], items[-1], digits[:12] + '.' * n)\n";
    ASSERT_EQ(xipy_vm_run_source(vm.get(), source.data(), source.size(), "work.py",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << output;
    const xipy_scope scope = xipy_scope_begin(vm.get());
    xipy_value work;
    ASSERT_EQ(xipy_get_global(vm.get(), "work", &work), XIPY_OK);
    const xipy_value argument = xipy_int(vm.get(), 60);
    xipy_value result;
    malloc_calls = 0;
    counting = true;
    const xipy_status status = xipy_call(vm.get(), work, &argument, 1, nullptr, nullptr, 0, &result);
    counting = false;
    const std::uint64_t calls = malloc_calls;
    ASSERT_EQ(status, XIPY_OK) << output;
    const char* text = nullptr;
    std::size_t length = 0;
    ASSERT_EQ(xipy_to_str(vm.get(), result, &text, &length), XIPY_OK);
    // MicroPython's int() text; 2 ** 1200 begins 172184794563 (CPython agrees).
    EXPECT_EQ(std::string_view(text, length).substr(0, 47),
              "invalid syntax for integer wit|100|172184794563");
    xipy_scope_end(vm.get(), scope);
    if (XIPY_COUNT_MALLOC) {
        EXPECT_EQ(calls, 0u);
    }
}

// The stacks grow with the recursion: far past the old fixed stack's cap (about 10,900 calls
// of a small function) when the heap allows, and a MemoryError, not a crash, when it does not.
TEST(GrowingStacks, DeepRecursionReachesTheDepthLimit) {
    xipy_config config;
    xipy_config_init(&config);
    config.max_depth = 100000;
    config.heap_limit_bytes = 64 * 1024 * 1024;
    const char* arguments[] = {"deep_recursion", "50000"};
    config.argument_count = 2;
    config.argument_values = arguments;
    std::string output;
    VmPointer vm = make_vm(config, output);
    const auto image = program("deep_recursion");
    ASSERT_EQ(xipy_vm_run_mpy(vm.get(), image.data(), image.size()), XIPY_OK) << output;
    EXPECT_EQ(output, "reached 50000\n");
}

TEST(GrowingStacks, StacksCountAgainstTheHeapLimit) {
    xipy_config config;
    xipy_config_init(&config);
    config.max_depth = 1000000;
    config.heap_limit_bytes = 1024 * 1024;
    const char* arguments[] = {"deep_recursion", "900000"};
    config.argument_count = 2;
    config.argument_values = arguments;
    std::string output;
    VmPointer vm = make_vm(config, output);
    const auto image = program("deep_recursion");
    ASSERT_EQ(xipy_vm_run_mpy(vm.get(), image.data(), image.size()), XIPY_OK) << output;
    EXPECT_EQ(output, "MemoryError\n");
    xipy_heap_statistics statistics;
    ASSERT_EQ(xipy_vm_heap_statistics(vm.get(), &statistics), XIPY_OK);
    EXPECT_LE(statistics.peak_bytes_in_use, config.heap_limit_bytes);
}

TEST(GrowingStacks, AnIdleVmHoldsNoStack) {
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    xipy_heap_statistics statistics;
    ASSERT_EQ(xipy_vm_heap_statistics(vm.get(), &statistics), XIPY_OK);
    EXPECT_EQ(statistics.stack_bytes, 0u);
}

// Every VM reads one shared builtins table until a program changes its builtins; the change
// copies the table to that VM's heap and no other VM sees it.
TEST(SharedBuiltins, AChangeStaysInItsVm) {
    xipy_config config;
    xipy_config_init(&config);
    std::string first_output;
    std::string second_output;
    VmPointer first = make_vm(config, first_output);
    VmPointer second = make_vm(config, second_output);
    xipy_heap_statistics before;
    ASSERT_EQ(xipy_vm_heap_statistics(second.get(), &before), XIPY_OK);
    const std::string change = "import builtins\nbuiltins.len = lambda x: 42\ndel builtins.abs\n"
                               "builtins.extra = 7\nprint(len([]), extra)\n"
                               "try:\n    abs(-1)\nexcept NameError as e:\n    print(e)\n";
    ASSERT_EQ(xipy_vm_run_source(first.get(), change.data(), change.size(), "<change>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << first_output;
    EXPECT_EQ(first_output, "42 7\nname 'abs' isn't defined\n");
    const std::string read = "print(len([1, 2]), abs(-3))\ntry:\n    extra\n"
                             "except NameError as e:\n    print(e)\n";
    ASSERT_EQ(xipy_vm_run_source(second.get(), read.data(), read.size(), "<read>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << second_output;
    EXPECT_EQ(second_output, "2 3\nname 'extra' isn't defined\n");
    // The idle VM never held a builtins table of its own.
    EXPECT_LT(before.bytes_in_use, 1024u);
}

// Code run with the builtins dict as its globals reads a name and rebinds it there: the store
// copies the shared table first, so no other VM sees the change.
TEST(SharedBuiltins, ARebindingThroughTheGlobalCacheStaysInItsVm) {
    xipy_config config;
    xipy_config_init(&config);
    std::string first_output;
    std::string second_output;
    VmPointer first = make_vm(config, first_output);
    VmPointer second = make_vm(config, second_output);
    const std::string change = "import builtins\n"
                               "exec('abs = abs if 0 else 7', builtins.__dict__)\n"
                               "print(abs)\n";
    ASSERT_EQ(xipy_vm_run_source(first.get(), change.data(), change.size(), "<change>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << first_output;
    EXPECT_EQ(first_output, "7\n");
    const std::string read = "print(abs(-3))\n";
    ASSERT_EQ(xipy_vm_run_source(second.get(), read.data(), read.size(), "<read>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << second_output;
    EXPECT_EQ(second_output, "3\n");
}

// A program that uses every side table: cached globals, attributes and methods, getattr() on
// a user class (the class lookup table), and enough short-lived objects for scheduled
// collections to empty pages.
constexpr std::string_view side_table_program =
    "class Point:\n"
    "    def __init__(self, x):\n"
    "        self.x = x\n"
    "    def twice(self):\n"
    "        return self.x * 2\n"
    "total = 0\n"
    "for i in range(20000):\n"
    "    point = Point(i)\n"
    "    total += point.twice() + getattr(point, 'x') + len([i] * 8)\n"
    "print(total)\n";

// Spare pages exist only where small cells share pages: the sanitizer build allocates every
// cell on its own (XIPY_GC_SEPARATE_CELLS), so that ASan sees each one freed.
#ifdef XIPY_GC_SEPARATE_CELLS
constexpr bool cells_share_pages = false;
#else
constexpr bool cells_share_pages = true;
#endif

// Runs `source` on `vm` (which must succeed) and returns what its side tables hold then.
xipy_side_table_statistics run_and_measure(xipy_vm* vm, std::string_view source,
                                           const std::string& output) {
    EXPECT_EQ(xipy_vm_run_source(vm, source.data(), source.size(), "<side tables>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << output;
    xipy_side_table_statistics statistics{};
    EXPECT_EQ(xipy_vm_side_table_statistics(vm, &statistics), XIPY_OK);
    return statistics;
}

xipy_side_table_statistics run_for_side_tables(bool side_tables, std::string& output) {
    xipy_config config;
    xipy_config_init(&config);
    config.side_tables = side_tables ? 1 : 0;
    VmPointer vm = make_vm(config, output);
    return run_and_measure(vm.get(), side_table_program, output);
}

TEST(SideTables, TheStatisticsShowWhatEachTableHolds) {
    std::string output;
    const xipy_side_table_statistics statistics = run_for_side_tables(true, output);
    EXPECT_EQ(output, "600130000\n");
    // Caches for the names looked up again and again through them (len, getattr, x, twice),
    // each made once; range, looked up once, gets none (the module's own names are found in
    // its globals before any cache).
    EXPECT_GE(statistics.name_caches, 4u);
    EXPECT_LT(statistics.name_caches, 40u);
    EXPECT_GT(statistics.name_cache_bytes, statistics.name_caches * 64);
    EXPECT_GT(statistics.class_lookup_bytes, 0u);
    EXPECT_EQ(statistics.peak_spare_page_bytes > 0, cells_share_pages);
    EXPECT_LE(statistics.spare_page_bytes, statistics.peak_spare_page_bytes);
}

TEST(SideTables, AVmWithoutThemMakesNoneAndPrintsTheSame) {
    std::string output;
    const xipy_side_table_statistics statistics = run_for_side_tables(false, output);
    EXPECT_EQ(output, "600130000\n");
    EXPECT_EQ(statistics.name_cache_bytes, 0u);
    EXPECT_EQ(statistics.name_caches, 0u);
    EXPECT_EQ(statistics.class_lookup_bytes, 0u);
    EXPECT_EQ(statistics.peak_spare_page_bytes, 0u);
}

// The class lookup table pays off only for programs that look names up on classes natively
// again and again: making sys's objects at start-up must not make it.
TEST(SideTables, AShortProgramMakesNoClassLookupTable) {
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    ASSERT_EQ(xipy_vm_add_module_folder(vm.get(), "."), XIPY_OK);  // makes sys's objects
    const xipy_side_table_statistics statistics =
        run_and_measure(vm.get(), "import sys\nprint(sys.stdout is not None)\n", output);
    EXPECT_EQ(output, "True\n");
    EXPECT_EQ(statistics.class_lookup_bytes, 0u);
}

// Only a collection the heap schedules keeps emptied pages; gc.collect() gives them all back,
// also after scheduled collections have run.
TEST(SideTables, ACollectionAskedForGivesTheSparePagesBack) {
    if (!cells_share_pages) {
        GTEST_SKIP() << "every cell is its own allocation in this build: no pages";
    }
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    const xipy_side_table_statistics churned =
        run_and_measure(vm.get(), "for i in range(20000):\n    x = [i] * 8\n", output);
    ASSERT_GT(churned.peak_spare_page_bytes, 0u);
    const xipy_side_table_statistics collected =
        run_and_measure(vm.get(), "import gc\ngc.collect()\n", output);
    EXPECT_EQ(collected.spare_page_bytes, 0u);
}

// Tuples of one size after another: each size's pages empty for good when the next size
// starts. The spare pages kept must stay within twice what one collection interval (256 KiB
// with a small live heap) allocates, not grow to the eighth of the limit (1 MiB here).
TEST(SideTables, SparePagesStayWithinTwoCollectionIntervals) {
    if (!cells_share_pages) {
        GTEST_SKIP() << "every cell is its own allocation in this build: no pages";
    }
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    const xipy_side_table_statistics statistics =
        run_and_measure(vm.get(),
                        "for size in range(1, 30):\n"
                        "    for i in range(20000):\n"
                        "        t = tuple(range(size))\n"
                        "print(len(t))\n",
                        output);
    EXPECT_EQ(output, "29\n");
    EXPECT_GT(statistics.peak_spare_page_bytes, 0u);
    EXPECT_LE(statistics.peak_spare_page_bytes, std::size_t{512} * 1024);
}

// An image's names are interned when the program first uses each: a function that is never
// called costs the intern table nothing for its 300 attribute names, until dir() (which probes
// every name MicroPython would have) interns them all.
TEST(ImageNames, AreInternedWhenFirstUsed) {
    std::string source = "import gc\ndef never_called(thing):\n";
    for (int index = 0; index < 300; ++index) {
        source += "    thing.attribute_named_" + std::to_string(index) + "\n";
    }
    source +=
        "gc.collect()\n"
        "before = gc.mem_alloc()\n"
        "dir(never_called)\n"
        "gc.collect()\n"
        "print(gc.mem_alloc() - before >= 300 * 12)\n";
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    ASSERT_EQ(xipy_vm_run_source(vm.get(), source.data(), source.size(), "<names>",
                                 XIPY_SOURCE_FILE),
              XIPY_OK)
        << output;
    EXPECT_EQ(output, "True\n");
}

TEST(SideTables, TheStatisticsNeedAVmAndAPlaceForThem) {
    xipy_side_table_statistics statistics;
    EXPECT_EQ(xipy_vm_side_table_statistics(nullptr, &statistics), XIPY_INVALID_ARGUMENT);
    xipy_config config;
    xipy_config_init(&config);
    std::string output;
    VmPointer vm = make_vm(config, output);
    EXPECT_EQ(xipy_vm_side_table_statistics(vm.get(), nullptr), XIPY_INVALID_ARGUMENT);
}

}  // namespace
