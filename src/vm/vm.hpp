// Vm: one isolated Python virtual machine that runs .mpy images from memory.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gc/heap.hpp"
#include "support/source_allocator.hpp"
#include "vm/host_services.hpp"
#include "vm/module_definition.hpp"
#include "vm/module_source.hpp"

namespace xipy::vm {

class Interpreter;

// Host output: called with UTF-8 bytes, not NUL-terminated.
using WriteFunction = void (*)(void* context, const char* data, std::size_t length);

struct VmConfig {
    std::size_t heap_limit_bytes = 8 * 1024 * 1024;
    // Where the heap (objects and the interpreter's stacks) takes memory from; null: calloc and
    // free. See gc::ReallocateFunction.
    gc::ReallocateFunction reallocate = nullptr;
    void* allocator_context = nullptr;
    // Fixed-buffer mode, for firmware: when not null, every object and stack chunk comes from
    // these heap_buffer_bytes (gc::FixedBufferAllocator, which keeps its own state at the
    // buffer's start) and `reallocate` is ignored. The buffer must outlive the Vm.
    void* heap_buffer = nullptr;
    std::size_t heap_buffer_bytes = 0;
    std::uint32_t max_depth = 1000;        // Python call depth -> RuntimeError
    WriteFunction write_stdout = nullptr;  // null: output discarded
    WriteFunction write_stderr = nullptr;
    void* output_context = nullptr;
    std::vector<std::string> argv;  // sys.argv
    // Testing aid: collect garbage before every allocation (slow).
    bool collect_on_every_allocation = false;
    // Back-edges plus calls one run_image() may execute; 0: no limit. When spent, the program
    // stops with an exception no handler sees, and run_image() returns step_limit.
    std::uint64_t max_steps = 0;
    HostServices host;  // nothing granted by default
    // The builtins namespace and the modules `import` finds; all constant data that must
    // outlive the Vm. Empty by default: the api layer passes the standard modules
    // (modules::standard_modules()).
    ModuleRegistry modules;
    // Module sources mounted from the start, each at its point (vm/module_source.hpp): the api
    // layer mounts the granted filesystem at "" so sys.path entries resolve inside it.
    std::vector<std::pair<std::string, std::shared_ptr<ModuleSource>>> mounts;
    // object::RuntimeConfig::side_tables: false saves their RAM and costs speed.
    bool side_tables = true;
};

// bad_image: the file failed to load or to verify, and nothing of it ran.
enum class RunStatus { ok, exception, bad_image, step_limit };

// How a Vm gives back its interpreter: over a fixed buffer the interpreter lives in the buffer
// itself (see Vm::Vm), so it is only destroyed there, not deleted.
struct InterpreterRelease {
    bool in_buffer = false;
    void operator()(Interpreter* interpreter) const;
};

// A VM owns its heap, interned strings, modules and stacks; nothing is
// shared with other VMs except constant data, so VMs may run on different
// threads at the same time.
class Vm {
  public:
    explicit Vm(VmConfig config);
    ~Vm();
    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    // Loads and runs an .mpy as the __main__ module. The bytes must stay
    // alive and unchanged until the Vm is destroyed (functions defined by
    // the module keep pointing into them). __file__ is `file_path` when one is given (the path
    // the image was read from), else the source name compiled into the image.
    RunStatus run_image(std::span<const std::uint8_t> mpy, std::string_view file_path = {});
    // Finds the module `name` on sys.path and runs it as __main__, as `micropython -m` does;
    // a module that is not found is an ImportError (RunStatus::exception).
    RunStatus run_module(std::string_view name);

    // Compiles Python source with the VM's compiler (ModuleRegistry::compiler) and runs it in
    // __main__'s globals, as the unix port runs a file, -c CODE or a REPL statement; a source
    // that does not compile ends in RunStatus::exception (SyntaxError, ...) like a raise. The
    // compiled image lives on the VM's heap. Source of kind `file` sets __file__ to `name`, as
    // the unix port does for a file, -c and piped input. With `program_ends` false (a REPL
    // statement, more to come) the function sys.atexit registered does not run yet.
    RunStatus run_source(std::string_view source, std::string_view name, SourceKind kind,
                         bool program_ends = true);

    // Loads and runs an .mpy as the module `name` (its own globals) and stores the module in
    // sys.modules, so `import name` finds it; `module` receives it. After
    // RunStatus::exception the exception stays pending on runtime(), for the caller to take.
    // The bytes must outlive the Vm, as for run_image().
    RunStatus run_module_image(std::span<const std::uint8_t> mpy, std::string_view name,
                               object::Value& module);

