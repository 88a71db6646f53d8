// xipy::Vm: a header-only C++ wrapper that owns one VM of the C API in xipy/xipy.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xipy/xipy.h"

namespace xipy {

// How a Vm is set up; the defaults are those of xipy_config_init().
struct VmOptions {
    std::size_t heap_limit_bytes = default_config().heap_limit_bytes;
    std::uint32_t max_depth = default_config().max_depth;
    // Most steps (backward jumps and Python calls) one run may take; then the run ends with
    // XIPY_STEP_LIMIT (RunResult::step_limit()). 0 means no limit.
    std::uint64_t max_steps = default_config().max_steps;
    // Receive the program's stdout and stderr; an empty function means the C stdio stream.
    std::function<void(std::string_view)> on_stdout;
    std::function<void(std::string_view)> on_stderr;
    // sys.argv.
    std::vector<std::string> argv;
    // The one directory open() and the os file functions may reach (see
    // xipy_config.filesystem_root); empty: none. A root that is no directory leaves the Vm
    // invalid.
    std::string filesystem_root;
    // Whether the program may change files inside filesystem_root (see
    // xipy_config.allow_filesystem_write); false: the root is read-only.
    bool allow_filesystem_write = false;

    static xipy_config default_config() {
        xipy_config config;
        xipy_config_init(&config);
        return config;
    }
};

// What one run ended with. The strings are copies, so they outlive the next run.
struct RunResult {
    xipy_status status = XIPY_INVALID_ARGUMENT;
    std::string exception_type;     // e.g. "ValueError", after XIPY_EXCEPTION
    std::string exception_message;  // the text after "Type: ", after XIPY_EXCEPTION
    std::string traceback;          // MicroPython's traceback text, after XIPY_EXCEPTION
    std::string load_error;         // why the image was rejected, after XIPY_BAD_IMAGE
    std::string exit_report;        // what a command line prints at exit (xipy_vm_exit_report)
    int exit_code = 2;              // as xipy_vm_exit_code()

    bool ok() const { return status == XIPY_OK; }
    // The run used up VmOptions::max_steps; no except, finally or with body saw it.
    bool step_limit() const { return status == XIPY_STEP_LIMIT; }
};

// Owns one xipy_vm. Move-only; a moved-from Vm holds nothing and every run on it returns
// XIPY_INVALID_ARGUMENT, as does a Vm whose creation failed (see valid()).
//
// Invariant: when handle_ is not null, callbacks_ is not null and handle_'s output context
// points at *callbacks_, which stays at the same address however often the Vm moves.
class Vm {
  public:
    explicit Vm(VmOptions options = {}) : callbacks_(std::make_unique<Callbacks>()) {
        callbacks_->on_stdout = std::move(options.on_stdout);
        callbacks_->on_stderr = std::move(options.on_stderr);
        std::vector<const char*> argument_values;
        argument_values.reserve(options.argv.size());
        for (const std::string& argument : options.argv) {
            argument_values.push_back(argument.c_str());
        }
        xipy_config config;
        xipy_config_init(&config);
        config.heap_limit_bytes = options.heap_limit_bytes;
        config.max_depth = options.max_depth;
        config.max_steps = options.max_steps;
        config.output_context = callbacks_.get();
        config.filesystem_root = options.filesystem_root.c_str();
        config.allow_filesystem_write = options.allow_filesystem_write ? 1 : 0;
        if (callbacks_->on_stdout) {
            config.write_stdout = &Vm::forward_stdout;
        }
        if (callbacks_->on_stderr) {
            config.write_stderr = &Vm::forward_stderr;
        }
        config.argument_count = static_cast<int>(argument_values.size());
        config.argument_values = argument_values.data();
        creation_status_ = xipy_vm_create(&config, &handle_);
    }

    Vm(Vm&& other) noexcept
        : handle_(std::exchange(other.handle_, nullptr)),
          callbacks_(std::move(other.callbacks_)),
          creation_status_(other.creation_status_) {}

    Vm& operator=(Vm&& other) noexcept {
        if (this != &other) {
            xipy_vm_destroy(handle_);
            handle_ = std::exchange(other.handle_, nullptr);
            callbacks_ = std::move(other.callbacks_);
            creation_status_ = other.creation_status_;
        }
        return *this;
    }

    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    ~Vm() { xipy_vm_destroy(handle_); }

    // True when the VM was created and has not been moved from.
    bool valid() const { return handle_ != nullptr; }
    // Why creation failed, or XIPY_OK.
    xipy_status creation_status() const { return creation_status_; }

    // Runs an .mpy image; its bytes must outlive this Vm (see xipy_vm_run_mpy()).
    RunResult run(std::span<const std::uint8_t> mpy) {
        RunResult result;
        if (handle_ == nullptr) {
            return result;
        }
        result.status = xipy_vm_run_mpy(handle_, mpy.data(), mpy.size());
        result.exception_type = xipy_vm_exception_type(handle_);
        result.exception_message = xipy_vm_exception_message(handle_);
        result.traceback = xipy_vm_traceback(handle_);
        result.load_error = xipy_vm_load_error(handle_);
        result.exit_report = xipy_vm_exit_report(handle_);
        result.exit_code = xipy_vm_exit_code(handle_);
        return result;
    }

    // Makes the running program raise KeyboardInterrupt at its next loop iteration or call
    // (or the next run at its start). The one member that may be called from another thread
    // while run() runs, or from a signal handler, provided the Vm is not moved or destroyed
    // meanwhile. Does nothing on an invalid Vm.
    void interrupt() const { xipy_vm_interrupt(handle_); }

    // The underlying handle, for C API calls this wrapper does not cover.
    xipy_vm* handle() const { return handle_; }

  private:
    struct Callbacks {
        std::function<void(std::string_view)> on_stdout;
        std::function<void(std::string_view)> on_stderr;
    };

    static void forward_stdout(void* context, const char* data, std::size_t length) {
        static_cast<Callbacks*>(context)->on_stdout(std::string_view(data, length));
    }
    static void forward_stderr(void* context, const char* data, std::size_t length) {
        static_cast<Callbacks*>(context)->on_stderr(std::string_view(data, length));
    }

    xipy_vm* handle_ = nullptr;
    std::unique_ptr<Callbacks> callbacks_;
    xipy_status creation_status_ = XIPY_INVALID_ARGUMENT;
};

}  // namespace xipy
