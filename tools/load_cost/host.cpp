// Measures what loading one .mpy costs xipy: C++ allocations, VM heap bytes and time per stage.
//
// Built and run by tools/load_cost.py against a release build's static libraries. Every
// operator new and malloc of the process is counted, so "C++ allocations" are the bytes the
// loader and verifier take outside the VM's heap; "heap" is what gc.mem_alloc() would show.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <new>
#include <vector>

#include "image/image.hpp"
#include "image/verifier.hpp"
#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

namespace {

std::size_t allocation_count = 0;
std::size_t allocation_bytes = 0;

struct Counts {
    std::size_t calls;
    std::size_t bytes;
};

Counts counts() { return {allocation_count, allocation_bytes}; }

std::vector<std::uint8_t> read_file(const char* path) {
    std::vector<std::uint8_t> bytes;
    std::FILE* file = std::fopen(path, "rb");
    if (file == nullptr) {
        std::perror(path);
        std::exit(2);
    }
    int character = 0;
    while ((character = std::fgetc(file)) != EOF) {
        bytes.push_back(static_cast<std::uint8_t>(character));
    }
    std::fclose(file);
    return bytes;
}

double microseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

// Counting malloc itself catches the heap's calloc too; operator new goes through malloc.
extern "C" void* malloc(std::size_t size) {
    static auto* real = reinterpret_cast<void* (*)(std::size_t)>(dlsym(RTLD_NEXT, "malloc"));
    ++allocation_count;
    allocation_bytes += size;
    return real(size);
}

extern "C" void* calloc(std::size_t count, std::size_t size) {
    static auto* real =
        reinterpret_cast<void* (*)(std::size_t, std::size_t)>(dlsym(RTLD_NEXT, "calloc"));
    if (real == nullptr) {
        // dlsym itself may call calloc before it is resolved: serve it from a static area.
        static char early[4096];
        return early;
    }
    ++allocation_count;
    allocation_bytes += count * size;
    return real(count, size);
}

extern "C" void* realloc(void* pointer, std::size_t size) {
    static auto* real =
        reinterpret_cast<void* (*)(void*, std::size_t)>(dlsym(RTLD_NEXT, "realloc"));
    ++allocation_count;
    allocation_bytes += size;
    return real(pointer, size);
}

int main(int argument_count, char** arguments) {
    if (argument_count != 3) {
        std::fprintf(stderr, "usage: host FILE.mpy REPEATS\n");
        return 2;
    }
    const std::vector<std::uint8_t> bytes = read_file(arguments[1]);
    const int repeats = std::atoi(arguments[2]);

    // Linking: what a VM does before the module's first instruction (Interpreter::load_image):
    // load the image and verify its outer code; functions are verified on their first call.
    Counts before = counts();
    {
        auto image = xipy::image::Image::load(bytes);
        if (!image) {
            std::fprintf(stderr, "load failed: %s\n", image.error().describe().c_str());
            return 1;
        }
        auto verified = xipy::image::verify_code(*image, image->root());
        if (!verified) {
            std::fprintf(stderr, "verify failed: %s\n", verified.error().message.c_str());
            return 1;
        }
    }
    Counts after = counts();
    std::printf("link_calls %zu\n", after.calls - before.calls);
    std::printf("link_bytes %zu\n", after.bytes - before.bytes);
    double best = 1e18;
    for (int round = 0; round < repeats; ++round) {
        auto start = std::chrono::steady_clock::now();
        auto image = xipy::image::Image::load(bytes);
        auto verified = xipy::image::verify_code(*image, image->root());
        double elapsed = microseconds_since(start);
        best = elapsed < best ? elapsed : best;
    }
    std::printf("link_us %.2f\n", best);

    // Every code verified at once, as `xipy verify` does: the work the lazy VM spreads over
    // first calls, or never does for code that is never called.
    before = counts();
    {
        auto image = xipy::image::Image::load(bytes);
        auto verified = xipy::image::verify(*image);
        if (!verified) {
            std::fprintf(stderr, "verify failed: %s\n", verified.error().message.c_str());
            return 1;
        }
    }
    after = counts();
    std::printf("verify_all_calls %zu\n", after.calls - before.calls);
    std::printf("verify_all_bytes %zu\n", after.bytes - before.bytes);
    best = 1e18;
    for (int round = 0; round < repeats; ++round) {
        auto start = std::chrono::steady_clock::now();
        auto image = xipy::image::Image::load(bytes);
        auto verified = xipy::image::verify(*image);
        double elapsed = microseconds_since(start);
        best = elapsed < best ? elapsed : best;
    }
    std::printf("verify_all_us %.2f\n", best);

    // The whole run as __main__ (for a module of definitions, what an import does), in a fresh
    // VM each time; the heap figure is the live bytes a collection leaves afterwards.
    best = 1e18;
    for (int round = 0; round < repeats + 1; ++round) {
        xipy::vm::VmConfig config;
        config.modules = xipy::modules::standard_modules();
        xipy::vm::Vm machine(std::move(config));
        machine.collect_garbage();
        before = counts();
        std::size_t heap_before = machine.heap_statistics().bytes_in_use;
        auto start = std::chrono::steady_clock::now();
        xipy::vm::RunStatus status = machine.run_image(bytes);
        double elapsed = microseconds_since(start);
        after = counts();
        if (status != xipy::vm::RunStatus::ok) {
            std::fprintf(stderr, "run failed: %s\n", machine.load_error().c_str());
            return 1;
        }
        if (round == 0) {
            machine.collect_garbage();
            std::printf("run_calls %zu\n", after.calls - before.calls);
            std::printf("run_bytes %zu\n", after.bytes - before.bytes);
            std::printf("heap_bytes %lld\n",
                        static_cast<long long>(machine.heap_statistics().bytes_in_use) -
                            static_cast<long long>(heap_before));
        } else {
            best = elapsed < best ? elapsed : best;
        }
    }
    std::printf("run_us %.2f\n", best);
    return 0;
}
