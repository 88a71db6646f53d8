// Walks a str.format template, numbering fields and expanding nested specs.
#include "text/format_template.hpp"

#include <string>

#include "text/string_sink.hpp"

namespace xipy::text {
namespace {

// Nested specs recurse; a template cannot nest deeper than this (CPython allows 2).
constexpr int max_nesting = 8;

// Automatic numbering state shared by a template and the specs nested in it.
// Invariant: next_automatic > 0 only in automatic mode; manual is set once any explicit
// index has been used, and then next_automatic stays 0.
struct Numbering {
    std::size_t next_automatic = 0;
    bool manual = false;
};

bool is_digit(char character) { return character >= '0' && character <= '9'; }

Status expand(std::string_view pattern, FormatArguments& arguments, Numbering& numbering, int depth,
              TextSink& sink);

Result<FieldArgument> resolve(std::string_view name, FormatArguments& arguments,
                              Numbering& numbering) {
    FieldArgument argument;
    std::size_t name_end = 0;
    if (name.empty()) {
        if (numbering.manual) {
            return Error{ErrorKind::value_error,
                         "can't switch from manual field specification to automatic field "
                         "numbering"};
        }
        if (numbering.next_automatic >= arguments.positional_count()) {
            return Error{ErrorKind::index_error, "tuple index out of range"};
        }
        argument.id = numbering.next_automatic++;
        return argument;
    }
    if (is_digit(name[0])) {
        if (numbering.next_automatic > 0) {
            return Error{ErrorKind::value_error,
                         "can't switch from automatic field numbering to manual field "
                         "specification"};
        }
        std::size_t index = 0;
        bool too_big = false;
        while (name_end < name.size() && is_digit(name[name_end])) {
            std::size_t digit = static_cast<std::size_t>(name[name_end] - '0');
            too_big = too_big || index > (static_cast<std::size_t>(-1) - digit) / 10;
            index = index * 10 + digit;
            ++name_end;
        }
        if (too_big || index >= arguments.positional_count()) {
            return Error{ErrorKind::index_error, "tuple index out of range"};
        }
        numbering.manual = true;
        argument.id = index;
    } else {
        name_end = name.find_first_of(".[");
        if (name_end == std::string_view::npos) {
            name_end = name.size();
        }
        Result<std::size_t> found = arguments.find_keyword(name.substr(0, name_end));
        if (!found.ok()) {
            return found.error();
        }
        argument.is_keyword = true;
        argument.id = found.value();
    }
    if (name_end < name.size()) {
        return Error{ErrorKind::not_implemented_error, "attributes not supported"};
    }
    return argument;
}

// Parses the field that starts after the '{' at `position`, leaves `position` after its
// '}' and writes it.
Status expand_field(std::string_view pattern, std::size_t& position, FormatArguments& arguments,
                    Numbering& numbering, int depth, TextSink& sink) {
    std::size_t name_start = position;
    while (position < pattern.size() && pattern[position] != '}' && pattern[position] != '!' &&
           pattern[position] != ':') {
        ++position;
    }
    std::string_view name = pattern.substr(name_start, position - name_start);

    char conversion = '\0';
    if (position < pattern.size() && pattern[position] == '!') {
        ++position;
        if (position >= pattern.size()) {
            return Error{ErrorKind::value_error,
                         "end of format while looking for conversion specifier"};
        }
        if (pattern[position] != 'r' && pattern[position] != 's') {
            return Error{
                ErrorKind::value_error,
                support::join_text({"unknown conversion specifier ", pattern.substr(position, 1)})};
        }
        conversion = pattern[position++];
    }

    std::string_view spec;
    if (position < pattern.size() && pattern[position] == ':') {
        ++position;
        std::size_t spec_start = position;
        int open_braces = 0;
        while (position < pattern.size()) {
            char character = pattern[position];
            if (character == '{') {
                ++open_braces;
            } else if (character == '}') {
                if (open_braces == 0) {
                    break;
                }
                --open_braces;
            }
            ++position;
        }
        spec = pattern.substr(spec_start, position - spec_start);
    }
    if (position >= pattern.size()) {
        return Error{ErrorKind::value_error, "unmatched '{' in format"};
    }
    if (pattern[position] != '}') {
        return Error{ErrorKind::value_error, "expected ':' after format specifier"};
    }
    ++position;

    Result<FieldArgument> argument = resolve(name, arguments, numbering);
    if (!argument.ok()) {
        return argument.error();
    }

    // The field's own argument is numbered before the fields nested in its spec.
    support::ScratchString expanded_spec;
    if (spec.find('{') != std::string_view::npos) {
        if (depth >= max_nesting) {
            return Error{ErrorKind::value_error, "max string recursion exceeded"};
        }
        ScratchSink spec_sink(expanded_spec);
        XIPY_CHECK(expand(spec, arguments, numbering, depth + 1, spec_sink));
        spec = expanded_spec;
    }
    Result<FormatSpec> parsed = parse_format_spec(spec);
    if (!parsed.ok()) {
        return parsed.error();
    }
    if (spec.empty() && conversion == '\0') {
        conversion = 's';
    }
    return arguments.write_field(argument.value(), conversion, parsed.value(), sink);
}

Status expand(std::string_view pattern, FormatArguments& arguments, Numbering& numbering, int depth,
              TextSink& sink) {
    std::size_t position = 0;
    while (position < pattern.size()) {
        std::size_t literal_end = pattern.find_first_of("{}", position);
        if (literal_end == std::string_view::npos) {
            literal_end = pattern.size();
        }
        XIPY_CHECK(sink.write(pattern.substr(position, literal_end - position)));
        position = literal_end;
        if (position >= pattern.size()) {
            break;
        }
        char brace = pattern[position++];
        if (position < pattern.size() && pattern[position] == brace) {
            XIPY_CHECK(sink.write(std::string_view(&brace, 1)));
            ++position;
            continue;
        }
        if (brace == '}') {
            return Error{ErrorKind::value_error, "single '}' encountered in format string"};
        }
        XIPY_CHECK(expand_field(pattern, position, arguments, numbering, depth, sink));
    }
    return succeeded();
}

}  // namespace

Status format_template(std::string_view pattern, FormatArguments& arguments, TextSink& sink) {
    Numbering numbering;
    return expand(pattern, arguments, numbering, 0, sink);
}

}  // namespace xipy::text
