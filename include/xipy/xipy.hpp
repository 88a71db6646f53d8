// xipy::Vm and xipy::Value: the header-only C++ layer over the C API of xipy/xipy.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
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
    // Host grants (see xipy_config): the time module's real clock, os.getenv().
    bool allow_clock = false;
    bool allow_environment = false;
    bool allow_threads = false;  // _thread.start_new_thread (see xipy_config.allow_threads)
    int allow_network = XIPY_NETWORK_NONE;  // sockets (see xipy_config.allow_network)
    // input() reads through this: the next byte (0..255), or -1 at end of file. Empty: input()
    // raises EOFError.
    std::function<int()> read_stdin;
    // Native modules `import` finds; the definitions must outlive the Vm.
    std::vector<const xipy_module_def*> modules;
    // Returned by Vm::user_data() and xipy_vm_user_data().
    void* user_data = nullptr;
    // Testing aids (see xipy_config).
    bool collect_on_every_allocation = false;
    bool abort_on_handle_misuse = false;
    // Whether the program may change files inside filesystem_root (see
    // xipy_config.allow_filesystem_write); false: the root is read-only.
    bool allow_filesystem_write = false;
    // Side tables that only make the VM faster (see xipy_config.side_tables); false saves
    // their RAM.
    bool side_tables = true;

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

// ==== Values (see "Values" in xipy.h for the rooting rules, which hold here unchanged).

// The exception a call left, copied out of the VM.
struct Exception {
    std::string type;       // e.g. "ValueError"
    std::string message;    // the text after "Type: "
    std::string traceback;  // MicroPython's traceback text
};

