// Interpreter: the Runtime of one VM plus its frames, stacks and bytecode loop.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "image/image.hpp"
#include "object/heap_memory.hpp"
#include "object/runtime.hpp"
#include "support/inline.hpp"
#include "support/scratch_allocator.hpp"
#include "vm/frame.hpp"
#include "vm/function_object.hpp"
#include "vm/generator_object.hpp"
#include "vm/host_services.hpp"
#include "vm/module_context.hpp"
#include "vm/module_definition.hpp"
#include "vm/module_source.hpp"
#include "vm/segmented_stack.hpp"

namespace xipy::vm {

#if XIPY_THREADS
class ThreadSystem;
#endif

// How a run of the loop ended.
enum class ExitKind : std::uint8_t { returned, yielded, raised };

struct ExecutionResult {
    ExitKind kind;
    object::Value value;  // the return or yielded value; empty when raised
};

// How the general path of a CALL_* instruction left the loop's state.
enum class CallOutcome : std::uint8_t {
    raised,        // an exception is pending
    pushed_frame,  // a Python function's frame is now the innermost: the loop continues in it
    returned,      // a native callable returned; its result replaced the callable's slot
};

// Why an image was refused, for a person: the verifier's messages already name the code and
// offset ("invalid .mpy: ..."); the loader's get the offset appended.
std::string load_error_text(const support::Error& error);

// Invariants: frames_ is the chain of active Python frames, innermost last;
// each frame's state lives either in values_ (its guard slots and state_count slots, pushed
// after stack_base) or in its generator object; handlers likewise in handlers_ (after
// handler_base) or the generator. The three stacks start empty and grow in chunks that never
// move (vm/segmented_stack.hpp), so pointers into them stay valid while they grow. Every
// ModuleContext in contexts_ stays alive until the interpreter is destroyed, except transient
// ones (exec/eval code) released once nothing can run them.
class Interpreter : public object::Runtime {
  public:
    Interpreter(const object::RuntimeConfig& config, std::vector<std::string> argv,
                const ModuleRegistry& modules);
    ~Interpreter() override;

    // Loads `bytes` (which must outlive the VM) and verifies its outer code, with every table
    // and all working memory taken from this VM's heap, so it counts against its limit; a
    // refusal is an error of kind memory_error. What run_module() takes. The image's functions
    // are verified when first called (verify_function()), so unreached code costs nothing.
    support::Result<image::Image> load_image(std::span<const std::uint8_t> bytes);
    // Verifies the code of `function` unless its context has already (ModuleContext::
    // verified_codes), and marks the function verified; false with ValueError ("invalid .mpy:
    // ...", the file's fault) or MemoryError pending. Every path that starts a frame calls it
    // while function->is_verified() is false, before reading more than the code's prelude.
    bool verify_function(FunctionObject* function);
    // A load_image() failure as the Python exception an import raises: MemoryError when the
    // heap could not hold the image's tables (the image may be fine), else ValueError with
    // load_error_text().
    object::Raised raise_load_error(const support::Error& error);

    // Loads an image as the module `module_name`, runs its outer code and
    // returns the module's globals (empty when it raised).
    // __main__'s globals, made when no run made them yet (vm::main_globals()).
    object::Value main_globals();
    object::Result<object::Value> run_module(image::Image image, std::uint32_t module_name,
                                             SourceFile source = SourceFile{});
    // Finds the module `name` on sys.path (as `micropython -m` does) and runs it as __main__;
    // its globals, or empty when it raised or was not found (vm/importer.cpp).
    object::Result<object::Value> run_main_module(std::string_view name);
    // Runs an image as __main__ with __file__ set to `file_path`, the path it was read from,
    // as `micropython FILE` and `micropython -m NAME` set it (not the source name compiled
    // into the image, which tracebacks still show).
    object::Result<object::Value> run_main_image(image::Image image, std::string_view file_path,
                                                 SourceFile source = SourceFile{});
    // Runs an image's outer code in `globals` (setting __file__ from the image when
    // `set_file`); the context keeps `source`'s owners alive. Returns globals, or empty.
    object::Result<object::Value> execute_image(image::Image image, object::Value globals,
                                                SourceFile source, bool set_file);
    // The first half of execute_image(): a context for `image` (its names interned), owned by
    // the VM from now on; null with MemoryError pending.
    ModuleContext* make_context(image::Image image, SourceFile source, bool transient = false);
    // Frees a transient context (vm::release_code()).
    void release_context(ModuleContext* context);
    // The second half: runs the context's outer code in `globals` (now the context's) with
    // `locals` for its module-level names; what the code returns, or empty when it raised.
    object::Result<object::Value> run_context(ModuleContext* context, object::Value globals,
                                              object::Value locals);
    // Compiles `source` with the registry's compiler and runs it in `globals` and `locals`
    // (vm/module_loading.cpp): what the code returns, or empty when it did not compile or raised.
    object::Result<object::Value> run_source(std::string_view source, std::string_view name,
                                             SourceKind kind, object::Value globals,
                                             object::Value locals);

