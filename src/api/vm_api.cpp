// The C API of include/xipy/xipy.h, implemented over vm::Vm.
#include <cstdio>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "modules/standard_modules.hpp"
#include "vm/vm.hpp"
#include "xipy/xipy.h"

// What a C handle owns: the VM and the strings handed out about its last run.
//
// Invariant: the strings describe last_status_ of the last run (all empty before the first
// run) and change only in xipy_vm_run_mpy(), so pointers returned to the host stay valid
// until the next run or destroy.
struct xipy_vm {
    explicit xipy_vm(xipy::vm::VmConfig config) : machine(std::move(config)) {}

    xipy::vm::Vm machine;
    xipy_status last_status = XIPY_OK;
    std::string exception_type;
    std::string exception_message;
    std::string traceback;
    std::string load_error;
    std::string exit_report;
    int exit_code = 0;
};

namespace xipy::api {

namespace {

constexpr std::size_t default_heap_limit_bytes = std::size_t{8} * 1024 * 1024;
constexpr std::uint32_t default_max_depth = 1000;
constexpr int exit_code_bad_image = 2;
// Below this a fixed heap buffer cannot hold a VM's first objects.
constexpr std::size_t minimum_heap_buffer_bytes = 4096;
constexpr int exit_code_step_limit = 3;

void write_to_stream(void* context, const char* data, std::size_t length) {
    std::fwrite(data, 1, length, static_cast<std::FILE*>(context));
}

// The C stdio streams need their own context, so they get adapters that ignore the host's.
void write_to_stdout(void*, const char* data, std::size_t length) {
    write_to_stream(stdout, data, length);
}

void write_to_stderr(void*, const char* data, std::size_t length) {
    write_to_stream(stderr, data, length);
}

bool config_is_valid(const xipy_config& config) {
    if (config.heap_limit_bytes == 0 || config.max_depth == 0 || config.argument_count < 0) {
        return false;
    }
    if (config.heap_buffer != nullptr && config.heap_buffer_bytes < minimum_heap_buffer_bytes) {
        return false;
    }
    if (config.argument_count > 0 && config.argument_values == nullptr) {
        return false;
    }
    for (int index = 0; index < config.argument_count; ++index) {
        if (config.argument_values[index] == nullptr) {
            return false;
        }
    }
    return true;
}

// Nothing when the config's filesystem root names no directory.
std::optional<vm::VmConfig> make_vm_config(const xipy_config& config) {
    vm::VmConfig result;
    // The api is what wires modules into a VM: every VM it makes gets the standard ones.
    result.modules = modules::standard_modules();
    if (config.filesystem_root != nullptr && config.filesystem_root[0] != '\0') {
        auto root = vm::canonical_filesystem_root(config.filesystem_root);
        if (!root) {
            return std::nullopt;
        }
        result.host.filesystem_root = std::move(*root);
    }
    result.heap_limit_bytes = config.heap_limit_bytes;
    result.reallocate = config.reallocate;
    result.allocator_context = config.allocator_context;
    result.heap_buffer = config.heap_buffer;
    result.heap_buffer_bytes = config.heap_buffer_bytes;
    result.max_depth = config.max_depth;
    result.write_stdout = config.write_stdout != nullptr ? config.write_stdout : write_to_stdout;
    result.write_stderr = config.write_stderr != nullptr ? config.write_stderr : write_to_stderr;
    result.output_context = config.output_context;
    result.collect_on_every_allocation = config.collect_on_every_allocation != 0;
    result.max_steps = config.max_steps;
    result.host.clock = config.allow_clock != 0;
    result.host.environment = config.allow_environment != 0;
    result.host.read_stdin = config.read_stdin;  // builtins: input()
    result.host.stdin_context = config.stdin_context;
    for (int index = 0; index < config.argument_count; ++index) {
        result.argv.emplace_back(config.argument_values[index]);
    }
    return result;
}

// True when a SystemExit value whose str() is `text` ends the program without a word: no
// value, None, or an integer (whose code is the exit status).
bool is_silent_exit_value(const std::string& text) {
    if (text.empty() || text == "None") {
        return true;
    }
    std::size_t digits_start = text.front() == '-' ? 1 : 0;
    if (digits_start == text.size()) {
        return false;
    }
    for (std::size_t index = digits_start; index < text.size(); ++index) {
        if (text[index] < '0' || text[index] > '9') {
            return false;
        }
    }
    return true;
}

void record_outcome(xipy_vm& handle, xipy_status status) {
    handle.last_status = status;
    handle.exception_type.clear();
    handle.exception_message.clear();
    handle.traceback.clear();
    handle.load_error.clear();
    handle.exit_report.clear();
    handle.exit_code = 0;
    if (status == XIPY_STEP_LIMIT) {
        handle.exception_type = handle.machine.exception_type_name();
        handle.exception_message = handle.machine.exception_message();
        handle.traceback = handle.machine.traceback_text();
        handle.exit_report = handle.traceback;
        handle.exit_code = exit_code_step_limit;
    } else if (status == XIPY_EXCEPTION) {
        handle.exception_type = handle.machine.exception_type_name();
        handle.exception_message = handle.machine.exception_message();
        handle.traceback = handle.machine.traceback_text();
        if (handle.exception_type == "SystemExit") {
            handle.exit_code = handle.machine.exit_code() & 0xff;
            if (!is_silent_exit_value(handle.exception_message)) {
                handle.exit_report = handle.exception_message + "\n";
            }
        } else {
            handle.exit_code = 1;
            handle.exit_report = handle.traceback;
        }
    } else if (status == XIPY_BAD_IMAGE) {
        handle.load_error = handle.machine.load_error();
        handle.exit_code = exit_code_bad_image;
    }
}

}  // namespace

}  // namespace xipy::api

