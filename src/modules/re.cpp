// The re module: compiled patterns and match objects over library/regex_program.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "library/regex_program.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "support/small_vector.hpp"

namespace xipy::modules {

using library::RegexProgram;
using object::Arguments;
using object::Attribute;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

extern const object::Type pattern_type;
extern const object::Type match_type;

// A compiled pattern. Invariant: the program's `code_bytes` bytes, after the object in its
// cell, were compiled from `source` (a str or bytes, kept for fullmatch, which compiles an
// anchored variant). Kept in the cell, the program counts in the heap and needs no finaliser.
struct PatternObject : object::Object {
    Value source;
    std::uint32_t group_count;
    std::uint32_t code_bytes;

    PatternObject(Value pattern_source, const RegexProgram& compiled)
        : Object(&pattern_type),
          source(pattern_source),
          group_count(static_cast<std::uint32_t>(compiled.group_count())),
          code_bytes(static_cast<std::uint32_t>(compiled.code().size())) {
        std::memcpy(code(), compiled.code().data(), code_bytes);
    }
    std::uint8_t* code() { return reinterpret_cast<std::uint8_t*>(this + 1); }
    RegexProgram program() { return RegexProgram::over({code(), code_bytes}, group_count); }
};

// One successful match. Invariant: `captures` (after the object) holds 2 * group_count byte
// offsets into `subject` (a str or bytes), RegexProgram::unset for groups that took no part.
struct MatchObject : object::Object {
    Value subject;
    std::uint32_t group_count;