    // Calls a Python function from native code (this and resume(): vm/call.cpp).
    object::Result<object::Value> call_function(object::Value function, object::Arguments arguments,
                                                object::Value locals = object::Value::empty());
    // Resumes a generator with a value sent in or an exception thrown in.
    ExecutionResult resume(GeneratorObject* generator, object::Value send_value,
                           object::Value throw_value);
    // The outcome resume() left for the YIELD_FROM it is about to run again (see
    // resume_delegate()), taken once; nothing when that YIELD_FROM must delegate itself.
    std::optional<ExecutionResult> take_delegated() { return std::exchange(delegated_, {}); }

    // ---- the import system (vm/importer.cpp)
    // `import name` as __import__(name, globals, None, fromlist, level) does: the top package,
    // or with a fromlist the named module itself. `globals` (of the importing module, or
    // empty) anchors a relative import (level > 0).
    object::Result<object::Value> import(std::string_view name, object::Value globals,
                                         bool has_fromlist, std::int64_t level);
    // The module named `name` (a str), dotted names included.
    object::Result<object::Value> import_module(object::Value name) override;
    InterningOrder interning_order(std::uint32_t id) const override;
    void intern_image_names() override;
    // A built-in module of the registry (module_loading.cpp), or empty with no exception;
    // `lookup` limits it to the fixed or the extensible modules (ModuleDefinition::extensible).
    object::Value find_builtin_module(std::uint32_t id, BuiltinLookup lookup = BuiltinLookup::any);
    // The registry's built-in module `id` if this VM has made it already; empty otherwise
    // (nothing is made, nothing raised).
    object::Value instantiated_builtin_module(std::uint32_t id) const;
    // The list `import` searches: sys.path once the sys module exists, else the list it will
    // start as. Empty, with no exception pending, when sys.path is no list.
    object::Value current_module_path();
    // The registry's frozen module `name` (a top-level name), loaded; empty without an
    // exception when the registry has none of that name.
    object::Value find_runtime_module(std::uint32_t name, std::string_view component);
    // Where files live: each source is mounted at a path (normalize_path form); the longest
    // mount point that holds a path answers for it, "" answering for every path. The table
    // and its points live in the VM's scratch memory (the mounts die with the interpreter,
    // before its heap), so the first import of a runtime module calls no malloc.
    struct Mount {
        support::ScratchString point;
        std::shared_ptr<ModuleSource> source;
        object::Value object;  // the Python object mounted (vfs.VfsRom), kept alive; or empty
    };
    // False (nothing changed) when `point` is taken.
    bool mount(std::string_view point, std::shared_ptr<ModuleSource> source, object::Value object);
    bool unmount(std::string_view point);
    // The mount holding `path` and the path inside it, or null.
    const Mount* find_mount(std::string_view path, support::ScratchString& inside) const;
    using MountTable = std::vector<Mount, support::SourceAllocator<Mount>>;
    const MountTable& mounts() const { return mounts_; }
    // Every image loaded so far, in load order.
    const ContextList& contexts() const { return contexts_; }
    PathKind stat_path(std::string_view path);
    object::Status charge_native_work(std::uint64_t cost) override;
    void count_native_work(std::uint64_t cost) override {
        steps_ = cost > UINT64_MAX - steps_ ? UINT64_MAX : steps_ + cost;
    }
    void trace_roots(gc::Tracer& tracer) override;

