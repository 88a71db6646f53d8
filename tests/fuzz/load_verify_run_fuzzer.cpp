// libFuzzer target: any bytes through a VM (load, verify, run) with small heap, depth and steps.
#include <cstddef>
#include <cstdint>
#include <span>

#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

// A fresh VM per input, so no run sees another's state. The limits keep each run short: a
// program that loops or recurses forever is stopped by the step budget or the depth limit,
// one that allocates without end by the heap limit. Output goes nowhere (null writers), and
// the VM gets no host access. Anything but a RunStatus (a crash, a hang, a sanitizer report)
// is a bug.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    xipy::vm::VmConfig config;
    config.modules = xipy::modules::standard_modules();
    config.heap_limit_bytes = 256 * 1024;
    config.max_depth = 50;
    config.max_steps = 20000;
    config.argv = {"fuzz.mpy"};
    xipy::vm::Vm vm(config);
    const xipy::vm::RunStatus status = vm.run_image(std::span<const std::uint8_t>(data, size));
    if (status == xipy::vm::RunStatus::bad_image && vm.load_error().empty()) {
        __builtin_trap();  // a rejection must say why
    }
    return 0;
}