    MatchObject(Value matched, std::uint32_t groups)
        : Object(&match_type), subject(matched), group_count(groups) {}
    std::size_t* captures() { return reinterpret_cast<std::size_t*>(this + 1); }
};

PatternObject* as_pattern(Value value) { return static_cast<PatternObject*>(value.as_object()); }
MatchObject* as_match(Value value) { return static_cast<MatchObject*>(value.as_object()); }

void trace_pattern(gc::Cell* cell, gc::Tracer& tracer) {
    auto* pattern = static_cast<PatternObject*>(cell);
    if (pattern->source.is_object()) {
        tracer.mark(pattern->source.as_object());
    }
}

void trace_match(gc::Cell* cell, gc::Tracer& tracer) {
    auto* match = static_cast<MatchObject*>(cell);
    if (match->subject.is_object()) {
        tracer.mark(match->subject.as_object());
    }
}

// The bytes of a str or bytes argument (MicroPython's mp_obj_str_get_data).
std::optional<std::string_view> text_argument(object::Runtime& runtime, Value value) {
    if (object::is_str(value)) {
        return object::str_view(runtime, value);
    }
    if (object::is_bytes(value)) {
        return object::bytes_view(value);
    }
    runtime.raise_joined(
        &object::type_error_type,
        {"can't convert '", object::type_name_of(runtime, value), "' object to str implicitly"});
    return std::nullopt;
}

// A str for a str subject, bytes otherwise, as the reference's mp_obj_new_str_of_type.
object::Result<Value> make_like(object::Runtime& runtime, Value subject, std::string_view text) {
    return object::is_str(subject) ? object::make_str(runtime, text)
                                   : object::make_bytes(runtime, text);
}

object::Result<Value> compile_pattern(object::Runtime& runtime, Value source,
                                      std::string_view wrap_before = {},
                                      std::string_view wrap_after = {}) {
    auto text = text_argument(runtime, source);
    if (!text) {
        return Value::empty();
    }
    support::ScratchString pattern = support::join_text({wrap_before, *text, wrap_after});
    auto program = RegexProgram::compile(pattern);
    if (!program) {
        return runtime.raise_new(&object::value_error_type, program.error().message);
    }
    auto* object = runtime.make<PatternObject>(program->code().size(), source, *program);
    return object == nullptr ? Value::empty() : Value::from_object(object);
}

// A compiled pattern as it is, anything else compiled (module functions take either).
object::Result<Value> pattern_of(object::Runtime& runtime, Value value) {
    if (object::type_of(value) == &pattern_type) {
        return value;
    }
    return compile_pattern(runtime, value);
}

// A match's capture positions, two per group: ten groups stay on the C stack.
using Captures = support::SmallVector<std::size_t, 20>;

// Runs `program`; nothing with the exception pending when the matcher gave up. `meter` is the
// whole call's: sub() and split() run the matcher once per match, and a meter per run would
// never reach its charging batch with many small matches, leaving their work uncharged.
std::optional<bool> run(object::Runtime& runtime, object::NativeWorkMeter& meter,
                        const RegexProgram& program, std::string_view subject, std::size_t begin,
                        std::size_t end, bool anchored, Captures& captures) {
    if (!captures.resize(2 * program.group_count())) {
        runtime.raise_memory_error();
        return std::nullopt;
    }
    for (std::size_t& capture : captures) {
        capture = RegexProgram::unset;
    }
    library::RegexLimits limits;
    limits.meter = &meter;
    auto found = program.execute(subject, begin, end, anchored, captures.span(), limits);
    if (!found) {
        if (runtime.has_exception()) {
            return std::nullopt;
        }
        runtime.raise_new(&object::runtime_error_type, found.error().message);
        return std::nullopt;
    }
    return *found;
}

object::Result<Value> make_match(object::Runtime& runtime, Value subject,
                                 std::span<const std::size_t> captures) {
    auto groups = static_cast<std::uint32_t>(captures.size() / 2);
    auto* match = runtime.make<MatchObject>(captures.size() * sizeof(std::size_t), subject, groups);
    if (match == nullptr) {
        return Value::empty();
    }
    std::copy(captures.begin(), captures.end(), match->captures());
    return Value::from_object(match);
}

enum class MatchMode : std::uint8_t { anchored, search, full };

// match / search / fullmatch with a pattern and a subject; a compiled pattern's methods
// also take pos and endpos (clamped as the reference clamps them).
object::Result<Value> execute(object::Runtime& runtime, Value pattern, Arguments arguments,
                              MatchMode mode, bool with_positions) {
    Value subject = arguments[1];
    auto text = text_argument(runtime, subject);
    if (!text) {
        return Value::empty();
    }
    std::int64_t length = static_cast<std::int64_t>(text->size());
    std::int64_t begin = 0;
    std::int64_t end = length;
    if (with_positions && arguments.positional_count > 2) {
        auto start = object::to_integer(runtime, arguments[2]);
        if (!start) {
            return Value::empty();
        }
        begin = std::clamp<std::int64_t>(*start, 0, length);
        if (arguments.positional_count > 3) {
            auto stop = object::to_integer(runtime, arguments[3]);
            if (!stop) {
                return Value::empty();
            }
            end = std::clamp<std::int64_t>(*stop, begin, length);
        }
    }
    if (mode == MatchMode::full) {
        // `$` matches only at the end of the subject, so this is a whole-subject match that
        // still lets alternatives and repeats backtrack to reach the end.
        pattern = compile_pattern(runtime, as_pattern(pattern)->source, "(?:", ")$");
        if (pattern.is_empty()) {
            return Value::empty();
        }
    }
    Captures captures(runtime.scratch_memory());
    object::NativeWorkMeter meter(runtime);
    auto found =
        run(runtime, meter, as_pattern(pattern)->program(), *text, static_cast<std::size_t>(begin),
            static_cast<std::size_t>(end), mode != MatchMode::search, captures);
    if (!found) {
        return Value::empty();
    }
    if (!*found) {
        return Value::none();
    }
    return make_match(runtime, subject, captures.span());
}

template <MatchMode Mode>
object::Result<Value> module_execute(object::Runtime& runtime, Arguments arguments) {
    Value pattern = pattern_of(runtime, arguments[0]);
    return pattern.is_empty() ? object::Raised{}
                              : execute(runtime, pattern, arguments, Mode, false);
}

template <MatchMode Mode>
object::Result<Value> pattern_execute(object::Runtime& runtime, Arguments arguments) {
    return execute(runtime, arguments[0], arguments, Mode, true);
}

// pattern.split(string, maxsplit=0), the reference's way: stops at an empty match and does
// not support capturing groups.
object::Result<Value> split(object::Runtime& runtime, Value pattern, Value subject,
                            Value maxsplit_value) {
    auto text = text_argument(runtime, subject);
    if (!text) {
        return Value::empty();
    }
    std::int64_t maxsplit = 0;
    if (!maxsplit_value.is_empty()) {
        auto given = object::to_integer(runtime, maxsplit_value);
        if (!given) {
            return Value::empty();
        }
        maxsplit = *given;
    }
    const RegexProgram program = as_pattern(pattern)->program();
    Value result = object::make_list(runtime, {});
    if (result.is_empty()) {
        return Value::empty();
    }
    std::size_t begin = 0;
    Captures captures(runtime.scratch_memory());
    object::NativeWorkMeter meter(runtime);
    while (true) {
        auto found = run(runtime, meter, program, *text, begin, text->size(), false, captures);
        if (!found) {
            return Value::empty();
        }
        if (!*found || captures[0] == captures[1]) {
            break;
        }
        Value piece = make_like(runtime, subject, text->substr(begin, captures[0] - begin));
        if (piece.is_empty() || !object::list_append(runtime, result, piece)) {
            return Value::empty();
        }
        if (program.group_count() > 1) {
            return runtime.raise_new(&object::not_implemented_error_type,
                                     "splitting with sub-captures");
        }
        // The matcher charges its own long runs; a short one is charged here by the span
        // it covered, so a million tiny matches count as the work they are.
        if (!meter.add(captures[1] - begin + 1)) {
            return Value::empty();
        }
        begin = captures[1];
        if (maxsplit > 0 && --maxsplit == 0) {
            break;
        }
    }
    Value rest = make_like(runtime, subject, text->substr(begin));
    if (rest.is_empty() || !object::list_append(runtime, result, rest)) {
        return Value::empty();
    }
    return result;
}

object::Result<Value> module_split(object::Runtime& runtime, Arguments arguments) {
    Value pattern = pattern_of(runtime, arguments[0]);
    if (pattern.is_empty()) {
        return Value::empty();
    }
    return split(runtime, pattern, arguments[1],
                 arguments.positional_count > 2 ? arguments[2] : Value::empty());
}

object::Result<Value> pattern_split(object::Runtime& runtime, Arguments arguments) {
    return split(runtime, arguments[0], arguments[1],
                 arguments.positional_count > 2 ? arguments[2] : Value::empty());
}

// sub(pattern, replacement, string, count=0, flags=0); flags are ignored as in the reference.
// `arguments` are (replacement, string[, count[, flags]]); count and flags may also come as
// keywords (as CPython, which the suite's tests use when the implementation's name is not
// "micropython").
object::Result<Value> substitute(object::Runtime& runtime, Value pattern, Arguments arguments) {
    if (!object::check_keywords(runtime, arguments, {names::count, names::flags})) {
        return Value::empty();
    }
    Value replacement = arguments[0];
    Value subject = arguments[1];
    Value count_value = object::keyword_argument(arguments, names::count);
    if (count_value.is_empty() && arguments.positional_count > 2) {
        count_value = arguments[2];
    }
    std::int64_t count = 0;
    if (!count_value.is_empty()) {
        auto given = object::to_integer(runtime, count_value);
        if (!given) {
            return Value::empty();
        }
        count = *given;
    }
    auto text = text_argument(runtime, subject);
    if (!text) {
        return Value::empty();
    }
    const RegexProgram program = as_pattern(pattern)->program();
    bool callable = object::is_callable(replacement);
    support::ScratchString out;
    bool substituted = false;
    std::size_t begin = 0;
    Captures captures(runtime.scratch_memory());
    object::NativeWorkMeter meter(runtime);
    while (true) {
        auto found = run(runtime, meter, program, *text, begin, text->size(), false, captures);
        if (!found) {
            return Value::empty();
        }
        if (!*found || captures[0] == captures[1]) {
            break;
        }
        substituted = true;
        out.append(text->substr(begin, captures[0] - begin));
        Value template_value = replacement;
        if (callable) {
            Value match = make_match(runtime, subject, captures.span());
            if (match.is_empty()) {
                return Value::empty();
            }
            template_value = object::call_positional(runtime, replacement, {match});
            if (template_value.is_empty()) {
                return Value::empty();
            }
        }
        auto template_text = text_argument(runtime, template_value);
        if (!template_text) {
            return Value::empty();
        }
        auto missing =
            library::expand_regex_replacement(*template_text, *text, captures.span(), out);
        if (missing) {
            // The group number the template asked for, which may be past the small ints.
            Value number = object::make_int(runtime, static_cast<std::int64_t>(*missing));
            if (number.is_empty()) {
                return object::Raised{};
            }
            Value exception = object::make_exception(runtime, &object::index_error_type,
                                                     std::span<const Value>(&number, 1));
            return exception.is_empty() ? object::Raised{} : runtime.set_exception(exception);
        }
        // The matcher charges its own long runs; a short one is charged here by the span
        // it covered, so a million tiny matches count as the work they are.
        if (!meter.add(captures[1] - begin + 1)) {
            return Value::empty();
        }
        begin = captures[1];
        if (count > 0 && --count == 0) {
            break;
        }
    }
    if (!substituted) {
        return subject;
    }
    out.append(text->substr(begin));
    return make_like(runtime, subject, out);
}

object::Result<Value> module_sub(object::Runtime& runtime, Arguments arguments) {
    Value pattern = pattern_of(runtime, arguments[0]);
    if (pattern.is_empty()) {
        return Value::empty();
    }
    return substitute(runtime, pattern, arguments.without_first());
}

object::Result<Value> pattern_sub(object::Runtime& runtime, Arguments arguments) {
    return substitute(runtime, arguments[0], arguments.without_first());
}

object::Result<Value> module_compile(object::Runtime& runtime, Arguments arguments) {
    return compile_pattern(runtime, arguments[0]);
}

object::Status pattern_print(object::Runtime&, Value self, object::Printer& printer,
                             object::PrintKind) {
    char text[32];
    std::snprintf(text, sizeof text, "<re %zx>",
                  static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(self.as_object())));
    printer.write(text);
    return object::succeeded();
}