// Opens a handle scope for as long as it lives: every Value made meanwhile is released when it
// ends. Not copyable or movable, so scopes end in reverse order of their beginning.
class Scope {
  public:
    explicit Scope(xipy_vm* vm) : vm_(vm), scope_(xipy_scope_begin(vm)) {}
    ~Scope() { xipy_scope_end(vm_, scope_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

  private:
    xipy_vm* vm_;
    xipy_scope scope_;
};

class Value;

// A keyword argument of Value::call().
struct Keyword {
    const char* name;
    const Value& value;
};

// A Python value held through a handle of the innermost Scope (or a Pinned one). Cheap to copy:
// copies name the same handle, which ends with its scope. Every operation that can raise
// returns an empty std::optional (or false) and leaves the exception in the VM
// (Vm::exception()); nothing throws.
class Value {
  public:
    Value() = default;
    Value(xipy_vm* vm, xipy_value handle) : vm_(vm), handle_(handle) {}

    xipy_vm* vm() const { return vm_; }
    xipy_value handle() const { return handle_; }
    // False for a default-made Value or one a failed call produced.
    bool valid() const { return vm_ != nullptr && !xipy_is_null(handle_); }
    explicit operator bool() const { return valid(); }
    xipy_type type() const { return xipy_type_of(vm_, handle_); }
    bool is_none() const { return type() == XIPY_TYPE_NONE; }

    // ---- reading (empty when the value is of another kind: a TypeError is left in the VM)
    std::optional<std::int64_t> to_int() const {
        std::int64_t out = 0;
        return xipy_to_int64(vm_, handle_, &out) == XIPY_OK ? std::optional(out) : std::nullopt;
    }
    std::optional<double> to_float() const {
        double out = 0;
        return xipy_to_double(vm_, handle_, &out) == XIPY_OK ? std::optional(out) : std::nullopt;
    }
    // Python's truth value.
    std::optional<bool> truth() const {
        int out = 0;
        return xipy_to_bool(vm_, handle_, &out) == XIPY_OK ? std::optional(out != 0) : std::nullopt;
    }
    // A str's text; the view lives as long as this handle.
    std::optional<std::string_view> to_str() const {
        const char* data = nullptr;
        std::size_t length = 0;
        return xipy_to_str(vm_, handle_, &data, &length) == XIPY_OK
                   ? std::optional(std::string_view(data, length))
                   : std::nullopt;
    }
    std::optional<std::span<const std::uint8_t>> to_bytes() const {
        const void* data = nullptr;
        std::size_t length = 0;
        if (xipy_to_bytes(vm_, handle_, &data, &length) != XIPY_OK) {
            return std::nullopt;
        }
        return std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(data), length);
    }
    // str(value) and repr(value) as text (a big int's digits, say).
    std::optional<std::string> str() const { return text_of(&xipy_str_of); }
    std::optional<std::string> repr() const { return text_of(&xipy_repr_of); }
    std::optional<std::size_t> size() const {
        std::size_t out = 0;
        return xipy_length(vm_, handle_, &out) == XIPY_OK ? std::optional(out) : std::nullopt;
    }

    // ---- attributes, items, calls
    std::optional<Value> get(const char* name) const {
        xipy_value out{0, 0};
        return wrap(xipy_get_attribute(vm_, handle_, name, &out), out);
    }
    bool set(const char* name, const Value& value) const {
        return xipy_set_attribute(vm_, handle_, name, value.handle_) == XIPY_OK;
    }
    std::optional<Value> item(const Value& key) const {
        xipy_value out{0, 0};
        return wrap(xipy_get_item(vm_, handle_, key.handle_, &out), out);
    }
    bool set_item(const Value& key, const Value& value) const {
        return xipy_set_item(vm_, handle_, key.handle_, value.handle_) == XIPY_OK;
    }
    bool append(const Value& item) const {
        return xipy_list_append(vm_, handle_, item.handle_) == XIPY_OK;
    }
    // self(*positional, **keywords).
    std::optional<Value> call(std::span<const Value> positional = {},
                              std::span<const Keyword> keywords = {}) const {
        std::vector<xipy_value> arguments;
        arguments.reserve(positional.size());
        for (const Value& value : positional) {
            arguments.push_back(value.handle_);
        }
        std::vector<const char*> names;
        std::vector<xipy_value> values;
        for (const Keyword& keyword : keywords) {
            names.push_back(keyword.name);
            values.push_back(keyword.value.handle_);
        }
        xipy_value out{0, 0};
        return wrap(xipy_call(vm_, handle_, arguments.data(), arguments.size(), names.data(),
                              values.data(), values.size(), &out),
                    out);
    }
    std::optional<Value> call(std::initializer_list<Value> positional,
                              std::initializer_list<Keyword> keywords = {}) const {
        return call(std::span<const Value>(positional.begin(), positional.size()),
                    std::span<const Keyword>(keywords.begin(), keywords.size()));
    }
    // self.name(*positional).
    std::optional<Value> call_method(const char* name,
                                     std::initializer_list<Value> positional = {}) const {
        std::vector<xipy_value> arguments;
        for (const Value& value : positional) {
            arguments.push_back(value.handle_);
        }
        xipy_value out{0, 0};
        return wrap(xipy_call_method(vm_, handle_, name, arguments.data(), arguments.size(), &out),
                    out);
    }

  private:
    std::optional<Value> wrap(xipy_status status, xipy_value out) const {
        return status == XIPY_OK ? std::optional(Value(vm_, out)) : std::nullopt;
    }
    std::optional<std::string> text_of(xipy_status (*convert)(xipy_vm*, xipy_value,
                                                              xipy_value*)) const {
        Scope scope(vm_);
        xipy_value out{0, 0};
        if (convert(vm_, handle_, &out) != XIPY_OK) {
            return std::nullopt;
        }
        const char* data = nullptr;
        std::size_t length = 0;
        xipy_to_str(vm_, out, &data, &length);
        return std::string(data, length);
    }

    xipy_vm* vm_ = nullptr;
    xipy_value handle_{0, 0};
};

// A value kept across scopes (a callback the host calls later): pinned while this lives.
// Move-only.
class Pinned {
  public:
    Pinned() = default;
    explicit Pinned(const Value& value)
        : vm_(value.vm()), handle_(xipy_pin(value.vm(), value.handle())) {}
    Pinned(Pinned&& other) noexcept
        : vm_(std::exchange(other.vm_, nullptr)), handle_(std::exchange(other.handle_, {0, 0})) {}
    Pinned& operator=(Pinned&& other) noexcept {
        if (this != &other) {
            xipy_unpin(vm_, handle_);
            vm_ = std::exchange(other.vm_, nullptr);
            handle_ = std::exchange(other.handle_, {0, 0});
        }
        return *this;
    }
    Pinned(const Pinned&) = delete;
    Pinned& operator=(const Pinned&) = delete;
    ~Pinned() { xipy_unpin(vm_, handle_); }

    // The pinned value, usable in any scope while this Pinned lives.
    Value get() const { return Value(vm_, handle_); }

