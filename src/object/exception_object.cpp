// Exceptions: MicroPython's built-in hierarchy, args, printing and tracebacks.
#include "object/exception_object.hpp"

#include <array>

#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

void trace_exception(gc::Cell* cell, gc::Tracer& tracer) {
    trace_instance(cell, tracer);
    auto* exception = static_cast<ExceptionObject*>(cell);
    for (Value value : {exception->args, exception->traceback}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Result<Value> exception_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&type_error_type, "function doesn't take keyword arguments");
    }
    return make_exception(runtime, type, arguments.positional());
}

constexpr ErrorName all_error_names[] = {
    {error_access, "EACCES"},
    {98, "EADDRINUSE"},
    {11, "EAGAIN"},
    {114, "EALREADY"},
    {9, "EBADF"},
    {103, "ECONNABORTED"},
    {111, "ECONNREFUSED"},
    {104, "ECONNRESET"},
    {error_exists, "EEXIST"},
    {113, "EHOSTUNREACH"},
    {115, "EINPROGRESS"},
    {error_invalid, "EINVAL"},
    {error_io, "EIO"},
    {error_is_directory, "EISDIR"},
    {105, "ENOBUFS"},
    {error_no_device, "ENODEV"},
    {error_no_entry, "ENOENT"},
    {12, "ENOMEM"},
    {107, "ENOTCONN"},
    {95, "EOPNOTSUPP"},
    {error_permission, "EPERM"},
    {110, "ETIMEDOUT"},
};

// The text after "Type: " and what str() gives without a user __str__.
Status print_arguments(Runtime& runtime, Printer& printer, ExceptionObject* exception) {
    TupleObject* args = as_tuple(exception->args);
    if (args->length == 0) {
        return succeeded();
    }
    // As MicroPython: an OSError whose first of one or two arguments is a known errno number
    // reads "[Errno 2] ENOENT" (": " and the second argument's str() after it, if any).
    if (args->length <= 2 && is_subtype(exception->type(), &os_error_type) &&
        args->items()[0].is_small_int()) {
        std::int64_t number = args->items()[0].as_small_int();
        std::string_view name = error_name(number);
        if (!name.empty()) {
            printer.write("[Errno ");
            printer.write_integer(number);
            printer.write("] ");
            printer.write(name);
            if (args->length == 1) {
                return succeeded();
            }
            printer.write(": ");
            return print_value(runtime, printer, args->items()[1], PrintKind::str);
        }
    }
    if (args->length == 1) {
        return print_value(runtime, printer, args->items()[0], PrintKind::str);
    }
    return print_value(runtime, printer, exception->args, PrintKind::repr);
}

Status exception_print(Runtime& runtime, Value self, Printer& printer, PrintKind kind) {
    ExceptionObject* exception = as_exception(self);
    if (kind == PrintKind::repr) {
        printer.write(type_name_of(runtime, self));
        return print_value(runtime, printer, exception->args, PrintKind::repr);
    }
    return print_arguments(runtime, printer, exception);
}

// MicroPython gives every exception `errno` and `value` (both args[0] or None) besides
// `args`; SystemExit has no `code`.
Value exception_load_attribute(Runtime&, Value self, std::uint32_t name) {
    ExceptionObject* exception = as_exception(self);
    switch (name) {
        case names::args:
            return exception->args;
        case names::value:
        case names::errno_:
            return stop_iteration_value(self);
        default:
            return Value::empty();
    }
}

// A built-in exception's attributes are read-only, except that `__traceback__ = None` clears
// the traceback, as in MicroPython. (Instances of user subclasses store in their dict
// without reaching this.)
Status exception_store_attribute(Runtime& runtime, Value self, std::uint32_t name, Value value) {
    if (name == names::dunder_traceback && !value.is_empty() && value.is_none()) {
        clear_traceback(self);
        return succeeded();
    }
    raise_no_attribute(runtime, self, name);
    return Raised{};
}

Result<Value> exception_init(Runtime& runtime, Arguments arguments) {
    if (!is_exception(arguments[0])) {
        return Value::none();
    }
    Value args = new_tuple(runtime, arguments.positional().subspan(1));
    if (args.is_empty()) {
        return Value::empty();
    }
    as_exception(arguments[0])->args = args;
    return Value::none();
}