// ---- match objects

// The group number argument, or nothing with IndexError(argument) pending when out of range.
std::optional<std::uint32_t> group_index(object::Runtime& runtime, MatchObject* match,
                                         Value argument) {
    auto index = object::to_integer(runtime, argument);
    if (!index) {
        return std::nullopt;
    }
    if (*index < 0 || *index >= match->group_count) {
        Value exception = object::make_exception(runtime, &object::index_error_type,
                                                 std::span<const Value>(&argument, 1));
        if (!exception.is_empty()) {
            runtime.set_exception(exception);
        }
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(*index);
}

object::Result<Value> group_value(object::Runtime& runtime, MatchObject* match,
                                  std::uint32_t index) {
    std::size_t start = match->captures()[2 * index];
    std::size_t end = match->captures()[2 * index + 1];
    if (start == RegexProgram::unset || end == RegexProgram::unset) {
        return Value::none();
    }
    auto text = text_argument(runtime, match->subject);
    return make_like(runtime, match->subject, text->substr(start, end - start));
}

// group(n) as the reference; group() and group(a, b, ...) as CPython.
object::Result<Value> match_group(object::Runtime& runtime, Arguments arguments) {
    MatchObject* match = as_match(arguments[0]);
    if (arguments.positional_count == 1) {
        return group_value(runtime, match, 0);
    }
    support::SmallVector<Value, 16> values(runtime.scratch_memory());
    for (std::uint32_t position = 1; position < arguments.positional_count; ++position) {
        auto index = group_index(runtime, match, arguments[position]);
        if (!index) {
            return Value::empty();
        }
        Value value = group_value(runtime, match, *index);
        if (value.is_empty()) {
            return Value::empty();
        }
        if (!values.push_back(value)) {
            return runtime.raise_memory_error();
        }
    }
    return values.size() == 1 ? values[0] : Value(object::new_tuple(runtime, values.span()));
}

object::Result<Value> match_groups(object::Runtime& runtime, Arguments arguments) {
    MatchObject* match = as_match(arguments[0]);
    support::SmallVector<Value, 16> values(runtime.scratch_memory());
    for (std::uint32_t index = 1; index < match->group_count; ++index) {
        Value value = group_value(runtime, match, index);
        if (value.is_empty()) {
            return Value::empty();
        }
        if (!values.push_back(value)) {
            return runtime.raise_memory_error();
        }
    }
    return object::new_tuple(runtime, values.span());
}

// The (start, end) of a group as indices into the subject: characters for a str, -1 for a
// group that took no part.
std::optional<std::pair<std::int64_t, std::int64_t>> group_span(object::Runtime& runtime,
                                                                Arguments arguments) {
    MatchObject* match = as_match(arguments[0]);
    std::uint32_t index = 0;
    if (arguments.positional_count > 1) {
        auto given = group_index(runtime, match, arguments[1]);
        if (!given) {
            return std::nullopt;
        }
        index = *given;
    }
    std::size_t start = match->captures()[2 * index];
    std::size_t end = match->captures()[2 * index + 1];
    if (start == RegexProgram::unset || end == RegexProgram::unset) {
        return std::pair<std::int64_t, std::int64_t>{-1, -1};
    }
    if (object::is_str(match->subject)) {
        std::string_view text = object::str_view(runtime, match->subject);
        start = object::utf8_character_count(text.substr(0, start));
        end = object::utf8_character_count(text.substr(0, end));
    }
    return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(start),
                                                 static_cast<std::int64_t>(end)};
}

