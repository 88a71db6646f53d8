// Runtime: the state of one VM that the object layer sees (heap, names, pending exception).
#pragma once

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

#include "gc/heap.hpp"
#include "object/class_lookup_cache.hpp"
#include "object/heap_memory.hpp"
#include "object/intern_table.hpp"
#include "object/object.hpp"
#include "object/value.hpp"
#include "support/decimal_text.hpp"
#include "support/inline.hpp"
#include "support/source_allocator.hpp"
#include "support/work_meter.hpp"

namespace xipy::object {

// Host output: called with UTF-8 bytes, not NUL-terminated.
using OutputFunction = void (*)(void* context, const char* data, std::size_t length);

enum class OutputStream : std::uint8_t { standard_output, standard_error };

struct RuntimeConfig {
    std::size_t heap_limit_bytes = 8 * 1024 * 1024;
    // Where heap memory comes from (gc::HeapConfig); null: calloc and free.
    gc::ReallocateFunction reallocate = nullptr;
    void* allocator_context = nullptr;
    std::uint32_t max_depth = 1000;
    // Bounds recursion on the C++ stack (native code calling back into
    // Python), which Python recursion alone never uses.
    std::uint32_t max_native_depth = 200;
    OutputFunction write_stdout = nullptr;
    OutputFunction write_stderr = nullptr;
    void* output_context = nullptr;
    bool collect_on_every_allocation = false;
    // Side tables that only make the VM faster (the inline caches, the class lookup table, the
    // heap's spare pages); false makes none, for targets short of RAM.
    bool side_tables = true;
    // Fixed names beyond the object layer's own (the modules layer's), the same in every VM.
    AppendedNames appended_names;
};

// One VM's runtime state as the object layer needs it. The vm layer derives
// its interpreter from this class.
//
// Errors: nothing here throws. A function that raises stores the exception
// with set_exception() (or one of the raise_* helpers, which return Raised so
// any fallible function can `return runtime.raise_new(...)`), and its caller
// sees the failure in the Result<Value> or Status (object/result.hpp) it got.
//
// Roots: every object made through make() and every result of a call into Python is pushed
// on the root stack. The innermost running interpreter loop releases what an instruction
// pushed when the instruction ends, and native loops release what each round pushed
// (object/roots.hpp states the rule and gives the Root and LoopRoots helpers). So native
// code may hold fresh objects in C++ locals across allocations, and the stack stays as deep
// as the current instruction's work, however long a native loop runs.
class Runtime : public gc::RootProvider {
  public:
    explicit Runtime(const RuntimeConfig& config);
    virtual ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    const RuntimeConfig& config() const { return config_; }
    gc::Heap& heap() { return heap_; }
    // The heap as the MemorySource of native scratch arrays (object/heap_memory.hpp): counted
    // against the limit, never collecting.
    support::MemorySource& scratch_memory() { return scratch_memory_; }

    // ---- user classes
    // Moves on whenever the keys of any user class's dict change (a class attribute added or
    // removed): an attribute cache filled at one epoch holds while it lasts (vm/inline_cache).
    std::uint32_t class_epoch() const { return class_epoch_; }
    void class_keys_changed() { ++class_epoch_; }
    ClassLookupCache& class_lookups() { return class_lookups_; }

    // ---- interned strings
    InternTable& interned() { return interned_; }
    const InternTable& interned() const { return interned_; }
    std::string_view name_text(std::uint32_t id) const { return interned_.text(id); }
    // The interned str value of a copy of `text`.
    Value intern(std::string_view text) {
        return Value::from_interned_string(interned_.intern_copy(text));
    }