    // The innermost Python frame, or null.
    Frame* current_frame() { return frames_.empty() ? nullptr : &frames_.back(); }
    // Bytes the frame, value and handler stacks hold (they count against the heap limit).
    std::size_t stack_bytes() const {
        return frames_.bytes() + values_.bytes() + handlers_.bytes();
    }
    // The exception the innermost except or finally body that is running handles (in this
    // frame or a caller's), or empty: sys.exc_info().
    object::Value handled_exception() const;
    object::Value exit_function() const { return exit_function_; }
    void set_exit_function(object::Value function) { exit_function_ = function; }
#ifdef XIPY_OPCODE_COUNTS
    const std::array<std::uint64_t, 256>& opcode_counts() const { return opcode_counts_; }
#endif

    // Fills a frame's locals from call arguments, as MicroPython's
    // mp_setup_code_state does (the closure's cells come first). In vm/call.cpp.
    object::Status bind_arguments(FunctionObject* function, object::Value* state,
                                  object::Arguments arguments);

    // sys.argv as the host gave it.
    const std::vector<std::string>& argv() const { return argv_; }
    // The module definitions this VM was created with; module_loading.cpp imports them.
    const ModuleRegistry& module_registry() const { return module_registry_; }
    // This VM's instance of a built-in module: its object and its state cell, empty until the
    // first import. One per entry of module_registry().modules, in the same order.
    struct ModuleInstance {
        object::Value module;
        object::Value state;
    };
    // One per registered module, in the VM's heap (scratch memory, which never collects while
    // the table grows), so making a VM over a fixed buffer calls no malloc for it.
    using ModuleInstanceTable =
        std::vector<ModuleInstance, support::SourceAllocator<ModuleInstance>>;
    // False when the heap was too small for the builtins namespace: such a VM must not run.
    bool ready() const { return ready_; }
    ModuleInstanceTable& module_instances() { return module_instances_; }
    // The definitions a host added after creation (vm::add_module()); their instances follow
    // the registry's in module_instances(), in the same order.
    std::span<const ModuleDefinition* const> added_modules() const { return added_modules_; }
    void add_module(const ModuleDefinition& definition) {
        added_modules_.push_back(&definition);
        module_instances_.emplace_back();
    }

    // ---- host limits and services (untrusted code)
    // What the host lets Python reach; modules check it before touching the host.
    const HostServices& host_services() const { return host_services_; }
    void set_host_services(const HostServices& services) { host_services_ = services; }
    // Steps (back-edges and calls) a run may take; 0 means no limit. Resets the count.
    void set_step_limit(std::uint64_t limit);
    // True after a run was stopped by the step budget (until the next set_step_limit()).
    bool step_budget_exhausted() const { return step_budget_exhausted_; }
    // Asks the running code to raise KeyboardInterrupt at its next back-edge or call. Safe
    // from another thread or a signal handler: it only stores to lock-free atomics.
    void request_interrupt() {
        keyboard_interrupt_.store(true, std::memory_order_relaxed);
        interrupt_requested_.store(true, std::memory_order_release);
    }
    // Raises the poll flag without an interrupt: the next poll calls ThreadSystem::attend().
    void request_attention() { interrupt_requested_.store(true, std::memory_order_release); }
    bool keyboard_interrupt_pending() const {
        return keyboard_interrupt_.load(std::memory_order_relaxed);
    }
    void clear_keyboard_interrupt() { keyboard_interrupt_.store(false, std::memory_order_relaxed); }
    // Makes the exception the running thread raises next uncatchable, as the step budget's stop.
    void stop_running_thread() { step_budget_exhausted_ = true; }

