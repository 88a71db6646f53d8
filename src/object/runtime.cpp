// Runtime: allocation, the pending exception, call depth and output of one VM.
#include "object/runtime.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"

namespace xipy::object {

Runtime::Runtime(const RuntimeConfig& config)
    : config_(config),
      heap_(gc::HeapConfig{.limit_bytes = config.heap_limit_bytes,
                           .collect_on_every_allocation = config.collect_on_every_allocation,
                           .reallocate = config.reallocate,
                           .allocator_context = config.allocator_context,
                           .keep_spare_pages = config.side_tables}),
      interned_(config.appended_names, &heap_) {
    heap_.add_root_provider(this);
    if (!config.side_tables) {
        class_lookups_.disable();
    }
    // Room for a typical instruction's roots; it grows when a native loop needs more. Kept
    // small, as every idle VM pays for it.
    temporaries_.reserve(32);
    memory_error_ = make_exception(*this, &memory_error_type, {});
    release_temporaries(0);
}

Runtime::~Runtime() {
    class_lookups_.release(heap_);
    heap_.remove_root_provider(this);
}

void Runtime::drop_temporaries(std::size_t mark) {
    temporaries_.resize(mark);
    root_count_ = mark;
}

gc::Cell* Runtime::allocate_cell(std::size_t bytes) {
    gc::Cell* cell = heap_.allocate(bytes, nullptr);
    if (cell == nullptr) {
        raise_memory_error(bytes);
    }
    return cell;
}

Raised Runtime::set_exception(Value exception) {
    exception_ = exception;
    return Raised{};
}

Raised Runtime::raise_new(const Type* type, std::string_view message) {
    Value exception = make_exception_with_message(*this, type, message);
    if (exception.is_empty()) {
        return Raised{};
    }
    return set_exception(exception);
}

Raised Runtime::raise_joined(const Type* type, std::initializer_list<std::string_view> pieces) {
    Printer message;
    for (std::string_view piece : pieces) {
        message.write(piece);
    }
    return raise_new(type, message.text());
}

Raised Runtime::raise_type(const Type* type) {
    Value exception = make_exception(*this, type, {});
    if (exception.is_empty()) {
        return Raised{};
    }
    return set_exception(exception);
}

Raised Runtime::raise(Value value) {
    if (is_exception(value)) {
        return set_exception(value);
    }
    if (is_type(value) && is_exception_type(as_type(value))) {
        Value instance = call_positional(*this, value, std::span<const Value>{});
        if (instance.is_empty()) {
            return Raised{};
        }
        if (!is_exception(instance)) {
            return raise_new(&type_error_type, "exceptions must derive from BaseException");
        }
        return set_exception(instance);
    }
    return raise_new(&type_error_type, "exceptions must derive from BaseException");
}

Raised Runtime::raise_memory_error() {
    if (memory_error_.is_empty()) {
        // Only while constructing the Runtime itself.
        return Raised{};
    }
    clear_traceback(memory_error_);
    return set_exception(memory_error_);
}

Status Runtime::make_room_for_result(std::uint64_t bytes, std::uint64_t cost) {
    const std::uint64_t limit = heap_.limit_bytes();
    if (bytes > limit || bytes * cost > limit ||
        !heap_.make_room(static_cast<std::size_t>(bytes * cost))) {
        return raise_memory_error(
            static_cast<std::size_t>(std::min<std::uint64_t>(bytes, SIZE_MAX)));
    }
    return succeeded();
}

Raised Runtime::raise_memory_error(std::size_t requested) {
    // A failed request leaves room for the message when it was large; the flag stops the
    // message's own failure from recursing.
    if (!describing_memory_error_) {
        describing_memory_error_ = true;
        // Joined on the C stack: with the heap full or locked, scratch memory would refuse.
        Printer text;
        if (heap_.is_locked()) {
            text.write("memory allocation failed, heap is locked");
        } else {
            text.write("memory allocation failed, allocating ");
            char digits[24];
            const char* end = std::to_chars(digits, digits + sizeof digits, requested).ptr;
            text.write(std::string_view(digits, static_cast<std::size_t>(end - digits)));
            text.write(" bytes");
        }
        Value exception = make_exception_with_message(*this, &memory_error_type, text.text());
        describing_memory_error_ = false;
        if (!exception.is_empty()) {
            return set_exception(exception);
        }
    }
    return raise_memory_error();
}

Raised Runtime::raise_recursion_depth() {
    return raise_new(&runtime_error_type, "maximum recursion depth exceeded");
}

void Runtime::write(OutputStream stream, std::string_view text) {
    OutputFunction function =
        stream == OutputStream::standard_output ? config_.write_stdout : config_.write_stderr;
    if (function != nullptr && !text.empty()) {
        function(config_.output_context, text.data(), text.size());
    }
}

void Runtime::trace_roots(gc::Tracer& tracer) {
    // Its entries name classes without holding them: forgotten before any can die.
    class_lookups_.clear();
    for (Value value : temporaries_) {
        trace_value(tracer, value);
    }
    trace_value(tracer, exception_);
    trace_value(tracer, memory_error_);
    trace_value(tracer, builtins_);
    trace_value(tracer, modules_);
    trace_value(tracer, module_path_);
}

Value Runtime::module_path() {
    if (module_path_.is_empty()) {
        module_path_ = Value(make_list(*this, {}));
    }
    return module_path_;
}

}  // namespace xipy::object