Result<Value> exception_str_method(Runtime& runtime, Arguments arguments) {
    Printer printer;
    if (!print_arguments(runtime, printer, as_exception(arguments[0]))) {
        return Value::empty();
    }
    return make_str(runtime, printer.text());
}

Result<Value> exception_repr_method(Runtime& runtime, Arguments arguments) {
    Printer printer;
    if (!exception_print(runtime, arguments[0], printer, PrintKind::repr)) {
        return Value::empty();
    }
    return make_str(runtime, printer.text());
}

Result<Value> exception_with_traceback(Runtime&, Arguments arguments) { return arguments[0]; }

constexpr NativeFunction exception_init_function{names::dunder_init, NativeKind::method, 1,
                                                 NativeFunction::unlimited, exception_init};
constexpr NativeFunction exception_str_function{names::dunder_str, NativeKind::method, 1, 1,
                                                exception_str_method};
constexpr NativeFunction exception_repr_function{names::dunder_repr, NativeKind::method, 1, 1,
                                                 exception_repr_method};
constexpr NativeFunction exception_with_traceback_function{
    names::with_traceback, NativeKind::method, 2, 2, exception_with_traceback};
constexpr Attribute base_exception_attributes[] = {
    {names::dunder_init, &exception_init_function},
    {names::dunder_str, &exception_str_function},
    {names::dunder_repr, &exception_repr_function},
    {names::with_traceback, &exception_with_traceback_function},
};

constexpr TypeSlots exception_slots{
    .make_new = exception_make_new,
    .print = exception_print,
    .load_attribute = exception_load_attribute,
    .store_attribute = exception_store_attribute,
};

}  // namespace

#define XIPY_EXCEPTION_TYPE(variable, name, base) \
    constinit const Type variable{                \
        name, base, exception_slots, {}, type_flag_subclassable, trace_exception};

constinit const Type base_exception_type{names::BaseException,   &object_type,
                                         exception_slots,        base_exception_attributes,
                                         type_flag_subclassable, trace_exception};
XIPY_EXCEPTION_TYPE(system_exit_type, names::SystemExit, &base_exception_type)
XIPY_EXCEPTION_TYPE(keyboard_interrupt_type, names::KeyboardInterrupt, &base_exception_type)
XIPY_EXCEPTION_TYPE(generator_exit_type, names::GeneratorExit, &base_exception_type)
XIPY_EXCEPTION_TYPE(exception_type, names::Exception, &base_exception_type)
XIPY_EXCEPTION_TYPE(stop_iteration_type, names::StopIteration, &exception_type)
XIPY_EXCEPTION_TYPE(stop_async_iteration_type, names::StopAsyncIteration, &exception_type)
XIPY_EXCEPTION_TYPE(arithmetic_error_type, names::ArithmeticError, &exception_type)
XIPY_EXCEPTION_TYPE(overflow_error_type, names::OverflowError, &arithmetic_error_type)
XIPY_EXCEPTION_TYPE(zero_division_error_type, names::ZeroDivisionError, &arithmetic_error_type)
XIPY_EXCEPTION_TYPE(assertion_error_type, names::AssertionError, &exception_type)
XIPY_EXCEPTION_TYPE(attribute_error_type, names::AttributeError, &exception_type)
XIPY_EXCEPTION_TYPE(eof_error_type, names::EOFError, &exception_type)
XIPY_EXCEPTION_TYPE(import_error_type, names::ImportError, &exception_type)
XIPY_EXCEPTION_TYPE(lookup_error_type, names::LookupError, &exception_type)
XIPY_EXCEPTION_TYPE(index_error_type, names::IndexError, &lookup_error_type)
XIPY_EXCEPTION_TYPE(key_error_type, names::KeyError, &lookup_error_type)
XIPY_EXCEPTION_TYPE(memory_error_type, names::MemoryError, &exception_type)
XIPY_EXCEPTION_TYPE(name_error_type, names::NameError, &exception_type)
XIPY_EXCEPTION_TYPE(os_error_type, names::OSError, &exception_type)
XIPY_EXCEPTION_TYPE(runtime_error_type, names::RuntimeError, &exception_type)
XIPY_EXCEPTION_TYPE(not_implemented_error_type, names::NotImplementedError, &runtime_error_type)
XIPY_EXCEPTION_TYPE(syntax_error_type, names::SyntaxError, &exception_type)
XIPY_EXCEPTION_TYPE(indentation_error_type, names::IndentationError, &syntax_error_type)
XIPY_EXCEPTION_TYPE(type_error_type, names::TypeError, &exception_type)
XIPY_EXCEPTION_TYPE(value_error_type, names::ValueError, &exception_type)
XIPY_EXCEPTION_TYPE(unicode_error_type, names::UnicodeError, &value_error_type)
#undef XIPY_EXCEPTION_TYPE

