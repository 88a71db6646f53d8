// The state behind an xipy_vm handle, shared by the api's source files: the VM, its handle table,
// its native modules and the description of its current exception.
#pragma once

#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gc/heap.hpp"
#include "object/native_function.hpp"
#include "object/runtime.hpp"
#include "object/value.hpp"
#include "support/memory_source.hpp"
#include "support/source_allocator.hpp"
#include "vm/vm.hpp"
#include "xipy/xipy.h"

namespace xipy::api {

// The values the host holds through xipy_value handles (include/xipy/xipy.h, "Values"): a stack
// of scoped slots and a table of pinned ones, all of them roots of the VM's heap.
//
// Invariants: serials_[i] is the serial of the handle that owns slots_[i]; every serial handed
// out is new (never 0), so a handle whose slot was released and reused no longer matches.
// Pinned handles have pinned_bit set in their slot number and index pinned_ and pinned_serials_;
// a free pinned slot has serial 0 and is listed in free_pinned_. scope_marks_ holds the stack
// depth at which each open scope began, innermost last.
class HandleTable : public gc::RootProvider {
  public:
    static constexpr std::uint32_t pinned_bit = 0x80000000u;

    // Serials start at a value drawn from the table's address, so two VMs hand out different
    // serials and a handle passed to the wrong VM almost never matches a slot there. The
    // tables grow into `memory`, the VM's scratch memory, which never collects: a value is
    // not rooted until its slot holds it.
    explicit HandleTable(support::MemorySource& memory)
        : slots_(Allocator<object::Value>(&memory)),
          serials_(Allocator<std::uint32_t>(&memory)),
          scope_marks_(Allocator<std::uint32_t>(&memory)),
          scope_serials_(Allocator<std::uint32_t>(&memory)),
          pinned_(Allocator<object::Value>(&memory)),
          pinned_serials_(Allocator<std::uint32_t>(&memory)),
          free_pinned_(Allocator<std::uint32_t>(&memory)),
          serial_(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(this) >> 4) *
                  2654435761u) {}

    // A new handle for `value` in the innermost scope; null without an open scope.
    xipy_value add(object::Value value);
    // The value a handle names; empty for null, released or foreign handles.
    object::Value find(xipy_value handle) const;

    xipy_scope begin_scope();
    // False when `scope` is not the innermost open one (every scope inside it is ended too).
    bool end_scope(xipy_scope scope);
    bool has_open_scope() const { return !scope_marks_.empty(); }

    xipy_value pin(object::Value value);
    bool unpin(xipy_value handle);

    void trace_roots(gc::Tracer& tracer) override;

  private:
    std::uint32_t next_serial() {
        if (++serial_ == 0) {
            ++serial_;
        }
        return serial_;
    }

    template <class T>
    using Allocator = support::SourceAllocator<T>;
    template <class T>
    using Table = std::vector<T, Allocator<T>>;

    Table<object::Value> slots_;
    Table<std::uint32_t> serials_;
    Table<std::uint32_t> scope_marks_;
    Table<std::uint32_t> scope_serials_;
    Table<object::Value> pinned_;
    Table<std::uint32_t> pinned_serials_;
    Table<std::uint32_t> free_pinned_;
    std::uint32_t serial_;
};

// A native function as this VM sees it: an object outside the heap (a static cell, which the
// collector never marks or frees) that calls the host's function. One per function table
// entry, per VM, because its name is an id in this VM's intern table.
struct HostFunction : object::Object {
    std::uint32_t name;
    const char* name_text;  // the host's constant, NUL-terminated name
    xipy_native_function function;

    HostFunction(std::uint32_t name_id, const char* text, xipy_native_function code);
};

// Makes this VM's HostFunction for `function`, named `name` (constant text of the host's); it
// lives as long as the VM.
object::Value make_host_function(xipy_vm& vm, const char* name, xipy_native_function function);

// A native module as this VM sees it: the ModuleDefinition the vm layer builds and imports
// exactly as it does the built-in modules, with the host's functions in its objects table. The
// constants and classes need the heap, so the definition's initialise makes them.
struct HostModule {
    const xipy_module_def* definition = nullptr;
    std::vector<object::Attribute> functions;
    vm::ModuleDefinition module_definition{};
};

}  // namespace xipy::api

// What a C handle owns. The strings describe the last run, or the last call that raised,
// whichever came later (see xipy_vm_exception_type()); pointers returned to the host stay valid
// until the next of either.
struct xipy_vm {
    explicit xipy_vm(xipy::vm::VmConfig config, const xipy_config& host_config);
    ~xipy_vm();
    xipy_vm(const xipy_vm&) = delete;
    xipy_vm& operator=(const xipy_vm&) = delete;

    xipy::object::Runtime& runtime() { return machine.runtime(); }

    xipy::vm::Vm machine;
    xipy::api::HandleTable handles;
    // The exception a failed api call left, kept until a native function passes it to Python
    // or the host clears it; rooted through trace_roots() below.
    xipy::object::Value exception;
    // Lists: they never move their elements, and an empty one allocates nothing (a deque's
    // first block would cost every VM a kilobyte).
    std::list<xipy::api::HostFunction> functions;
    // The function xipy_function() made for each definition, so repeated calls reuse it.
    std::unordered_map<const xipy_function_def*, const xipy::api::HostFunction*> made_functions;
    std::list<xipy::api::HostModule> modules;
    void* user_data = nullptr;
    bool abort_on_handle_misuse = false;
    // Made in the first bytes of the host's fixed buffer (xipy_vm_create()): destroyed there,
    // not deleted.
    bool in_host_buffer = false;

    xipy_status last_status = XIPY_OK;
    // The last outcome's texts, in the VM's heap when it has room (see SourceAllocator).
    xipy::support::SourceString exception_type;
    xipy::support::SourceString exception_message;
    xipy::support::SourceString traceback;
    xipy::support::SourceString load_error;
    xipy::support::SourceString exit_report;
    int exit_code = 0;

  private:
    struct ExceptionRoot : xipy::gc::RootProvider {
        xipy_vm* owner = nullptr;
        void trace_roots(xipy::gc::Tracer& tracer) override;
    };
    ExceptionRoot exception_root_;
};

namespace xipy::api {

// The handle of the VM a native function runs on (VmConfig.host.embedder).
xipy_vm& vm_of(object::Runtime& runtime);

// Reports a misused handle: aborts in the debugging mode, else returns false so the caller can
// fail with XIPY_INVALID_ARGUMENT.
bool report_misuse(xipy_vm& vm, const char* function, const char* what);
// The value of `handle`, reporting a misuse when it names none.
object::Value resolve(xipy_vm& vm, xipy_value handle, const char* function);

// Moves the runtime's pending exception into vm.exception and describes it in vm's strings;
// returns XIPY_EXCEPTION.
xipy_status capture_exception(xipy_vm& vm);

// A parameter's name for error texts ("" when it has none).
std::string parameter_name(const xipy_parameter& parameter);

// Registers a native module's definition with the VM (creation and xipy_vm_add_module()).
bool add_host_module(xipy_vm& vm, const xipy_module_def* module);

}  // namespace xipy::api