    // ---- allocation
    // Allocates a `T` (an Object or a gc::Cell) of sizeof(T) + extra_bytes,
    // constructed from `arguments`. On failure MemoryError is pending and
    // the result is null. Objects are added to the temporaries.
    template <typename T, typename... Arguments>
    T* make(std::size_t extra_bytes, Arguments&&... arguments) {
        gc::Cell* cell = allocate_cell(sizeof(T) + extra_bytes);
        if (cell == nullptr) {
            return nullptr;
        }
        const std::uint8_t size_class = cell->size_class_;  // the heap's, which T's Cell resets
        T* object = new (cell) T(std::forward<Arguments>(arguments)...);
        object->size_class_ = size_class;
        if constexpr (std::is_base_of_v<Object, T>) {
            keep(Value::from_object(object));
        }
        return object;
    }
    gc::Cell* allocate_cell(std::size_t bytes);

    // ---- the root stack (see the class comment and object/roots.hpp)
    void keep(Value value) {
        if (value.is_object()) {
            temporaries_.push_back(value);
            ++root_count_;
        }
    }
    // Pushes a slot even for a value that is not an object, so a Root owns a fixed index.
    void push_root(Value value) {
        temporaries_.push_back(value);
        ++root_count_;
    }
    Value& root_slot(std::size_t index) { return temporaries_[index]; }
    std::size_t temporaries_mark() const { return root_count_; }
    // The interpreter calls this before every instruction, so the test reads one counter
    // (root_count_, always temporaries_.size()) rather than the vector's two ends.
    XIPY_ALWAYS_INLINE void release_temporaries(std::size_t mark) {
        if (root_count_ > mark) [[unlikely]] {
            drop_temporaries(mark);
        }
    }
    // release_temporaries' work, out of line so that the test above inlines everywhere.
    void drop_temporaries(std::size_t mark);
    // The most slots the root stack has held at once (its reserved size): the memory rooting
    // costs. Tests use it to check that native loops stay bounded.
    std::size_t root_stack_capacity() const { return temporaries_.capacity(); }

    // ---- the pending exception
    // Stores `exception` (an exception instance) as pending; returns empty.
    Raised set_exception(Value exception);
    // Makes `type(message)` and sets it pending; returns empty.
    Raised raise_new(const Type* type, std::string_view message);
    // raise_new() with the message joined from `pieces`, built on the C stack when short (no
    // std::string): the common error texts cost no malloc, which fixed-buffer VMs need.
    Raised raise_joined(const Type* type, std::initializer_list<std::string_view> pieces);
    // A count or index as decimal text on the C stack, for raise_joined()'s pieces.
    using DecimalText = support::DecimalText;
    // Makes `type()` (no arguments) and sets it pending; returns empty.
    Raised raise_type(const Type* type);
    // `raise value`: value is an exception instance or class; anything else
    // becomes "TypeError: exceptions must derive from BaseException".
    Raised raise(Value value);
    // The preallocated MemoryError without arguments: what MicroPython raises when not even
    // the exception fits.
    Raised raise_memory_error();
    // MemoryError for a failed request of `requested` bytes, saying so as MicroPython does
    // ("memory allocation failed, allocating N bytes", or "..., heap is locked") when the heap
    // has room for the exception; else the preallocated one.
    Raised raise_memory_error(std::size_t requested);
    // Before native code builds a result of `bytes` outside the heap (a std::string, a vector)
    // to copy in: succeeds when `cost` times that fits the heap's free room (collecting if the
    // policy allows), else raises MemoryError. So the temporaries, not only the result, stay
    // within the limit, and the process within the limit plus a fixed allowance
    // (docs/vm-internals.md). `cost` counts the copies alive at once: 2 for a buffer and its
    // heap copy.
    Status make_room_for_result(std::uint64_t bytes, std::uint64_t cost = 2);
    bool has_exception() const { return !exception_.is_empty(); }
    Value exception() const { return exception_; }
    Value take_exception() {
        Value exception = exception_;
        exception_ = Value::empty();
        return exception;
    }
    void clear_exception() { exception_ = Value::empty(); }

