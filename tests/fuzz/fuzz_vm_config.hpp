// The VM every fuzz target that runs code uses: small limits, no host access, output nowhere.
#pragma once

#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"

// A fresh VM per input, so no run sees another's state. The limits keep each run short: a
// program that loops or recurses forever is stopped by the step budget or the depth limit,
// one that allocates without end by the heap limit. Output goes nowhere (null writers).
inline xipy::vm::VmConfig fuzz_vm_config(const char* program_name) {
    xipy::vm::VmConfig config;
    config.modules = xipy::modules::standard_modules();
    config.heap_limit_bytes = 256 * 1024;
    config.max_depth = 50;
    config.max_steps = 20000;
    config.argv = {program_name};
    return config;
}