namespace {
constexpr std::array<const Type*, 27> all_exception_types = {
    &base_exception_type,
    &system_exit_type,
    &keyboard_interrupt_type,
    &generator_exit_type,
    &exception_type,
    &stop_iteration_type,
    &stop_async_iteration_type,
    &arithmetic_error_type,
    &overflow_error_type,
    &zero_division_error_type,
    &assertion_error_type,
    &attribute_error_type,
    &eof_error_type,
    &import_error_type,
    &lookup_error_type,
    &index_error_type,
    &key_error_type,
    &memory_error_type,
    &name_error_type,
    &os_error_type,
    &runtime_error_type,
    &not_implemented_error_type,
    &syntax_error_type,
    &indentation_error_type,
    &type_error_type,
    &value_error_type,
    &unicode_error_type,
};
}  // namespace

std::span<const Type* const> builtin_exception_types() { return all_exception_types; }

std::span<const ErrorName> error_names() { return all_error_names; }

std::string_view error_name(std::int64_t number) {
    for (const ErrorName& entry : all_error_names) {
        if (entry.number == number) {
            return entry.name;
        }
    }
    return {};
}

bool is_exception_type(const Type* type) { return is_subtype(type, &base_exception_type); }

bool is_exception(Value value) {
    return value.is_object() && is_exception_type(value.as_object()->type());
}

ExceptionObject* as_exception(Value value) {
    return static_cast<ExceptionObject*>(value.as_object());
}

namespace {

// With the heap locked (micropython.heap_lock(), as in an interrupt handler), exceptions are
// still built, as MicroPython builds them in its emergency exception buffer; what does not
// fit that buffer is dropped as MicroPython drops it (the figures are its 64-bit build's):
// more arguments than `emergency_argument_limit` leave args empty, a message is cut to
// `emergency_message_limit` bytes, and a traceback begun under the lock keeps
// `emergency_traceback_entries` entries. The heap's byte limit still applies.
constexpr std::size_t emergency_argument_limit = 24;
constexpr std::size_t emergency_message_limit = 151;
constexpr std::size_t emergency_traceback_entries = 2;

// A scope in which an exception may allocate although the heap is locked.
class EmergencyAllocation {
  public:
    explicit EmergencyAllocation(Runtime& runtime)
        : active_(runtime.heap().is_locked()), exemption_(runtime.heap(), active_) {}
    bool active() const { return active_; }

  private:
    bool active_;
    gc::Heap::LockExemption exemption_;
};

}  // namespace

Result<Value> make_exception(Runtime& runtime, const Type* type, std::span<const Value> arguments) {
    EmergencyAllocation emergency(runtime);
    if (emergency.active() && arguments.size() > emergency_argument_limit) {
        arguments = {};
    }
    auto* exception = runtime.make<ExceptionObject>(0, type);
    if (exception == nullptr) {
        return Value::empty();
    }
    exception->args = empty_tuple();
    Value result = Value::from_object(exception);
    Value args = new_tuple(runtime, arguments);
    if (args.is_empty()) {
        return Value::empty();
    }
    exception->args = args;
    return result;
}