    // ---- depth of calls (Python frames and native re-entry)
    // False, with RuntimeError pending, when the configured depth is reached.
    // Inline: every call and every generator resume passes here; the raise is out of line.
    Status enter_call() {
        if (depth_ >= config_.max_depth) [[unlikely]] {
            return raise_recursion_depth();
        }
        ++depth_;
        return succeeded();
    }
    void leave_call() { --depth_; }
    XIPY_ALWAYS_INLINE Status enter_native_call() {
        if (native_depth_ >= config_.max_native_depth || depth_ >= config_.max_depth) [[unlikely]] {
            return raise_recursion_depth();
        }
        ++native_depth_;
        ++depth_;
        return succeeded();
    }
    // RuntimeError("maximum recursion depth exceeded").
    Raised raise_recursion_depth();
    XIPY_ALWAYS_INLINE void leave_native_call() {
        --native_depth_;
        --depth_;
    }
    std::uint32_t depth() const { return depth_; }

    // ---- output
    void write(OutputStream stream, std::string_view text);

    // ---- per-VM objects
    Value builtins() const { return builtins_; }
    Value modules() const { return modules_; }
    void set_builtins(Value dict) { builtins_ = dict; }
    void set_modules(Value dict) { modules_ = dict; }
    // The list sys.path starts as, made (empty) on first use: the importer searches it, and
    // the host adds folders and images to it, without making the sys module (about 4 KB of
    // heap) for a program that never imports sys. Empty with MemoryError pending when the
    // list cannot be made.
    Value module_path();

    // Imports a module by name (an interned str); the vm layer knows how.
    virtual Result<Value> import_module(Value name) = 0;

    // Where MicroPython would have interned the run-time name `id` (dir() lists such names in
    // that order): ids follow the order names were interned in, but the vm layer interns an
    // image's names when the program first uses each, where MicroPython interns them all
    // when it loads the image. `stamp` is an id, or the first id handed out after an image
    // loaded; at one stamp an image's names (`from_image` 0, by load order and qstr index)
    // came before the name interned at run time (1).
    struct InterningOrder {
        std::uint32_t stamp = 0;
        std::uint32_t from_image = 1;
        std::uint32_t image = 0;
        std::uint32_t qstr_index = 0;
        auto operator<=>(const InterningOrder&) const = default;
    };
    virtual InterningOrder interning_order(std::uint32_t id) const { return InterningOrder{id}; }
    // Interns every name of every loaded image that is not interned yet: dir() probes every
    // name MicroPython would have, and MicroPython has them all from the image's load.
    virtual void intern_image_names() {}

    // ---- host limits (untrusted input)
    // Charges `cost` steps of native work (about one per bytecode back-edge's worth of time)
    // to the host's step budget and polls for a host interrupt. False, with an exception
    // pending, when the program must stop. Native code that can run long without calling
    // Python calls it: iteration inside builtins, big-int arithmetic. The vm layer keeps the
    // budget; a Runtime without one never stops.
    virtual Status charge_native_work(std::uint64_t cost) {
        (void)cost;
        return true;
    }
    // Native work is measured in units of about one simple machine operation (one byte
    // copied or compared, one limb product); this many make one step, about the time of one
    // trip round a short Python loop.
    static constexpr std::uint64_t work_units_per_step = 64;
    // Work is charged in batches of at least this many units: everyday small operations add
    // to a count, and only the operation that fills it pays for a charge. (Before, each small
    // operation was free, so a loop of medium ones, such as a growing big int multiplied by 3,
    // ran up to 64 times longer than its step budget said.)
    static constexpr std::uint64_t large_work_units = 4096;
    Status charge_native_units(std::uint64_t units) {
        return charge_native_work(units / work_units_per_step);
    }
    // Adds `units` of native work, charging the batch once it is large: before an operation
    // that is about to do that much in one go (a copy, a scan, a fill), so the budget stops a
    // large one before it starts, or as a loop goes (NativeWorkMeter).
    XIPY_ALWAYS_INLINE Status add_native_work(std::uint64_t units) {
        native_units_ += units;
        if (native_units_ < large_work_units) [[likely]] {
            return true;
        }
        const std::uint64_t charged = native_units_;
        native_units_ = 0;
        return charge_native_units(charged);
    }
    Status charge_if_large(std::uint64_t units) { return add_native_work(units); }
    // Adds `units` without charging (a computation's last few, when it cannot stop any more):
    // whole steps go to the budget unchecked, and the next step's check sees them.
    void carry_native_work(std::uint64_t units) {
        native_units_ += units;
        if (native_units_ >= work_units_per_step) {
            count_native_work(native_units_ / work_units_per_step);
            native_units_ %= work_units_per_step;
        }
    }
    // Adds `cost` steps to the budget without checking it; the vm layer keeps the budget.
    virtual void count_native_work(std::uint64_t cost) { (void)cost; }