    // ---- the threads of the program (vm/threads.hpp)
    // One thread's execution state while another thread runs: the running thread's is the
    // interpreter's own, and swap_thread_state() exchanges the two on a switch.
    struct ThreadState {
        explicit ThreadState(gc::Heap& heap) : frames(heap), values(heap), handlers(heap) {}
        ItemStack<Frame, 8> frames;
        SegmentedStack<object::Value, 64> values;
        SegmentedStack<ExceptionHandler, 4> handlers;
        object::Value inject;
        bool stopped = false;               // step_budget_exhausted_
        std::uint32_t heap_lock_depth = 0;  // micropython.heap_lock() of this thread
        object::Runtime::ThreadState runtime;
    };
    // Both in vm/threads.cpp.
    void swap_thread_state(ThreadState& other);
    // Marks what a saved state refers to (the running one's is traced by trace_roots()).
    static void trace_thread_state(const ThreadState& state, gc::Tracer& tracer);
#if XIPY_THREADS
    // The program's threads: null until the first _thread.start_new_thread().
    ThreadSystem* threads() { return threads_.get(); }
    // Makes them on the first call; null with nothing pending when the heap is full.
    ThreadSystem* make_threads();
#endif
    // Counts one step and polls the interrupt flag; false with an exception pending when the
    // budget is spent (an uncatchable RuntimeError) or an interrupt arrived.
    XIPY_ALWAYS_INLINE object::Status charge_step() {
        ++steps_;
        if (steps_ > step_limit_ || interrupt_requested_.load(std::memory_order_relaxed)) {
            return stop_or_interrupt();
        }
        return true;
    }

    // ---- micropython.schedule: callbacks run at the next backward jump (vm/interpreter.cpp)
    static constexpr std::uint32_t schedule_depth = 4;  // the reference's queue length
    // Queues function(argument); false (nothing queued) when the queue is full.
    bool schedule(object::Value function, object::Value argument);
    // Runs the queued callbacks unless one is running already. A callback's exception is
    // printed as an uncaught one and the program goes on, as in the reference; false only
    // for SystemExit and KeyboardInterrupt, which stay pending.
    object::Status run_scheduled();
    bool has_scheduled() const { return scheduled_count_ > 0 && !running_scheduled_; }

  private:
    static void trace_frames(const ItemStack<Frame, 8>& frames, gc::Tracer& tracer);
    object::Result<object::Value> load_module_file(std::uint32_t name,
                                                   const support::ScratchString& file_path,
                                                   const support::ScratchString* package_path);
    object::Value find_in_directory(std::uint32_t full_name, std::string_view component,
                                    std::string_view directory);
    support::ScratchVector<support::ScratchString> module_search_path();
    object::Value make_str_value(std::string_view text);
    // A .py file's source compiled with the registry's compiler into an image whose bytes lie
    // in a heap object (the result's owner); an empty owner when it raised.
    SourceFile compile_file(const support::ScratchString& file_path, const SourceFile& file);

    // ---- the loop (vm/interpreter.cpp), with the frame operations of its fast paths
    ExecutionResult run();
    // The fast path of push_frame for a call with only positional arguments that
    // binds_directly() accepts: `first` (when not empty) then values[0, count) become the
    // locals after the closure's cells. Same step, depth and stack checks; false if it raised.
    object::Status push_direct_frame(object::Value function, object::Value first,
                                     const object::Value* values, std::uint32_t count);
    // A CALL_* instruction (opcode, its operand at `instruction`) on the stack at `top` of
    // `frame`, the innermost: the fast path for find_direct_call(), else call_from_stack().
    // Moves `instruction` past the operand and `top` to the callable's slot, which the result
    // replaces (unless a frame was pushed).
    CallOutcome call_instruction(Frame& frame, std::uint8_t opcode,
                                 const std::uint8_t*& instruction, object::Value*& top);
    void pop_frame();
    // Pops the innermost frame as it returns or raises; true if run() returns to native code.
    bool finish_frame();
    // Saves the innermost frame, which is a generator's, into it and pops it (a yield).
    ExecutionResult suspend(object::Value yielded, std::size_t temporaries);
    // A generator paused in `yield from` another generator only passes on what that one
    // yields, so resume() runs that one directly, without entering this generator's frame.
    // True with `result` when it yielded; false when this generator's frame must run on
    // (delegated_ holds what its YIELD_FROM gets).
    bool resume_delegate(GeneratorObject* generator, object::Value send_value,
                         ExecutionResult& result);
    object::Status stop_or_interrupt();
    object::Value exception_of_callback();

