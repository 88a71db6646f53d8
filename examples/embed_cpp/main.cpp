// A C++ host that runs one embedded .mpy image on two isolated VMs with xipy::Vm.
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "worker_mpy.h"
#include "xipy/xipy.hpp"

int main() {
    const std::span<const std::uint8_t> image(worker_mpy, worker_mpy_length);
    int failures = 0;
    for (const char* name : {"alpha", "beta"}) {
        std::string captured;
        xipy::VmOptions options;
        options.heap_limit_bytes = 1024 * 1024;
        options.argv = {"worker.py", name};
        options.on_stdout = [&captured](std::string_view text) { captured.append(text); };
        xipy::Vm vm(std::move(options));
        const xipy::RunResult result = vm.run(image);
        std::printf("[%s] output: %s", name, captured.c_str());
        if (result.status != XIPY_EXCEPTION) {
            std::printf("[%s] unexpected status %s\n", name, xipy_status_name(result.status));
            ++failures;
            continue;
        }
        // The program is meant to fail: show what the host learns about the exception.
        std::printf("[%s] %s: %s\n", name, result.exception_type.c_str(),
                    result.exception_message.c_str());
        std::printf("[%s] traceback:\n%s", name, result.traceback.c_str());
    }
    return failures == 0 ? 0 : 1;
}