    void trace_roots(gc::Tracer& tracer) override;

    // What belongs to one thread of the VM's program (vm/threads.hpp): its root stack, its
    // pending exception and its call depths. The running thread's live here; a thread switch
    // exchanges them with the saved ones of the thread that runs next.
    // The root stack grows into the heap's scratch memory (falling back to the C library when
    // the heap refuses), so a fixed-buffer VM calls no malloc when a program roots many values.
    using RootStack = std::vector<Value, support::SourceAllocator<Value>>;
    struct ThreadState {
        RootStack temporaries;
        Value exception;
        std::uint32_t depth = 0;
        std::uint32_t native_depth = 0;
    };
    void swap_thread_state(ThreadState& other) {
        temporaries_.swap(other.temporaries);
        root_count_ = temporaries_.size();
        std::swap(exception_, other.exception);
        std::swap(depth_, other.depth);
        std::swap(native_depth_, other.native_depth);
    }

    // ---- checked native methods
    // A (method, self type) pair native_call has already checked: a native method's code
    // assumes its self has the owner's layout, and a corrupt image can hand it anything,
    // so every call checks, and this small direct-mapped memo keeps the check cheap.
    struct NativeSelfCheck {
        const void* method = nullptr;
        const Type* self_type = nullptr;
    };
    static constexpr std::size_t native_self_check_count = 16;
    NativeSelfCheck& native_self_check(const void* method, const Type* self_type) {
        std::uintptr_t mixed = reinterpret_cast<std::uintptr_t>(method) ^
                               (reinterpret_cast<std::uintptr_t>(self_type) >> 4);
        return native_self_checks_[(mixed >> 4) % native_self_check_count];
    }

  protected:
    static void trace_value(gc::Tracer& tracer, Value value) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }

  private:
    RuntimeConfig config_;
    gc::Heap heap_;
    ScratchMemory scratch_memory_{heap_};
    InternTable interned_;
    RootStack temporaries_{support::SourceAllocator<Value>(&scratch_memory_)};
    std::size_t root_count_ = 0;  // temporaries_.size(), kept apart for release_temporaries
    Value exception_;
    Value memory_error_;
    bool describing_memory_error_ = false;  // making raise_memory_error(requested)'s exception
    Value builtins_;
    Value modules_;
    Value module_path_;
    std::uint32_t depth_ = 0;
    std::uint32_t native_depth_ = 0;
    std::uint32_t class_epoch_ = 0;
    std::uint64_t native_units_ = 0;  // native work not charged yet (add_native_work)
    ClassLookupCache class_lookups_;
    std::array<NativeSelfCheck, native_self_check_count> native_self_checks_{};
};

// Charges a runtime's step budget for native work done in many small pieces: add() batches
// the units so a loop pays one counter update per piece, and the runtime hears about them
// every large_work_units. It is also the meter the number and text layers take, so their
// loops stop with the runtime's exception pending.
class NativeWorkMeter final : public support::WorkMeter {
  public:
    explicit NativeWorkMeter(Runtime& runtime) : runtime_(runtime) {}
    Status add(std::uint64_t units) { return runtime_.add_native_work(units); }
    bool charge(std::uint64_t units) override { return add(units).ok(); }
    void carry(std::uint64_t units) override { runtime_.carry_native_work(units); }

  private:
    Runtime& runtime_;
};

}  // namespace xipy::object
