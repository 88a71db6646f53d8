// str % args, str.format() and format(): hands Python values to the text layer's engines.
#include "object/str_format.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "number/big_integer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"
#include "support/utf8.hpp"
#include "text/format_spec.hpp"
#include "text/format_template.hpp"
#include "text/percent_format.hpp"
#include "text/string_sink.hpp"

namespace xipy::object {

Raised raise_text_error(Runtime& runtime, const text::Error& failure) {
    const Type* type = &value_error_type;
    switch (failure.kind) {
        case text::ErrorKind::value_error:
            break;
        case text::ErrorKind::type_error:
            type = &type_error_type;
            break;
        case text::ErrorKind::index_error:
            type = &index_error_type;
            break;
        case text::ErrorKind::key_error:
            type = &key_error_type;
            break;
        case text::ErrorKind::overflow_error:
            type = &overflow_error_type;
            break;
        case text::ErrorKind::not_implemented_error:
            type = &not_implemented_error_type;
            break;
        case text::ErrorKind::memory_error:
            type = &memory_error_type;
            break;
    }
    return runtime.raise_new(type, failure.message);
}

namespace {

// What a callback returns when a Python exception is already pending in the runtime; the
// outer function sees `python_error_pending` and propagates instead of raising again.
text::Error pending_failure() { return text::Error{text::ErrorKind::type_error, {}}; }

text::Error cannot_convert_to_str(Runtime& runtime, Value value) {
    return text::Error{text::ErrorKind::type_error,
                       support::join_text({"can't convert '", type_name_of(runtime, value),
                                           "' object to str implicitly"})};
}

// One value under a spec without a !r/!s conversion, as str.format dispatches it. An
// instance of a user subclass of int, float or str formats as its native value; bytes format
// as their raw bytes once the spec passed a str's checks (MicroPython's), into a str only
// when those are valid UTF-8.
text::Status format_value(Runtime& runtime, Value value, const text::FormatSpec& spec,
                          text::TextKind kind, text::TextSink& sink) {
    Value native = native_self(value);
    if (is_int(native)) {
        return text::format_integer(to_big_integer(native), spec, native.is_bool() ? "bool" : "int",
                                    sink);
    }
    if (native.is_double()) {
        return text::format_float(native.as_double(), spec, sink);
    }
    if (is_str(native)) {
        return text::format_text(str_view(runtime, native), spec, sink);
    }
    // MicroPython checks the spec as a str's before it finds the value is not one.
    if (spec.align == '=') {
        return text::Error{text::ErrorKind::value_error,
                           "'=' alignment not allowed in string format specifier"};
    }
    if (spec.type != '\0' && spec.type != 's') {
        return text::Error{
            text::ErrorKind::value_error,
            support::join_text({"unknown format code '", std::string_view(&spec.type, 1),
                                "' for object of type '", type_name_of(runtime, value), "'"})};
    }
    if (is_bytes(native) &&
        (kind == text::TextKind::bytes || support::is_valid_utf8(bytes_view(native)))) {
        return text::format_text(bytes_view(native), spec, sink);
    }
    return cannot_convert_to_str(runtime, value);
}

// MicroPython turns the names in '{name}' and '%(name)s' into interned strings, which hold
// at most 255 bytes, and raises RuntimeError for a longer one; true after raising it.
bool name_too_long(Runtime& runtime, std::string_view name) {
    constexpr std::size_t longest_name = 255;
    if (name.size() <= longest_name) {
        return false;
    }
    runtime.raise_new(&runtime_error_type, "name too long");
    return true;
}

// str.format's arguments: positional ones after the template, keywords by name.
class TemplateArguments final : public text::FormatArguments {
  public:
    TemplateArguments(Runtime& runtime, Arguments arguments, text::TextKind kind)
        : runtime_(runtime), arguments_(arguments), kind_(kind) {}

    std::size_t positional_count() const override { return arguments_.positional_count - 1; }

    text::Result<std::size_t> find_keyword(std::string_view name) override {
        if (name_too_long(runtime_, name)) {
            python_error_pending = true;
            return pending_failure();
        }
        std::optional<std::uint32_t> id = runtime_.interned().find(name);
        Value found = id ? keyword_argument(arguments_, *id) : Value::empty();
        if (found.is_empty()) {
            return text::Error{text::ErrorKind::key_error, support::ScratchString(name)};
        }
        // The values stay reachable through the call's arguments.
        if (!keywords_.push_back(found)) {
            runtime_.raise_memory_error();
            python_error_pending = true;
            return pending_failure();
        }
        return keywords_.size() - 1;
    }