    // After RunStatus::exception (the traceback has NOT been written
    // anywhere; the caller prints it):
    // The texts stay valid until the next run begins. They live in the VM's heap when it has
    // room (a fixed-buffer VM reports an uncaught exception without malloc).
    std::string_view exception_type_name() const;  // e.g. "ValueError"
    std::string_view exception_message() const;    // str(exception), e.g. "bad value"
    // Exactly what MicroPython prints for an uncaught exception.
    std::string_view traceback_text() const;
    // The heap as a MemorySource, for texts a host keeps beside these (the C API's).
    support::MemorySource& text_memory();
    // After an uncaught SystemExit (exception_type_name() == "SystemExit"),
    // the process exit status as the unix port computes it: 0 for None or
    // no argument, the int argument itself, else 1 (and run_image has then
    // written the argument to stderr, as the unix port does). No traceback
    // is printed for SystemExit.
    int exit_code() const;

    // After RunStatus::bad_image: the loader's or the verifier's error, e.g.
    // "incompatible .mpy file: version 5 at offset 1" or
    // "invalid .mpy: jump into the middle of an instruction at f+12".
    std::string load_error() const;

    // Makes the running program raise KeyboardInterrupt at its next back-edge or call (or the
    // next run's first). Async-signal-safe, and callable from any thread while the VM runs.
    void interrupt();

    // The VM's runtime, for the embedding API: values, calls and modules between runs.
    object::Runtime& runtime();
    // Starts a new step budget of VmConfig::max_steps, as each run does; the embedding API
    // calls it before each call from the host into Python.
    void restart_step_budget();

    // ---- where imports look (vm/module_source.hpp)
    // Mounts `source` at `point`; false when the point is taken.
    bool mount(std::string_view point, std::shared_ptr<ModuleSource> source);
    // The bytes of every image this VM has loaded, in load order. Imported code runs where
    // these lie; tests check with it that nothing was copied.
    std::vector<std::span<const std::uint8_t>> loaded_images() const;
    // Appends `entry` to sys.path (at the front with `first`); false when out of memory.
    bool add_module_path(std::string_view entry, bool first = false);

#ifdef XIPY_OPCODE_COUNTS
    // How many times each opcode byte was executed by this VM. Only in builds with the CMake
    // option XIPY_OPCODE_COUNTS, since counting costs every instruction an increment.
    std::array<std::uint64_t, 256> opcode_counts() const;
#endif

    // The heap's lifetime counters, for tests of the allocation and GC guarantees.
    struct HeapStatistics {
        std::uint64_t allocations = 0;  // objects ever allocated on this VM's heap
        std::uint64_t collections = 0;  // garbage collections run
        std::size_t bytes_in_use = 0;   // bytes held by live (or not yet swept) objects
        // Bytes taken from the allocator: bytes_in_use plus the free blocks of the heap's pages.
        std::size_t bytes_reserved = 0;
        // The most values the root stack has held at once (object/roots.hpp): native loops
        // keep it small however many items they visit.
        std::size_t root_stack_capacity = 0;
        std::size_t peak_bytes_in_use = 0;  // the most bytes_in_use has been
        std::uint64_t bytes_allocated = 0;  // bytes ever allocated
        std::size_t limit_bytes = 0;        // VmConfig::heap_limit_bytes
        // Bytes of bytes_in_use held by the frame, value and handler stacks.
        std::size_t stack_bytes = 0;
    };
    HeapStatistics heap_statistics() const;
    // The memory of the side tables that only make the VM faster (VmConfig::side_tables), all
    // of it inside the heap's figures above.
    struct SideTableStatistics {
        // Every loaded module's per-name inline caches: slot numbers and the caches made.
        std::size_t name_cache_bytes = 0;
        std::size_t name_caches = 0;
        std::size_t class_lookup_bytes = 0;  // the class lookup table, once made
        // Empty heap pages kept for reuse: now, and the most there were.
        std::size_t spare_page_bytes = 0;
        std::size_t peak_spare_page_bytes = 0;
    };
    SideTableStatistics side_table_statistics() const;
    // False when the heap could not hold the builtins namespace (a fixed buffer too small for
    // the process's first VM, which builds the table the others share): it must not run.
    bool ready() const;
    // Runs a full collection now (gc.collect()), so heap_statistics() shows only live bytes.
    void collect_garbage();

  private:
    // Reports a run's outcome: `globals` empty when the program raised.
    // Forgets the last run's outcome and restarts the step budget: how every run begins.
    void begin_run();
    RunStatus finish_run(object::Value globals, bool program_ends = true);

    std::unique_ptr<Interpreter, InterpreterRelease> interpreter_;
    std::string load_error_;
    std::uint64_t max_steps_ = 0;
    support::SourceString exception_type_name_;
    support::SourceString exception_message_;
    support::SourceString traceback_text_;
    int exit_code_ = 0;
};

}  // namespace xipy::vm