    // ---- the general call path (vm/call.cpp)
    // Pushes a frame for `function` with its arguments bound; false if it raised.
    object::Status push_frame(object::Value function, object::Arguments arguments,
                              object::Value locals, bool returns_to_native);
    // A frame at the start of `function`'s code, its state and handlers at the given places.
    Frame start_frame(object::Value function, object::Value* state, ExceptionHandler* handlers);
    object::Result<object::Value> make_generator(object::Value function,
                                                 object::Arguments arguments);
    // A CALL_* instruction that the loop's fast path (find_direct_call) does not take: the
    // callable at `slot`, then (for a method call) the self slot, the arguments and (with
    // `has_star`) the star bitmap above it.
    CallOutcome call_from_stack(object::Value* slot, std::uint32_t positional,
                                std::uint32_t keywords, bool is_method, bool has_star);

    // ---- unwinding (vm/unwind.cpp)
    // Unwinds the pending exception to the innermost handler that takes it, adding each
    // frame it leaves to the traceback and popping frames without one. True if a handler
    // was found: the innermost frame's saved state now continues there, the exception pushed.
    // False if the exception leaves run() (its frame returns to native code, or the run that
    // began at `base_depth` frames is done), pending again.
    bool unwind_exception(std::size_t base_depth);

    // Pushes the frame memory of a call of `prelude`'s code: the guard and state slots (the
    // guard slots set to None) and the handler slots, and makes room for its Frame; false with
    // MemoryError pending when the heap cannot hold them.
    bool push_frame_memory(const image::Prelude& prelude, object::Value*& state,
                           ExceptionHandler*& handlers);
    // The same, inlined into the loop's call path.
    bool push_frame_memory_inline(const image::Prelude& prelude, object::Value*& state,
                                  ExceptionHandler*& handlers);

    ItemStack<Frame, 8> frames_;
    SegmentedStack<object::Value, 64> values_;
    SegmentedStack<ExceptionHandler, 4> handlers_;
    // The heap as the loader's MemorySource (object/heap_memory.hpp).
    object::HeapMemory heap_memory_{heap()};

  public:
    // The heap as a MemorySource: what the VM's side tables and its reports to the host use.
    support::MemorySource& heap_memory() { return heap_memory_; }

  private:
    ContextList contexts_;
    std::vector<std::string> argv_;
#ifdef XIPY_OPCODE_COUNTS
    std::array<std::uint64_t, 256> opcode_counts_{};  // executions of each opcode byte
#endif
    // An exception resume() throws into a generator, read by run() on entry.
    object::Value inject_;
    // Set by resume_delegate(), read by the YIELD_FROM that runs next (take_delegated()). Its
    // value is kept (rooted) by the inner resume() until the caller's temporaries go.
    std::optional<ExecutionResult> delegated_;
    ModuleRegistry module_registry_;
    ModuleInstanceTable module_instances_;
    bool ready_ = false;
    std::vector<const ModuleDefinition*> added_modules_;
    MountTable mounts_{support::SourceAllocator<Mount>(&scratch_memory())};
    // Whether the registry's frozen modules are mounted (at runtime_modules_point) yet.
    bool runtime_modules_mounted_ = false;
    // The program's module, for `import __main__` (MicroPython keeps it out of sys.modules).
    object::Value main_module_;
    // What sys.atexit registered: called once the program has ended (vm.cpp).
    object::Value exit_function_;
    HostServices host_services_;
    std::uint64_t steps_ = 0;
    std::uint64_t step_limit_ = UINT64_MAX;  // UINT64_MAX: no limit
    bool step_budget_exhausted_ = false;
    static_assert(std::atomic<bool>::is_always_lock_free, "interrupts need a lock-free flag");
    // The poll flag: set for an interrupt (keyboard_interrupt_ says which) and, with threads,
    // by a thread that waits for the VM's lock or a stop of threads.
    std::atomic<bool> interrupt_requested_{false};
    std::atomic<bool> keyboard_interrupt_{false};
#if XIPY_THREADS
    // ~Interpreter() destroys it first: its threads stop and are joined while all else lives.
    std::unique_ptr<ThreadSystem> threads_;
#endif
    // Invariant: the first scheduled_count_ pairs are the queue, oldest first.
    std::array<std::pair<object::Value, object::Value>, schedule_depth> scheduled_{};
    std::uint32_t scheduled_count_ = 0;
    bool running_scheduled_ = false;
};

}  // namespace xipy::vm