    text::Status write_field(text::FieldArgument argument, char conversion,
                             const text::FormatSpec& spec, text::TextSink& sink) override {
        Value value = argument.is_keyword ? keywords_[argument.id]
                                          : arguments_[static_cast<std::uint32_t>(argument.id + 1)];
        if (conversion == '\0') {
            return format_value(runtime_, value, spec, kind_, sink);
        }
        // Written into a Printer on the C stack: most conversions fit it, and need no malloc.
        Printer converted;
        if (!print_value(runtime_, converted, value,
                         conversion == 'r' ? PrintKind::repr : PrintKind::str)) {
            python_error_pending = true;
            return pending_failure();
        }
        return text::format_text(converted.text(), spec, sink);
    }

    bool python_error_pending = false;

  private:
    Runtime& runtime_;
    Arguments arguments_;
    text::TextKind kind_;
    // The fields' keyword values, in the order the template names them: a few, so they live
    // on the C stack.
    support::SmallVector<Value, 8> keywords_;
};

// The right operand of %: a tuple's items, or one value (a dict also serves %(key)s).
class PercentValues final : public text::PercentArguments {
  public:
    PercentValues(Runtime& runtime, Value arguments, text::TextKind kind)
        : runtime_(runtime), arguments_(arguments), kind_(kind) {
        // A tuple subclass (a namedtuple) gives its items too.
        if (Value native = native_self(arguments); is_tuple(native)) {
            items_ = as_tuple(native)->span();
        } else {
            items_ = std::span<const Value>(&arguments_, 1);
        }
    }

    std::size_t positional_count() const override { return items_.size(); }
    bool is_mapping() const override { return is_dict(arguments_); }

    text::Result<std::int64_t> integer_at(std::size_t index) override {
        std::optional<std::int64_t> number = to_integer(runtime_, items_[index]);
        if (!number) {
            python_error_pending = true;
            return pending_failure();
        }
        return *number;
    }

    text::Status write_positional(std::size_t index, const text::PercentSpec& spec,
                                  text::TextSink& sink) override {
        return write_value(items_[index], spec, sink);
    }

    text::Status write_keyed(std::string_view key, const text::PercentSpec& spec,
                             text::TextSink& sink) override {
        if (name_too_long(runtime_, key)) {
            python_error_pending = true;
            return pending_failure();
        }
        Value key_value = make_str(runtime_, key);
        Value found = key_value.is_empty() ? key_value
                                           : Value(load_subscript(runtime_, arguments_, key_value));
        if (found.is_empty()) {
            python_error_pending = true;
            return pending_failure();
        }
        return write_value(found, spec, sink);
    }

    bool python_error_pending = false;

  private:
    text::Error cannot_convert(Value value, std::string_view target) {
        return text::Error{
            text::ErrorKind::type_error,
            support::join_text({"can't convert ", type_name_of(runtime_, value), " to ", target})};
    }