Result<Value> make_exception_with_message(Runtime& runtime, const Type* type,
                                          std::string_view message) {
    EmergencyAllocation emergency(runtime);
    if (emergency.active() && message.size() > emergency_message_limit) {
        std::size_t end = emergency_message_limit;
        while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0) == 0x80) {
            --end;  // not inside a UTF-8 sequence
        }
        message = message.substr(0, end);
    }
    Value text = make_str(runtime, message);
    if (text.is_empty()) {
        return Value::empty();
    }
    return make_exception(runtime, type, {&text, 1});
}

void add_traceback(Runtime& runtime, Value exception, std::uint32_t file, std::uint32_t line,
                   std::uint32_t block) {
    if (!is_exception(exception)) {
        return;
    }
    ExceptionObject* object = as_exception(exception);
    EmergencyAllocation emergency(runtime);
    if (emergency.active() && !object->traceback.is_empty() &&
        as_list(object->traceback)->span().size() >= 3 * emergency_traceback_entries) {
        return;
    }
    if (object->traceback.is_empty()) {
        Value list = make_list(runtime, {});
        if (list.is_empty()) {
            runtime.set_exception(exception);
            return;
        }
        object->traceback = list;
    }
    Value entry[3] = {Value::from_small_int(file), Value::from_small_int(line),
                      Value::from_small_int(block)};
    for (Value value : entry) {
        if (!list_append(runtime, object->traceback, value)) {
            // Out of memory while recording where: keep the original exception.
            runtime.set_exception(exception);
            return;
        }
    }
}

void clear_traceback(Value exception) {
    if (is_exception(exception)) {
        as_exception(exception)->traceback = Value::empty();
    }
}

Raised raise_os_error(Runtime& runtime, std::int64_t number) {
    Value argument = Value::from_small_int(number);
    Value exception = make_exception(runtime, &os_error_type, {&argument, 1});
    if (exception.is_empty()) {
        return Raised{};
    }
    return runtime.set_exception(exception);
}

Value stop_iteration_value(Value exception) {
    TupleObject* args = as_tuple(as_exception(exception)->args);
    return args->length > 0 ? args->items()[0] : Value::none();
}

void write_exception_message(Runtime& runtime, Value exception, Printer& printer) {
    Value saved = runtime.take_exception();
    if (!print_arguments(runtime, printer, as_exception(exception))) {
        runtime.clear_exception();
    }
    runtime.set_exception(saved);
    if (saved.is_empty()) {
        runtime.clear_exception();
    }
}

std::string exception_message(Runtime& runtime, Value exception) {
    Printer printer;
    write_exception_message(runtime, exception, printer);
    return printer.take();
}

template <class Text>
void append_traceback(Runtime& runtime, Value exception, Text& out) {
    ExceptionObject* object = as_exception(exception);
    // As MicroPython: an exception that never passed through a frame (a MemoryError while
    // loading the module) prints without the header.
    if (!object->traceback.is_empty() && as_list(object->traceback)->length >= 3) {
        out += "Traceback (most recent call last):\n";
        std::span<Value> entries = as_list(object->traceback)->span();
        for (std::size_t index = entries.size(); index >= 3; index -= 3) {
            out += "  File \"";
            out += runtime.name_text(static_cast<std::uint32_t>(entries[index - 3].as_small_int()));
            out += "\", line ";
            out += std::string_view(Runtime::DecimalText(entries[index - 2].as_small_int()));
            // An entry in no function (a compile error's file and line) names none.
            const auto block = static_cast<std::uint32_t>(entries[index - 1].as_small_int());
            if (block != names::null_name) {
                out += ", in ";
                out += runtime.name_text(block);
            }
            out += "\n";
        }
    }
    out += type_name_of(runtime, exception);
    out += ": ";
    Printer message;
    write_exception_message(runtime, exception, message);
    out += message.text();
    out += "\n";
}
template void append_traceback(Runtime&, Value, std::string&);
template void append_traceback(Runtime&, Value, support::SourceString&);
template void append_traceback(Runtime&, Value, support::ScratchString&);

void print_traceback(Runtime& runtime, Value exception, OutputStream stream) {
    runtime.write(stream, format_traceback(runtime, exception));
}

support::ScratchString format_traceback(Runtime& runtime, Value exception) {
    support::ScratchString text;
    append_traceback(runtime, exception, text);
    return text;
}

}  // namespace xipy::object
