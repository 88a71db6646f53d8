// libFuzzer target: any bytes through a VM (load, verify, run) with small heap, depth and steps.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_vm_config.hpp"

// Each input runs on a fresh VM under fuzz_vm_config()'s limits. Anything but a RunStatus (a
// crash, a hang, a sanitizer report) is a bug.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    xipy::vm::Vm vm(fuzz_vm_config("fuzz.mpy"));
    const xipy::vm::RunStatus status = vm.run_image(std::span<const std::uint8_t>(data, size));
    if (status == xipy::vm::RunStatus::bad_image && vm.load_error().empty()) {
        __builtin_trap();  // a rejection must say why
    }
    return 0;
}
