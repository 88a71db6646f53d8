// The handle table behind xipy_value: scoped and pinned roots, and the misuse checks.
#include <cstdio>
#include <cstdlib>

#include "api/vm_state.hpp"
#include "vm/module_definition.hpp"

namespace xipy::api {

using object::Value;

xipy_value HandleTable::add(Value value) {
    if (scope_marks_.empty()) {
        return xipy_value{0, 0};
    }
    std::uint32_t serial = next_serial();
    slots_.push_back(value);
    serials_.push_back(serial);
    return xipy_value{static_cast<std::uint32_t>(slots_.size() - 1), serial};
}

Value HandleTable::find(xipy_value handle) const {
    if (handle.serial == 0) {
        return Value::empty();
    }
    if ((handle.slot & pinned_bit) != 0) {
        std::uint32_t index = handle.slot & ~pinned_bit;
        if (index >= pinned_.size() || pinned_serials_[index] != handle.serial) {
            return Value::empty();
        }
        return pinned_[index];
    }
    if (handle.slot >= slots_.size() || serials_[handle.slot] != handle.serial) {
        return Value::empty();
    }
    return slots_[handle.slot];
}

xipy_scope HandleTable::begin_scope() {
    std::uint32_t serial = next_serial();
    scope_marks_.push_back(static_cast<std::uint32_t>(slots_.size()));
    scope_serials_.push_back(serial);
    return xipy_scope{static_cast<std::uint32_t>(slots_.size()), serial};
}

bool HandleTable::end_scope(xipy_scope scope) {
    // Find the scope by its serial, so a stale or repeated end is recognised.
    std::size_t position = scope_serials_.size();
    while (position > 0 && scope_serials_[position - 1] != scope.serial) {
        --position;
    }
    if (position == 0) {
        return false;
    }
    bool innermost = position == scope_serials_.size();
    std::uint32_t mark = scope_marks_[position - 1];
    scope_marks_.resize(position - 1);
    scope_serials_.resize(position - 1);
    slots_.resize(mark);
    serials_.resize(mark);
    return innermost;
}

xipy_value HandleTable::pin(Value value) {
    std::uint32_t serial = next_serial();
    std::uint32_t index = 0;
    if (!free_pinned_.empty()) {
        index = free_pinned_.back();
        free_pinned_.pop_back();
        pinned_[index] = value;
        pinned_serials_[index] = serial;
    } else {
        index = static_cast<std::uint32_t>(pinned_.size());
        pinned_.push_back(value);
        pinned_serials_.push_back(serial);
    }
    return xipy_value{index | pinned_bit, serial};
}

bool HandleTable::unpin(xipy_value handle) {
    if ((handle.slot & pinned_bit) == 0 || find(handle).is_empty()) {
        return false;
    }
    std::uint32_t index = handle.slot & ~pinned_bit;
    pinned_[index] = Value::empty();
    pinned_serials_[index] = 0;
    free_pinned_.push_back(index);
    return true;
}

void HandleTable::trace_roots(gc::Tracer& tracer) {
    for (Value value : slots_) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
    for (Value value : pinned_) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

xipy_vm& vm_of(object::Runtime& runtime) {
    return *static_cast<xipy_vm*>(vm::host_services(runtime).embedder);
}

bool report_misuse(xipy_vm& vm, const char* function, const char* what) {
    if (vm.abort_on_handle_misuse) {
#if XIPY_HOSTED
        std::fprintf(stderr, "xipy: %s: %s\n", function, what);
#else
        // Through the VM's own stderr writer: a bare-metal build has no C stdio to link.
        object::Runtime& runtime = vm.runtime();
        for (const char* piece : {"xipy: ", function, ": ", what, "\n"}) {
            runtime.write(object::OutputStream::standard_error, piece);
        }
#endif
        std::abort();
    }
    return false;
}

Value resolve(xipy_vm& vm, xipy_value handle, const char* function) {
    Value value = vm.handles.find(handle);
    if (value.is_empty()) {
        report_misuse(vm, function,
                      handle.serial == 0
                          ? "null handle"
                          : "dangling handle (its scope ended, it was unpinned, or it belongs "
                            "to another VM)");
    }
    return value;
}

}  // namespace xipy::api

extern "C" {

xipy_scope xipy_scope_begin(xipy_vm* vm) {
    if (vm == nullptr) {
        return xipy_scope{0, 0};
    }
    return vm->handles.begin_scope();
}

void xipy_scope_end(xipy_vm* vm, xipy_scope scope) {
    if (vm == nullptr) {
        return;
    }
    if (!vm->handles.end_scope(scope)) {
        xipy::api::report_misuse(*vm, "xipy_scope_end",
                                 "the scope is not the innermost open one (or already ended)");
    }
}

xipy_value xipy_pin(xipy_vm* vm, xipy_value value) {
    if (vm == nullptr) {
        return xipy_value{0, 0};
    }
    xipy::object::Value found = xipy::api::resolve(*vm, value, "xipy_pin");
    if (found.is_empty()) {
        return xipy_value{0, 0};
    }
    return vm->handles.pin(found);
}

void xipy_unpin(xipy_vm* vm, xipy_value pinned) {
    if (vm == nullptr || pinned.serial == 0) {
        return;
    }
    if (!vm->handles.unpin(pinned)) {
        xipy::api::report_misuse(*vm, "xipy_unpin", "not a live pinned handle");
    }
}

}  // extern "C"