  private:
    xipy_vm* vm_ = nullptr;
    xipy_value handle_{0, 0};
};

// ---- Conversions between C++ and Python values, one overload per C++ type: to_python(vm, x)
// makes a Value in the innermost scope; FromPython<T>::convert(value) reads one (empty, with a
// TypeError left in the VM, for a value of another kind).
inline Value to_python(xipy_vm* vm, std::nullptr_t) { return Value(vm, xipy_none(vm)); }
inline Value to_python(xipy_vm* vm, bool value) { return Value(vm, xipy_bool(vm, value ? 1 : 0)); }
template <class Integer>
requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>) inline Value
    to_python(xipy_vm* vm, Integer value) {
    if constexpr (std::is_unsigned_v<Integer> && sizeof(Integer) >= sizeof(std::int64_t)) {
        if (value > static_cast<Integer>(INT64_MAX)) {
            return Value(vm, xipy_int_from_text(vm, std::to_string(value).c_str(), 10));
        }
    }
    return Value(vm, xipy_int(vm, static_cast<std::int64_t>(value)));
}
inline Value to_python(xipy_vm* vm, double value) { return Value(vm, xipy_float(vm, value)); }
inline Value to_python(xipy_vm* vm, std::string_view text) {
    return Value(vm, xipy_str(vm, text.data(), text.size()));
}
inline Value to_python(xipy_vm* vm, const char* text) {
    return to_python(vm, std::string_view(text));
}
inline Value to_python(xipy_vm* vm, const std::string& text) {
    return to_python(vm, std::string_view(text));
}
inline Value to_python(xipy_vm* vm, std::span<const std::uint8_t> bytes) {
    return Value(vm, xipy_bytes(vm, bytes.data(), bytes.size()));
}
inline Value to_python(xipy_vm*, const Value& value) { return value; }
// A list of the items.
template <class Item>
inline Value to_python(xipy_vm* vm, const std::vector<Item>& items) {
    std::vector<xipy_value> handles;
    for (const Item& item : items) {
        handles.push_back(to_python(vm, item).handle());
    }
    return Value(vm, xipy_list(vm, handles.data(), handles.size()));
}
// A tuple of the values.
inline Value make_tuple(xipy_vm* vm, std::initializer_list<Value> items) {
    std::vector<xipy_value> handles;
    for (const Value& item : items) {
        handles.push_back(item.handle());
    }
    return Value(vm, xipy_tuple(vm, handles.data(), handles.size()));
}
inline Value make_dict(xipy_vm* vm) { return Value(vm, xipy_dict(vm)); }

template <class T>
struct FromPython;
template <class Integer>
requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>) struct FromPython<Integer> {
    static std::optional<Integer> convert(const Value& value) {
        auto integer = value.to_int();
        if (!integer) {
            return std::nullopt;
        }
        if (!std::in_range<Integer>(*integer)) {
            xipy_raise(value.vm(), "OverflowError", "overflow converting long int to machine word");
            return std::nullopt;
        }
        return static_cast<Integer>(*integer);
    }
};
template <>
struct FromPython<bool> {
    static std::optional<bool> convert(const Value& value) { return value.truth(); }
};
template <>
struct FromPython<double> {
    static std::optional<double> convert(const Value& value) { return value.to_float(); }
};
template <>
struct FromPython<std::string_view> {
    static std::optional<std::string_view> convert(const Value& value) { return value.to_str(); }
};
template <>
struct FromPython<std::string> {
    static std::optional<std::string> convert(const Value& value) {
        auto text = value.to_str();
        return text ? std::optional(std::string(*text)) : std::nullopt;
    }
};
template <>
struct FromPython<Value> {
    static std::optional<Value> convert(const Value& value) { return value; }
};

// ==== Native functions from typed C++ functions
//
// native<&f> is an xipy_native_function for a plain C++ function; method<&T::f>, getter<&T::f>
// and setter<&T::f> call a member function on the T an instance of a native class carries (or a
// free function taking T& first), and
// constructor<T, Arguments...> makes that T (its __init__). Arguments are converted with
// FromPython and the result with to_python (void gives None); a wrong count or kind raises
// MicroPython's TypeError. A function may take `Call&` first, to reach the VM and raise.
// A C++ exception never crosses into the VM: it becomes a RuntimeError with its what().

