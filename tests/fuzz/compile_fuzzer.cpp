// libFuzzer target: any bytes as Python source through the whole compiler, then its output run.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "compiler/compile.hpp"
#include "fuzz_vm_config.hpp"

// Every input must compile or fail with an error that says why, never crash, hang, overflow
// the stack or trip a sanitizer. What compiles must pass the verifier (a rejection is a
// compiler bug) and then run on a fresh VM under small limits, as load_verify_run_fuzzer
// runs its images.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view source(reinterpret_cast<const char*>(data), size);
    xipy::compiler::CompileOptions options;
    options.memory_limit = std::size_t{16} << 20;
    xipy::compiler::CompileResult result =
        xipy::compiler::compile_source(source, "fuzz.py", options);
    if (!result.ok()) {
        if (result.error().message.empty()) {
            __builtin_trap();
        }
        return 0;
    }
    xipy::vm::Vm vm(fuzz_vm_config("fuzz.py"));
    const auto& image = result.image();
    if (vm.run_image(std::span<const std::uint8_t>(image.data(), image.size())) ==
        xipy::vm::RunStatus::bad_image) {
        __builtin_trap();  // the compiler wrote a file its own verifier refuses
    }
    return 0;
}