object::Result<Value> match_span(object::Runtime& runtime, Arguments arguments) {
    auto span = group_span(runtime, arguments);
    if (!span) {
        return Value::empty();
    }
    Value parts[2] = {object::make_int(runtime, span->first),
                      object::make_int(runtime, span->second)};
    return object::new_tuple(runtime, parts);
}

object::Result<Value> match_start(object::Runtime& runtime, Arguments arguments) {
    auto span = group_span(runtime, arguments);
    return span ? object::make_int(runtime, span->first) : object::Raised{};
}

object::Result<Value> match_end(object::Runtime& runtime, Arguments arguments) {
    auto span = group_span(runtime, arguments);
    return span ? object::make_int(runtime, span->second) : object::Raised{};
}

object::Status match_print(object::Runtime&, Value self, object::Printer& printer,
                           object::PrintKind) {
    printer.write("<match num=");
    printer.write_integer(as_match(self)->group_count);
    printer.write(">");
    return object::succeeded();
}

constexpr NativeFunction match_methods[] = {
    {names::group, NativeKind::method, 1, NativeFunction::unlimited, match_group},
    {names::groups, NativeKind::method, 1, 1, match_groups},
    {names::span, NativeKind::method, 1, 2, match_span},
    {names::start, NativeKind::method, 1, 2, match_start},
    {names::end, NativeKind::method, 1, 2, match_end},
};