// What a typed native function may ask of the call it serves.
class Call {
  public:
    explicit Call(xipy_vm* vm) : vm_(vm) {}
    xipy_vm* vm() const { return vm_; }
    void* user_data() const { return xipy_vm_user_data(vm_); }
    // Raises `type_name(message)`: once the function returns, its result is ignored and the
    // exception goes to the Python caller.
    void raise(const char* type_name, const char* message) {
        xipy_raise(vm_, type_name, message);
        raised_ = true;
    }
    bool raised() const { return raised_; }
    template <class T>
    Value make(T&& value) const {
        return to_python(vm_, std::forward<T>(value));
    }

  private:
    xipy_vm* vm_;
    bool raised_ = false;
};

namespace detail {

template <class T>
using Bare = std::remove_cvref_t<T>;

// Converts positional[offset...] to the types Parameters, or fails (TypeError in the VM).
template <class... Parameters, std::size_t... Indexes>
std::optional<std::tuple<Bare<Parameters>...>> convert_arguments(xipy_vm* vm,
                                                                 const xipy_arguments* arguments,
                                                                 std::size_t offset,
                                                                 const char* name,
                                                                 std::index_sequence<Indexes...>) {
    constexpr std::size_t count = sizeof...(Parameters);
    xipy_parameter parameters[count + 2] = {};
    for (std::size_t index = 0; index < offset + count; ++index) {
        parameters[index] =
            xipy_parameter{nullptr, XIPY_PARAMETER_REQUIRED | XIPY_PARAMETER_POSITIONAL_ONLY};
    }
    xipy_value handles[count + 2] = {};
    if (xipy_parse_arguments(vm, arguments, name, parameters, offset + count, handles) != XIPY_OK) {
        return std::nullopt;
    }
    std::tuple<std::optional<Bare<Parameters>>...> converted{
        FromPython<Bare<Parameters>>::convert(Value(vm, handles[offset + Indexes]))...};
    if (!(std::get<Indexes>(converted).has_value() && ...)) {
        return std::nullopt;
    }
    return std::tuple<Bare<Parameters>...>{std::move(*std::get<Indexes>(converted))...};
}

// Runs `body` (which stores the result), turning C++ exceptions into a RuntimeError.
template <class Body>
xipy_status guarded(xipy_vm* vm, Call& call, Body&& body) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    try {
        body();
    } catch (const std::exception& error) {
        return xipy_raise(vm, "RuntimeError", error.what());
    } catch (...) {
        return xipy_raise(vm, "RuntimeError", "C++ exception");
    }
#else
    (void)vm;
    body();
#endif
    return call.raised() ? XIPY_EXCEPTION : XIPY_OK;
}

template <class Result, class Invoke>
xipy_status invoke_and_store(xipy_vm* vm, Call& call, xipy_value* result, Invoke&& invoke) {
    return guarded(vm, call, [&] {
        if constexpr (std::is_void_v<Result>) {
            invoke();
        } else {
            Result value = invoke();
            if (!call.raised()) {
                Value made = to_python(vm, value);
                if (!made.valid()) {
                    call.raise("MemoryError", "");
                    return;
                }
                *result = made.handle();
            }
        }
    });
}

template <class Signature>
struct FunctionTraits;
template <class R, class... Parameters>
struct FunctionTraits<R (*)(Parameters...)> {
    using Result = R;
    static constexpr bool takes_call = false;
    using Arguments = std::tuple<Parameters...>;
};
template <class R, class... Parameters>
struct FunctionTraits<R (*)(Call&, Parameters...)> {
    using Result = R;
    static constexpr bool takes_call = true;
    using Arguments = std::tuple<Parameters...>;
};

template <class Tuple>
struct ArgumentList;
template <class... Parameters>
struct ArgumentList<std::tuple<Parameters...>> {
    static auto convert(xipy_vm* vm, const xipy_arguments* arguments, std::size_t offset) {
        return convert_arguments<Parameters...>(vm, arguments, offset, nullptr,
                                                std::index_sequence_for<Parameters...>{});
    }
};

// The T an instance of a native class carries, or null with a TypeError raised.
template <class T>
T* native_of(xipy_vm* vm, const xipy_arguments* arguments) {
    void* pointer = nullptr;
    if (arguments->positional_count == 0 ||
        xipy_get_native(vm, arguments->positional[0], &pointer) != XIPY_OK) {
        return nullptr;
    }
    if (pointer == nullptr) {
        xipy_raise(vm, "TypeError", "object not initialised (its __init__ did not run)");
    }
    return static_cast<T*>(pointer);
}

