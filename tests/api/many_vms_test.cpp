// Many VMs in one process: memory and creation time per VM, threads, interrupt latency.
//
// Usage: api_many_vms [--vms N] [--threads-only]
//   Keeps N (default 10,000) VMs alive at once, all running one shared read-only image, and
//   reports resident memory per VM, the base overhead of an empty VM and creation time per
//   VM; then 8 threads with a VM each run a CPU-bound program, against the same runs one
//   after another; then one thread interrupts another's endless loop and the latency is
//   reported. --threads-only runs the last two parts (the ThreadSanitizer build runs that).
// Exits nonzero when a run fails. Timings are reported, never asserted (beyond a generous
// bound on the interrupt latency), since the machine may be busy.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "xipy/xipy.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::uint8_t> program(const std::string& name) {
    const std::string path = std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy";
    std::ifstream file(path, std::ios::binary);
    if (!file.good()) {
        std::fprintf(stderr, "cannot open %s\n", path.c_str());
        std::exit(1);
    }
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void discard(void*, const char*, std::size_t) {}

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

// Resident bytes of this process (Linux /proc; 0 elsewhere).
std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    std::size_t resident = 0;
    if (!(statm >> pages >> resident)) {
        return 0;
    }
    return resident * 4096;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

xipy_vm* make_vm() {
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = discard;
    config.write_stderr = discard;
    xipy_vm* vm = nullptr;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        std::fprintf(stderr, "xipy_vm_create failed\n");
        std::exit(1);
    }
    return vm;
}

bool run(xipy_vm* vm, const std::vector<std::uint8_t>& image) {
    const xipy_status status = xipy_vm_run_mpy(vm, image.data(), image.size());
    if (status != XIPY_OK) {
        std::fprintf(stderr, "run failed: %s %s\n", xipy_status_name(status),
                     xipy_vm_traceback(vm));
        return false;
    }
    return true;
}

bool many_vms(std::size_t count) {
    const std::vector<std::uint8_t> image = program("greeting");
    std::vector<xipy_vm*> vms;
    vms.reserve(count);
    const std::size_t resident_before = resident_bytes();
    const Clock::time_point created = Clock::now();
    for (std::size_t index = 0; index < count; ++index) {
        vms.push_back(make_vm());
    }
    const double creation_seconds = seconds_since(created);
    const std::size_t resident_empty = resident_bytes();
    // The last VM: the first builds the builtins namespace that the others share.
    xipy_heap_statistics empty_heap;
    xipy_vm_heap_statistics(vms.back(), &empty_heap);
    bool ok = true;
    const Clock::time_point started = Clock::now();
    for (xipy_vm* vm : vms) {
        ok = run(vm, image) && ok;
    }
    const double run_seconds = seconds_since(started);
    const std::size_t resident_ran = resident_bytes();
    std::printf("%zu VMs alive at once, one shared image:\n", count);
    std::printf("  base overhead of an empty VM: %.0f bytes resident (heap: %zu bytes)\n",
                static_cast<double>(resident_empty - resident_before) / count,
                empty_heap.bytes_in_use);
    std::printf("  creation time per VM: %.1f us\n", creation_seconds * 1e6 / count);
    std::printf("  resident memory per VM after running the image: %.0f bytes\n",
                static_cast<double>(resident_ran - resident_before) / count);
    std::printf("  run time per VM: %.1f us\n", run_seconds * 1e6 / count);
    for (xipy_vm* vm : vms) {
        xipy_vm_destroy(vm);
    }
    return ok;
}

// Each of `threads` VMs runs the CPU-bound program `rounds` times; concurrently or one after
// another. Returns the wall time.
double run_spin(const std::vector<std::uint8_t>& image, int threads, int rounds, bool concurrent,
                std::atomic<bool>& ok) {
    auto work = [&] {
        xipy_vm* vm = make_vm();
        for (int round = 0; round < rounds; ++round) {
            if (!run(vm, image)) {
                ok = false;
            }
        }
        xipy_vm_destroy(vm);
    };
    const Clock::time_point started = Clock::now();
    if (concurrent) {
        std::vector<std::thread> workers;
        for (int index = 0; index < threads; ++index) {
            workers.emplace_back(work);
        }
        for (std::thread& worker : workers) {
            worker.join();
        }
    } else {
        for (int index = 0; index < threads; ++index) {
            work();
        }
    }
    return seconds_since(started);
}

bool threads_speed_up(int rounds) {
    const std::vector<std::uint8_t> image = program("spin");
    constexpr int threads = 8;
    std::atomic<bool> ok{true};
    const double sequential = run_spin(image, threads, rounds, false, ok);
    const double concurrent = run_spin(image, threads, rounds, true, ok);
    std::printf("%d threads, a VM each, CPU-bound (%u hardware threads): sequential %.3f s, "
                "concurrent %.3f s, speed-up %.2fx\n",
                threads, std::thread::hardware_concurrency(), sequential, concurrent,
                sequential / concurrent);
    return ok;
}

bool interrupt_latency() {
    const std::vector<std::uint8_t> image = program("endless_loop");
    std::string output;
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    xipy_vm* vm = nullptr;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        return false;
    }
    std::atomic<std::int64_t> stopped_at{0};
    xipy_status status = XIPY_OK;
    std::thread runner([&] {
        status = xipy_vm_run_mpy(vm, image.data(), image.size());
        stopped_at = Clock::now().time_since_epoch().count();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const Clock::time_point interrupted = Clock::now();
    xipy_vm_interrupt(vm);
    runner.join();
    const double latency =
        std::chrono::duration<double>(Clock::time_point(Clock::duration(stopped_at.load())) -
                                      interrupted)
            .count();
    std::printf("interrupt of an endless loop from another thread: stopped after %.3f ms\n",
                latency * 1e3);
    // The program catches the KeyboardInterrupt, reports it and ends.
    const bool ok = status == XIPY_OK && output == "caught KeyboardInterrupt\nfinally\n";
    xipy_vm_destroy(vm);
    if (!ok) {
        std::fprintf(stderr, "the endless loop did not end in KeyboardInterrupt: %s %s\n",
                     xipy_status_name(status), output.c_str());
    }
    // Generous slack for a loaded machine; the figure above is what to look at.
    return ok && latency < 1.0;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 10000;
    bool threads_only = false;
    int rounds = 4;
    for (int index = 1; index < argc; ++index) {
        if (std::strcmp(argv[index], "--vms") == 0 && index + 1 < argc) {
            count = std::strtoul(argv[++index], nullptr, 10);
        } else if (std::strcmp(argv[index], "--threads-only") == 0) {
            threads_only = true;
            rounds = 1;
        } else {
            std::fprintf(stderr, "usage: %s [--vms N] [--threads-only]\n", argv[0]);
            return 2;
        }
    }
    bool ok = true;
    if (!threads_only) {
        ok = many_vms(count) && ok;
    }
    ok = threads_speed_up(rounds) && ok;
    ok = interrupt_latency() && ok;
    return ok ? 0 : 1;
}