extern "C" {

void xipy_config_init(xipy_config* config) {
    if (config == nullptr) {
        return;
    }
    *config = xipy_config{};
    config->heap_limit_bytes = xipy::api::default_heap_limit_bytes;
    config->max_depth = xipy::api::default_max_depth;
}

xipy_status xipy_vm_create(const xipy_config* config, xipy_vm** out) {
    if (out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    *out = nullptr;
    xipy_config defaults;
    xipy_config_init(&defaults);
    const xipy_config& chosen = config != nullptr ? *config : defaults;
    if (!xipy::api::config_is_valid(chosen)) {
        return XIPY_INVALID_ARGUMENT;
    }
    auto vm_config = xipy::api::make_vm_config(chosen);
    if (!vm_config) {
        return XIPY_INVALID_ARGUMENT;
    }
    xipy_vm* handle = new (std::nothrow) xipy_vm(std::move(*vm_config));
    if (handle == nullptr) {
        return XIPY_OUT_OF_MEMORY;
    }
    *out = handle;
    return XIPY_OK;
}

void xipy_vm_destroy(xipy_vm* vm) { delete vm; }

xipy_status xipy_vm_run_mpy(xipy_vm* vm, const uint8_t* data, size_t length) {
    if (vm == nullptr || (data == nullptr && length != 0)) {
        return XIPY_INVALID_ARGUMENT;
    }
    // An empty span still needs a valid pointer for the loader's bounds arithmetic.
    static constexpr std::uint8_t no_bytes[1] = {0};
    const std::uint8_t* start = data != nullptr ? data : no_bytes;
    xipy_status status = XIPY_OK;
    switch (vm->machine.run_image(std::span<const std::uint8_t>(start, length))) {
        case xipy::vm::RunStatus::ok:
            status = XIPY_OK;
            break;
        case xipy::vm::RunStatus::exception:
            status = XIPY_EXCEPTION;
            break;
        case xipy::vm::RunStatus::bad_image:
            status = XIPY_BAD_IMAGE;
            break;
        case xipy::vm::RunStatus::step_limit:
            status = XIPY_STEP_LIMIT;
            break;
    }
    xipy::api::record_outcome(*vm, status);
    return status;
}

const char* xipy_vm_exception_type(xipy_vm* vm) {
    return vm != nullptr ? vm->exception_type.c_str() : "";
}

const char* xipy_vm_exception_message(xipy_vm* vm) {
    return vm != nullptr ? vm->exception_message.c_str() : "";
}

const char* xipy_vm_traceback(xipy_vm* vm) { return vm != nullptr ? vm->traceback.c_str() : ""; }

const char* xipy_vm_load_error(xipy_vm* vm) { return vm != nullptr ? vm->load_error.c_str() : ""; }

const char* xipy_vm_exit_report(xipy_vm* vm) {
    return vm != nullptr ? vm->exit_report.c_str() : "";
}

int xipy_vm_exit_code(const xipy_vm* vm) {
    return vm != nullptr ? vm->exit_code : xipy::api::exit_code_bad_image;
}

void xipy_vm_interrupt(xipy_vm* vm) {
    if (vm != nullptr) {
        vm->machine.interrupt();
    }
}

xipy_status xipy_vm_heap_statistics(const xipy_vm* vm, xipy_heap_statistics* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    const xipy::vm::Vm::HeapStatistics statistics = vm->machine.heap_statistics();
    *out = xipy_heap_statistics{};
    out->bytes_in_use = statistics.bytes_in_use;
    out->peak_bytes_in_use = statistics.peak_bytes_in_use;
    out->limit_bytes = statistics.limit_bytes;
    out->stack_bytes = statistics.stack_bytes;
    out->bytes_allocated = statistics.bytes_allocated;
    out->allocations = statistics.allocations;
    out->collections = statistics.collections;
    return XIPY_OK;
}

const char* xipy_status_name(xipy_status status) {
    switch (status) {
        case XIPY_OK:
            return "OK";
        case XIPY_EXCEPTION:
            return "EXCEPTION";
        case XIPY_BAD_IMAGE:
            return "BAD_IMAGE";
        case XIPY_INVALID_ARGUMENT:
            return "INVALID_ARGUMENT";
        case XIPY_OUT_OF_MEMORY:
            return "OUT_OF_MEMORY";
        case XIPY_STEP_LIMIT:
            return "STEP_LIMIT";
        case XIPY_STATUS_WIDTH_:
            break;
    }
    return "UNKNOWN";
}

}  // extern "C"