// What a method binding calls: a member function of Class, or a free function taking Class&
// first; either may take Call& before the Python arguments.
template <class Method>
struct MethodTraits;
template <class T, class R, class... Parameters>
struct MethodTraits<R (T::*)(Parameters...)> {
    using Class = T;
    using Result = R;
    using Arguments = std::tuple<Parameters...>;
    static constexpr bool takes_call = false;
};
template <class T, class R, class... Parameters>
struct MethodTraits<R (T::*)(Parameters...) const> : MethodTraits<R (T::*)(Parameters...)> {};
template <class T, class R, class... Parameters>
struct MethodTraits<R (T::*)(Call&, Parameters...)> {
    using Class = T;
    using Result = R;
    using Arguments = std::tuple<Parameters...>;
    static constexpr bool takes_call = true;
};
template <class T, class R, class... Parameters>
struct MethodTraits<R (T::*)(Call&, Parameters...) const>
    : MethodTraits<R (T::*)(Call&, Parameters...)> {};
template <class T, class R, class... Parameters>
struct MethodTraits<R (*)(T&, Parameters...)> {
    using Class = T;
    using Result = R;
    using Arguments = std::tuple<Parameters...>;
    static constexpr bool takes_call = false;
};
template <class T, class R, class... Parameters>
struct MethodTraits<R (*)(Call&, T&, Parameters...)> {
    using Class = T;
    using Result = R;
    using Arguments = std::tuple<Parameters...>;
    static constexpr bool takes_call = true;
};

template <auto Member, class T, class... Values>
decltype(auto) invoke_member(Call& call, T& self, Values&... values) {
    using Traits = MethodTraits<decltype(Member)>;
    if constexpr (std::is_member_function_pointer_v<decltype(Member)>) {
        if constexpr (Traits::takes_call) {
            return (self.*Member)(call, values...);
        } else {
            return (self.*Member)(values...);
        }
    } else if constexpr (Traits::takes_call) {
        return Member(call, self, values...);
    } else {
        return Member(self, values...);
    }
}

template <auto Function>
xipy_status call_function(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    using Traits = FunctionTraits<decltype(Function)>;
    auto converted = ArgumentList<typename Traits::Arguments>::convert(vm, arguments, 0);
    if (!converted) {
        return XIPY_EXCEPTION;
    }
    Call call(vm);
    return invoke_and_store<typename Traits::Result>(vm, call, result, [&]() -> decltype(auto) {
        if constexpr (Traits::takes_call) {
            return std::apply([&](auto&&... values) { return Function(call, values...); },
                              *converted);
        } else {
            return std::apply(Function, *converted);
        }
    });
}

template <auto Member>
xipy_status call_member(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    using Traits = MethodTraits<decltype(Member)>;
    auto converted = ArgumentList<typename Traits::Arguments>::convert(vm, arguments, 1);
    if (!converted) {
        return XIPY_EXCEPTION;
    }
    auto* self = native_of<typename Traits::Class>(vm, arguments);
    if (self == nullptr) {
        return XIPY_EXCEPTION;
    }
    Call call(vm);
    return invoke_and_store<typename Traits::Result>(vm, call, result, [&]() -> decltype(auto) {
        return std::apply(
            [&](auto&... values) -> decltype(auto) {
                return invoke_member<Member>(call, *self, values...);
            },
            *converted);
    });
}

template <class T>
void destroy(void* pointer) {
    delete static_cast<T*>(pointer);
}

template <class T, class... Parameters>
xipy_status construct(xipy_vm* vm, const xipy_arguments* arguments, xipy_value*) {
    auto converted = convert_arguments<Parameters...>(vm, arguments, 1, nullptr,
                                                      std::index_sequence_for<Parameters...>{});
    if (!converted) {
        return XIPY_EXCEPTION;
    }
    Call call(vm);
    T* made = nullptr;
    xipy_status status = guarded(vm, call, [&] {
        made = std::apply([](auto&&... values) { return new (std::nothrow) T(values...); },
                          *converted);
    });
    if (status != XIPY_OK) {
        return status;
    }
    if (made == nullptr) {
        return xipy_raise(vm, "MemoryError", "");
    }
    status = xipy_set_native(vm, arguments->positional[0], made, &destroy<T>);
    if (status != XIPY_OK) {
        delete made;
    }
    return status;
}

}  // namespace detail