constexpr Attribute match_attributes[] = {
    {names::group, &match_methods[0]}, {names::groups, &match_methods[1]},
    {names::span, &match_methods[2]},  {names::start, &match_methods[3]},
    {names::end, &match_methods[4]},
};

constexpr NativeFunction pattern_methods[] = {
    {names::match, NativeKind::method, 2, 4, pattern_execute<MatchMode::anchored>},
    {names::search, NativeKind::method, 2, 4, pattern_execute<MatchMode::search>},
    {names::fullmatch, NativeKind::method, 2, 4, pattern_execute<MatchMode::full>},
    {names::split, NativeKind::method, 2, 3, pattern_split},
    {names::sub, NativeKind::method, 3, 5, pattern_sub, true},
};

constexpr Attribute pattern_attributes[] = {
    {names::match, &pattern_methods[0]},     {names::search, &pattern_methods[1]},
    {names::fullmatch, &pattern_methods[2]}, {names::split, &pattern_methods[3]},
    {names::sub, &pattern_methods[4]},
};

constinit const object::Type pattern_type{
    names::re, &object::object_type, object::TypeSlots{.print = pattern_print}, pattern_attributes,
    0,         trace_pattern};

constinit const object::Type match_type{names::match,
                                        &object::object_type,
                                        object::TypeSlots{.print = match_print},
                                        match_attributes,
                                        0,
                                        trace_match};

constexpr NativeFunction re_functions[] = {
    {names::compile, NativeKind::function, 1, 2, module_compile},
    {names::match, NativeKind::function, 2, 3, module_execute<MatchMode::anchored>},
    {names::search, NativeKind::function, 2, 3, module_execute<MatchMode::search>},
    {names::fullmatch, NativeKind::function, 2, 3, module_execute<MatchMode::full>},
    {names::split, NativeKind::function, 2, 4, module_split},
    {names::sub, NativeKind::function, 3, 5, module_sub, true},
};

}  // namespace

constinit const vm::ModuleDefinition re_module{
    .name = names::re, .functions = re_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
