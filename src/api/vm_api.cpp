// The C API of include/xipy/xipy.h, implemented over vm::Vm.
#include <cstdio>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/vm_state.hpp"
#include "modules/host_files.hpp"
#include "modules/standard_modules.hpp"
#include "modules/vfs.hpp"
#include "vm/vm.hpp"
#include "xipy/xipy.h"

namespace xipy::api {

namespace {

constexpr std::size_t default_heap_limit_bytes = std::size_t{8} * 1024 * 1024;
constexpr std::uint32_t default_max_depth = 1000;
constexpr int exit_code_bad_image = 2;
// Below this a fixed heap buffer cannot hold a VM's first objects.
constexpr std::size_t minimum_heap_buffer_bytes = 4096;
constexpr int exit_code_step_limit = 3;

#if XIPY_HOSTED
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
#else
// A bare-metal build has no stdio to fall back on (linking newlib's would cost about 6 KB of
// flash): output a host did not ask for goes nowhere.
void write_to_stdout(void*, const char*, std::size_t) {}
void write_to_stderr(void*, const char*, std::size_t) {}
#endif

bool config_is_valid(const xipy_config& config) {
    if (config.heap_limit_bytes == 0 || config.max_depth == 0 || config.argument_count < 0) {
        return false;
    }
    if (config.allow_network < XIPY_NETWORK_NONE || config.allow_network > XIPY_NETWORK_ANY) {
        return false;
    }
    if (config.module_count != 0 && config.modules == nullptr) {
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
        // Paths on sys.path resolve inside the granted folder, as open()'s do.
        result.mounts.emplace_back("",
                                   modules::make_host_folder_source(result.host.filesystem_root));
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
    result.side_tables = config.side_tables != 0;
    result.max_steps = config.max_steps;
    result.host.filesystem_writable = config.allow_filesystem_write != 0;
    result.host.clock = config.allow_clock != 0;
    result.host.environment = config.allow_environment != 0;
    result.host.threads = config.allow_threads != 0;
    result.host.network = static_cast<vm::HostServices::Network>(config.allow_network);
    result.host.read_stdin = config.read_stdin;  // builtins: input()
    result.host.stdin_context = config.stdin_context;
    for (int index = 0; index < config.argument_count; ++index) {
        result.argv.emplace_back(config.argument_values[index]);
    }
    return result;
}

// True when a SystemExit value whose str() is `text` ends the program without a word: no
// value, None, or an integer (whose code is the exit status).
bool is_silent_exit_value(std::string_view text) {
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
    // Emptied and given back, so the last outcome's texts do not stay on the VM's heap.
    for (xipy::support::SourceString* text :
         {&handle.exception_type, &handle.exception_message, &handle.traceback, &handle.load_error,
          &handle.exit_report}) {
        text->clear();
        text->shrink_to_fit();
    }
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

vm::VmConfig with_embedder(vm::VmConfig config, xipy_vm* handle) {
    config.host.embedder = handle;
    return config;
}

}  // namespace

// Records a run's outcome on the handle and returns its status.
xipy_status report_run(xipy_vm& handle, vm::RunStatus outcome) {
    xipy_status status = XIPY_OK;
    switch (outcome) {
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
    record_outcome(handle, status);
    return status;
}

}  // namespace xipy::api

xipy_vm::xipy_vm(xipy::vm::VmConfig config, const xipy_config& host_config)
    : machine(xipy::api::with_embedder(std::move(config), this)),
      handles(machine.runtime().scratch_memory()),
      user_data(host_config.user_data),
      abort_on_handle_misuse(host_config.abort_on_handle_misuse != 0) {
    exception_root_.owner = this;
    const xipy::support::SourceAllocator<char> heap_text(&machine.text_memory());
    for (xipy::support::SourceString* text :
         {&exception_type, &exception_message, &traceback, &load_error, &exit_report}) {
        *text = xipy::support::SourceString(heap_text);
    }
    runtime().heap().add_root_provider(&handles);
    runtime().heap().add_root_provider(&exception_root_);
}

xipy_vm::~xipy_vm() {
    runtime().heap().remove_root_provider(&exception_root_);
    runtime().heap().remove_root_provider(&handles);
}

void xipy_vm::ExceptionRoot::trace_roots(xipy::gc::Tracer& tracer) {
    if (owner->exception.is_object()) {
        tracer.mark(owner->exception.as_object());
    }
}

extern "C" {

void xipy_config_init(xipy_config* config) {
    if (config == nullptr) {
        return;
    }
    *config = xipy_config{};
    config->heap_limit_bytes = xipy::api::default_heap_limit_bytes;
    config->max_depth = xipy::api::default_max_depth;
    config->side_tables = 1;
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
    // Over a fixed buffer the handle takes the buffer's first bytes and the VM the rest, so
    // creating it calls no malloc for it.
    void* place = nullptr;
    if (vm_config->heap_buffer != nullptr) {
        void* start = vm_config->heap_buffer;
        std::size_t space = vm_config->heap_buffer_bytes;
        place = std::align(alignof(xipy_vm), sizeof(xipy_vm), start, space);
        if (place == nullptr || space - sizeof(xipy_vm) < xipy::api::minimum_heap_buffer_bytes) {
            return XIPY_INVALID_ARGUMENT;
        }
        vm_config->heap_buffer = static_cast<char*>(place) + sizeof(xipy_vm);
        vm_config->heap_buffer_bytes = space - sizeof(xipy_vm);
    }
    xipy_vm* handle = place != nullptr ? new (place) xipy_vm(std::move(*vm_config), chosen)
                                       : new (std::nothrow) xipy_vm(std::move(*vm_config), chosen);
    if (handle == nullptr) {
        return XIPY_OUT_OF_MEMORY;
    }
    handle->in_host_buffer = place != nullptr;
    if (!handle->machine.ready()) {
        xipy_vm_destroy(handle);
        return XIPY_OUT_OF_MEMORY;
    }
    for (size_t index = 0; index < chosen.module_count; ++index) {
        if (!xipy::api::add_host_module(*handle, chosen.modules[index])) {
            xipy_vm_destroy(handle);
            return XIPY_INVALID_ARGUMENT;
        }
    }
    *out = handle;
    return XIPY_OK;
}

void xipy_vm_destroy(xipy_vm* vm) {
    if (vm != nullptr && vm->in_host_buffer) {
        vm->~xipy_vm();
    } else {
        delete vm;
    }
}

xipy_status xipy_vm_run_mpy_file(xipy_vm* vm, const uint8_t* data, size_t length,
                                 const char* file_name) {
    if (vm == nullptr || (data == nullptr && length != 0)) {
        return XIPY_INVALID_ARGUMENT;
    }
    // A run resets the VM's root stack when it ends, which native code still running below
    // it would not survive.
    if (vm->runtime().depth() != 0) {
        return XIPY_INVALID_ARGUMENT;
    }
    // An empty span still needs a valid pointer for the loader's bounds arithmetic.
    static constexpr std::uint8_t no_bytes[1] = {0};
    const std::uint8_t* start = data != nullptr ? data : no_bytes;
    return xipy::api::report_run(*vm,
                                 vm->machine.run_image(std::span<const std::uint8_t>(start, length),
                                                       file_name != nullptr ? file_name : ""));
}

xipy_status xipy_vm_run_mpy(xipy_vm* vm, const uint8_t* data, size_t length) {
    return xipy_vm_run_mpy_file(vm, data, length, nullptr);
}

xipy_status xipy_vm_run_source(xipy_vm* vm, const char* source, size_t length,
                               const char* source_name, int kind) {
    if (vm == nullptr || (source == nullptr && length != 0) || source_name == nullptr ||
        kind < XIPY_SOURCE_FILE || kind > XIPY_SOURCE_EXPRESSION) {
        return XIPY_INVALID_ARGUMENT;
    }
    if (vm->runtime().depth() != 0) {
        return XIPY_INVALID_ARGUMENT;
    }
    const xipy::vm::SourceKind source_kind =
        kind == XIPY_SOURCE_STATEMENT    ? xipy::vm::SourceKind::single
        : kind == XIPY_SOURCE_EXPRESSION ? xipy::vm::SourceKind::eval
                                         : xipy::vm::SourceKind::file;
    const std::string_view text = source != nullptr ? std::string_view(source, length) : "";
    return xipy::api::report_run(
        *vm, vm->machine.run_source(text, source_name, source_kind, kind != XIPY_SOURCE_STATEMENT));
}

xipy_status xipy_vm_run_module(xipy_vm* vm, const char* name) {
    if (vm == nullptr || name == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    return xipy::api::report_run(*vm, vm->machine.run_module(name));
}

xipy_status xipy_vm_run_module_image(xipy_vm* vm, const char* name, const uint8_t* data,
                                     size_t length, xipy_value* out) {
    if (vm == nullptr || name == nullptr || (data == nullptr && length != 0)) {
        return XIPY_INVALID_ARGUMENT;
    }
    if (out != nullptr && !vm->handles.has_open_scope()) {
        xipy::api::report_misuse(*vm, "xipy_vm_run_module_image", "no open scope for the result");
        return XIPY_INVALID_ARGUMENT;
    }
    static constexpr std::uint8_t no_bytes[1] = {0};
    const std::uint8_t* start = data != nullptr ? data : no_bytes;
    xipy::object::Runtime& runtime = vm->runtime();
    std::size_t mark = runtime.temporaries_mark();
    vm->machine.restart_step_budget();
    xipy::object::Value module;
    xipy::vm::RunStatus status =
        vm->machine.run_module_image(std::span<const std::uint8_t>(start, length), name, module);
    xipy_status result = XIPY_OK;
    if (status == xipy::vm::RunStatus::bad_image) {
        vm->load_error = vm->machine.load_error();
        result = XIPY_BAD_IMAGE;
    } else if (status != xipy::vm::RunStatus::ok) {
        xipy::api::capture_exception(*vm);
        result = status == xipy::vm::RunStatus::step_limit ? XIPY_STEP_LIMIT : XIPY_EXCEPTION;
    } else if (out != nullptr) {
        *out = vm->handles.add(module);
    }
    runtime.release_temporaries(mark);
    return result;
}

void* xipy_vm_user_data(const xipy_vm* vm) { return vm != nullptr ? vm->user_data : nullptr; }

void xipy_vm_set_user_data(xipy_vm* vm, void* user_data) {
    if (vm != nullptr) {
        vm->user_data = user_data;
    }
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

xipy_status xipy_vm_add_frozen_modules(xipy_vm* vm, const xipy_frozen_module* modules,
                                       size_t count) {
    if (vm == nullptr || (modules == nullptr && count != 0)) {
        return XIPY_INVALID_ARGUMENT;
    }
    std::vector<xipy::vm::FrozenModule> table;
    for (size_t index = 0; index < count; ++index) {
        if (modules[index].path == nullptr || modules[index].data == nullptr) {
            return XIPY_INVALID_ARGUMENT;
        }
        table.push_back({modules[index].path, {modules[index].data, modules[index].length}});
    }
    if (!vm->machine.mount(xipy::vm::frozen_path_entry, xipy::vm::make_frozen_source(table))) {
        return XIPY_INVALID_ARGUMENT;
    }
    return vm->machine.add_module_path(xipy::vm::frozen_path_entry) ? XIPY_OK : XIPY_OUT_OF_MEMORY;
}

xipy_status xipy_vm_mount_romfs(xipy_vm* vm, const uint8_t* data, size_t length,
                                const char* mount_point) {
    if (vm == nullptr || data == nullptr || mount_point == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    std::string error;
    auto source = xipy::modules::make_romfs_source({data, length}, error);
    if (source == nullptr) {
        xipy::api::record_outcome(*vm, XIPY_OK);
        vm->load_error = error;
        vm->last_status = XIPY_BAD_IMAGE;
        return XIPY_BAD_IMAGE;
    }
    if (!vm->machine.mount(mount_point, std::move(source))) {
        return XIPY_INVALID_ARGUMENT;
    }
    if (xipy::vm::normalize_path(mount_point) == "rom" &&
        (!vm->machine.add_module_path("/rom") || !vm->machine.add_module_path("/rom/lib"))) {
        return XIPY_OUT_OF_MEMORY;
    }
    return XIPY_OK;
}

xipy_status xipy_vm_add_module_folder(xipy_vm* vm, const char* directory) {
    if (vm == nullptr || directory == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    auto folder = xipy::vm::canonical_filesystem_root(*directory == '\0' ? "." : directory);
    if (!folder) {
        return XIPY_INVALID_ARGUMENT;
    }
    // A folder spelled "" or "." is the current one, which the granted filesystem (mounted at
    // "") may already answer for; a mount there then changes nothing.
    vm->machine.mount(directory, xipy::modules::make_host_folder_source(std::move(*folder)));
    return vm->machine.add_module_path(directory) ? XIPY_OK : XIPY_OUT_OF_MEMORY;
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

xipy_status xipy_vm_side_table_statistics(const xipy_vm* vm, xipy_side_table_statistics* out) {
    if (vm == nullptr || out == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    const xipy::vm::Vm::SideTableStatistics statistics = vm->machine.side_table_statistics();
    *out = xipy_side_table_statistics{};
    out->name_cache_bytes = statistics.name_cache_bytes;
    out->name_caches = statistics.name_caches;
    out->class_lookup_bytes = statistics.class_lookup_bytes;
    out->spare_page_bytes = statistics.spare_page_bytes;
    out->peak_spare_page_bytes = statistics.peak_spare_page_bytes;
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