template <auto Function>
inline constexpr xipy_native_function native = &detail::call_function<Function>;
template <auto Member>
inline constexpr xipy_native_function method = &detail::call_member<Member>;
// A property getter: a member function taking nothing.
template <auto Member>
inline constexpr xipy_native_function getter = &detail::call_member<Member>;
// A property setter: a member function taking the new value.
template <auto Member>
inline constexpr xipy_native_function setter = &detail::call_member<Member>;
template <class T, class... Parameters>
inline constexpr xipy_native_function constructor = &detail::construct<T, Parameters...>;

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
        config.allow_clock = options.allow_clock ? 1 : 0;
        config.allow_environment = options.allow_environment ? 1 : 0;
        config.allow_threads = options.allow_threads ? 1 : 0;
        config.allow_network = options.allow_network;
        callbacks_->read_stdin = std::move(options.read_stdin);
        if (callbacks_->read_stdin) {
            config.read_stdin = &Vm::forward_stdin;
            config.stdin_context = callbacks_.get();
        }
        config.module_count = options.modules.size();
        config.modules = options.modules.data();
        config.user_data = options.user_data;
        config.collect_on_every_allocation = options.collect_on_every_allocation ? 1 : 0;
        config.abort_on_handle_misuse = options.abort_on_handle_misuse ? 1 : 0;
        config.side_tables = options.side_tables ? 1 : 0;
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

    // Runs an .mpy image; its bytes must outlive this Vm (see xipy_vm_run_mpy()). `file_name`,
    // when given, is the path it was read from, which becomes __file__
    // (xipy_vm_run_mpy_file()).
    RunResult run(std::span<const std::uint8_t> mpy, const char* file_name = nullptr) {
        RunResult result;
        if (handle_ == nullptr) {
            return result;
        }
        result.status = xipy_vm_run_mpy_file(handle_, mpy.data(), mpy.size(), file_name);
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

    // ---- values and namespaces (open a Scope first: the Values made live in it)

    // A Python value from a C++ one (see to_python()).
    template <class T>
    Value make(T&& value) const {
        return to_python(handle_, std::forward<T>(value));
    }
    // A global of __main__ (shared by every run); empty with NameError when missing.
    std::optional<Value> global(const char* name) const {
        xipy_value out{0, 0};
        return xipy_get_global(handle_, name, &out) == XIPY_OK ? std::optional(Value(handle_, out))
                                                               : std::nullopt;
    }
    bool set_global(const char* name, const Value& value) const {
        return xipy_set_global(handle_, name, value.handle()) == XIPY_OK;
    }
    // `import name`.
    std::optional<Value> import(const char* name) const {
        xipy_value out{0, 0};
        return xipy_import(handle_, name, &out) == XIPY_OK ? std::optional(Value(handle_, out))
                                                           : std::nullopt;
    }
    // Runs an image as the module `name` and puts it in sys.modules (xipy_vm_run_module_image()).
    std::optional<Value> run_module(const char* name, std::span<const std::uint8_t> mpy) const {
        xipy_value out{0, 0};
        return xipy_vm_run_module_image(handle_, name, mpy.data(), mpy.size(), &out) == XIPY_OK
                   ? std::optional(Value(handle_, out))
                   : std::nullopt;
    }
    // Adds a native module (its definition must outlive the Vm).
    bool add_module(const xipy_module_def& module) const {
        return xipy_vm_add_module(handle_, &module) == XIPY_OK;
    }
    // A callable for one native function (its definition must outlive the Vm).
    Value function(const xipy_function_def& definition) const {
        return Value(handle_, xipy_function(handle_, &definition));
    }
    // The exception the last failed call or run left.
    Exception exception() const {
        return Exception{xipy_vm_exception_type(handle_), xipy_vm_exception_message(handle_),
                         xipy_vm_traceback(handle_)};
    }
    void clear_exception() const { xipy_clear_exception(handle_); }
    void* user_data() const { return xipy_vm_user_data(handle_); }

    // The underlying handle, for C API calls this wrapper does not cover.
    xipy_vm* handle() const { return handle_; }

  private:
    struct Callbacks {
        std::function<void(std::string_view)> on_stdout;
        std::function<void(std::string_view)> on_stderr;
        std::function<int()> read_stdin;
    };

    static int forward_stdin(void* context) {
        return static_cast<Callbacks*>(context)->read_stdin();
    }

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