    text::Status write_value(Value value, const text::PercentSpec& spec, text::TextSink& sink) {
        Value native = native_self(value);
        switch (spec.conversion) {
            case 'd':
            case 'i':
            case 'u':
                if (native.is_double()) {
                    auto truncated = number::BigInteger::from_double(native.as_double());
                    if (!truncated) {
                        return text::Error{text::ErrorKind::overflow_error,
                                           truncated.error().message};
                    }
                    return text::write_percent_integer(*truncated, spec, sink);
                }
                [[fallthrough]];
            case 'x':
            case 'X':
            case 'o':
                if (!is_int(native)) {
                    // An instance with __int__ gives its result, as on the reference.
                    Value method = find_attribute(runtime_, value, names::dunder_int);
                    if (!method.is_empty()) {
                        native = call_positional(runtime_, method, std::span<const Value>{});
                    }
                    if (runtime_.has_exception()) {
                        python_error_pending = true;
                        return pending_failure();
                    }
                    if (method.is_empty() || !is_int(native)) {
                        return cannot_convert(value, "int");
                    }
                }
                return text::write_percent_integer(to_big_integer(native), spec, sink);
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                if (native.is_double()) {
                    return text::write_percent_float(native.as_double(), spec, sink);
                }
                if (is_int(native)) {
                    return text::write_percent_float(to_big_integer(native).to_double(), spec,
                                                     sink);
                }
                if (type_of(value)->is_user_class()) {
                    // A user class converts through its __float__.
                    std::optional<double> converted = to_double(runtime_, value);
                    if (!converted) {
                        python_error_pending = true;
                        return pending_failure();
                    }
                    return text::write_percent_float(*converted, spec, sink);
                }
                return cannot_convert(value, "float");
            case 'c':
                if (is_str(native)) {
                    std::string_view character = str_view(runtime_, native);
                    if (utf8_character_count(character) != 1) {
                        return text::Error{text::ErrorKind::type_error, "%c needs int or char"};
                    }
                    return text::write_percent_char(character, spec, sink);
                }
                if (is_int(native)) {
                    std::optional<std::int64_t> code = int_to_int64(native);
                    if (!code) {
                        return text::Error{text::ErrorKind::overflow_error,
                                           "overflow converting long int to machine word"};
                    }
                    return text::write_percent_char_code(*code, spec, sink);
                }
                return text::Error{text::ErrorKind::type_error, "integer needed"};
            default: {  // 'r' and 's'
                // A bytes pattern's %s puts a bytes argument in as it is, as the reference.
                if (spec.conversion == 's' && kind_ == text::TextKind::bytes && is_bytes(value)) {
                    return text::write_percent_text(bytes_view(value), spec, sink);
                }
                Printer converted;
                if (!print_value(runtime_, converted, value,
                                 spec.conversion == 'r' ? PrintKind::repr : PrintKind::str)) {
                    python_error_pending = true;
                    return pending_failure();
                }
                return text::write_percent_text(converted.text(), spec, sink);
            }
        }
    }

    Runtime& runtime_;
    Value arguments_;
    text::TextKind kind_;
    std::span<const Value> items_;
};

}  // namespace

Status percent_format_into(Runtime& runtime, std::string_view pattern, Value arguments,
                           Printer& output, text::TextKind kind) {
    PercentValues values(runtime, arguments, kind);
    PrinterSink sink(output);
    text::Status status = text::format_percent(pattern, values, sink);
    if (!status.ok() && !values.python_error_pending) {
        raise_text_error(runtime, status.error());
    }
    // The output's size measures the work (a width can make it far longer than the input).
    return status.ok() && runtime.charge_if_large(output.text().size());
}

Result<Value> str_modulo_format(Runtime& runtime, std::string_view pattern, Value arguments) {
    Printer output;
    if (!percent_format_into(runtime, pattern, arguments, output)) {
        return Value::empty();
    }
    return make_str(runtime, output.text());
}

Status format_template_into(Runtime& runtime, std::string_view pattern, Arguments arguments,
                            text::TextKind kind, Printer& output) {
    TemplateArguments values(runtime, arguments, kind);
    PrinterSink sink(output);
    text::Status status = text::format_template(pattern, values, sink);
    if (!status.ok() && !values.python_error_pending) {
        raise_text_error(runtime, status.error());
    }
    return status.ok();
}

Status format_with_spec(Runtime& runtime, Printer& printer, Value value, std::string_view spec) {
    const Type* type = type_of(value);
    if (type->is_user_class()) {
        ClassLookup found = lookup_in_type(type, names::dunder_format);
        if (!found.value.is_empty() && found.owner->is_user_class()) {
            Value spec_value = make_str(runtime, spec);
            if (spec_value.is_empty()) {
                return Raised{};
            }
            Value result =
                call_with_self(runtime, found.value, value, Arguments{&spec_value, 1, 0});
            if (result.is_empty()) {
                return Raised{};
            }
            if (!is_str(result)) {
                runtime.raise_new(&type_error_type, "__format__ must return a str");
                return Raised{};
            }
            printer.write(str_view(runtime, result));
            return succeeded();
        }
    }
    if (spec.empty()) {
        return print_value(runtime, printer, value, PrintKind::str);
    }
    text::Result<text::FormatSpec> parsed = text::parse_format_spec(spec);
    if (!parsed.ok()) {
        raise_text_error(runtime, parsed.error());
        return Raised{};
    }
    // Straight into the printer: a failure raises, and a raising print writes nothing.
    PrinterSink sink(printer);
    text::Status status = format_value(runtime, value, parsed.value(), text::TextKind::str, sink);
    if (!status.ok()) {
        raise_text_error(runtime, status.error());
        return Raised{};
    }
    return succeeded();
}

}  // namespace xipy::object
