// Lexer: scanning of names, numbers, strings, f-strings, t-strings, operators and indentation.
#include "compiler/lexer.hpp"

#include <algorithm>

namespace xipy::compiler {

namespace {

constexpr std::size_t tab_width = 8;

// f-strings nested deeper than this inside one another's braces are rejected (MicroPython
// has no limit; real code nests two or three).
constexpr std::size_t max_fstring_nesting = 32;

// In a t-string's injected text, stands for the injection's next decoded string token. A
// source byte of this value inside a t-string's braces is refused, so it is never mistaken.
constexpr char string_placeholder = '\x01';

// The whitespace a t-string's expression text loses at its end, as MicroPython strips it.
bool is_expression_blank(char character) {
    return character == ' ' || character == '\t' || character == '\n' || character == '\r' ||
           character == '\v' || character == '\f';
}

bool is_ascii_letter(int character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
}

bool is_ascii_digit(int character) { return character >= '0' && character <= '9'; }

bool is_hex_digit(int character) {
    return is_ascii_digit(character) || (character >= 'a' && character <= 'f') ||
           (character >= 'A' && character <= 'F');
}

int hex_value(int character) {
    if (is_ascii_digit(character)) {
        return character - '0';
    }
    return (character | 0x20) - 'a' + 10;
}

// Bytes of 0x80 and above start or continue UTF-8 sequences; MicroPython lets any of them
// into identifiers without checking which characters they encode.
bool is_identifier_head(int character) {
    return is_ascii_letter(character) || character == '_' || character >= 0x80;
}

bool is_identifier_tail(int character) {
    return is_identifier_head(character) || is_ascii_digit(character);
}

// Whitespace other than a newline: space, tab, vertical tab, form feed.
bool is_blank(int character) {
    return character == ' ' || character == '\t' || character == '\v' || character == '\f' ||
           character == '\r';
}

// CR LF and lone CR read as LF; the text always ends in LF.
Text normalized_source(std::string_view source) {
    Text text;
    text.reserve(source.size() + 1);
    for (std::size_t index = 0; index < source.size(); ++index) {
        char character = source[index];
        if (character == '\r') {
            if (index + 1 < source.size() && source[index + 1] == '\n') {
                ++index;
            }
            character = '\n';
        }
        text.push_back(character);
    }
    // MicroPython adds the missing final newline, but leaves an empty file empty.
    if (!text.empty() && text.back() != '\n') {
        text.push_back('\n');
    }
    return text;
}

}  // namespace

Lexer::Lexer(std::string_view source, bool debug)
    : text_storage_(normalized_source(source)), debug_(debug) {
    for (int& character : characters_) {
        character = read_source();
    }
    advance();
    // MicroPython reports text before the first token's column as an unexpected indent.
    if (token_column_ != 1 && kind_ != TokenKind::newline) {
        kind_ = TokenKind::indent;
    }
}

int Lexer::read_source() {
    if (source_position_ >= text_storage_.size()) {
        return end_of_input;
    }
    return static_cast<unsigned char>(text_storage_[source_position_++]);
}

void Lexer::next_character() {
    if (characters_[0] == '\n') {
        ++line_;
        column_ = 1;
    } else if (characters_[0] == '\t') {
        column_ = ((column_ - 1 + tab_width) / tab_width) * tab_width + 1;
    } else {
        ++column_;
    }
    characters_[0] = characters_[1];
    characters_[1] = characters_[2];
    if (!injections_.empty()) {
        // Feeding f-string arguments back in: a NUL marks their end, after which the
        // characters they displaced come back.
        Injection& injection = injections_.back();
        if (injection.position < injection.text.size()) {
            characters_[2] = static_cast<unsigned char>(injection.text[injection.position++]);
        } else {
            characters_[2] = '\0';
        }
        if (characters_[0] == '\0') {
            for (int index = 0; index < 3; ++index) {
                characters_[index] = injection.saved_characters[index];
            }
            injections_.pop_back();
        }
    } else {
        characters_[2] = read_source();
    }
}

bool Lexer::skip_whitespace(bool stop_at_newline) {
    bool had_newline = false;
    while (!at_end()) {
        if (is('\n')) {
            if (stop_at_newline && bracket_depth_ == 0) {
                break;
            }
            had_newline = true;
            next_character();
        } else if (is_blank(characters_[0])) {
            next_character();
        } else if (is('#')) {
            next_character();
            while (!at_end() && !is('\n')) {
                next_character();
            }
        } else if (is('\\') && following_is('\n')) {
            // An explicit line joining is not a newline.
            next_character();
            next_character();
        } else {
            break;
        }
    }
    return had_newline;
}

void Lexer::inject(Injection injection) {
    // The text always ends in ')', and a NUL is read after it, so the window never reads
    // past the end however short the text is.
    for (int index = 0; index < 3; ++index) {
        injection.saved_characters[index] = characters_[index];
        characters_[index] = index < static_cast<int>(injection.text.size())
                                 ? static_cast<unsigned char>(injection.text[index])
                                 : '\0';
    }
    injection.position = std::min<std::size_t>(3, injection.text.size());
    injections_.push_back(std::move(injection));
}

void Lexer::advance() {
    if (!format_arguments_.empty()) {
        // The string literal is complete: its `.format(...)` arguments follow as if they
        // were the next source characters.
        Injection injection;
        injection.text = std::move(format_arguments_);
        injection.text.push_back(')');
        format_arguments_.clear();
        inject(std::move(injection));
    } else if (template_pending_) {
        // The `__template__` name was the last token: its call's arguments follow.
        template_pending_ = false;
        inject(std::move(pending_template_));
        pending_template_ = Injection{};
    }

    text_.clear();
    unicode_name_escape_ = false;
    // A NEWLINE token takes the position before the whitespace and comments it ends.
    std::size_t line_before = line_;
    std::size_t column_before = column_;
    bool had_newline = skip_whitespace(false);
    token_line_ = line_;
    token_column_ = column_;

    if (pending_indents_ < 0) {
        kind_ = TokenKind::dedent;
        ++pending_indents_;
    } else if (pending_indents_ > 0) {
        kind_ = TokenKind::indent;
        --pending_indents_;
    } else if (had_newline && bracket_depth_ == 0) {
        kind_ = TokenKind::newline;
        token_line_ = line_before;
        token_column_ = column_before;
        std::size_t indent = column_ - 1;
        if (indent > indent_levels_.back()) {
            indent_levels_.push_back(indent);
            ++pending_indents_;
        } else if (indent < indent_levels_.back()) {
            while (indent < indent_levels_.back()) {
                indent_levels_.pop_back();
                --pending_indents_;
            }
            if (indent != indent_levels_.back()) {
                kind_ = TokenKind::dedent_mismatch;
            }
        }
    } else if (at_end()) {
        kind_ = TokenKind::end;
    } else if (is(string_placeholder) && !injections_.empty() &&
               injections_.back().next_string < injections_.back().strings.size()) {
        Injection& injection = injections_.back();
        kind_ = TokenKind::string;
        text_ = std::move(injection.strings[injection.next_string++]);
        next_character();
    } else if (at_template_start()) {
        scan_template_string();
    } else if (at_string_start()) {
        scan_strings();
    } else if (is_identifier_head(characters_[0])) {
        scan_name();
    } else if (is_ascii_digit(characters_[0]) || (is('.') && is_ascii_digit(characters_[1]))) {
        scan_number();
    } else {
        scan_operator();
    }
}

bool Lexer::at_template_start() const {
    int first = characters_[0];
    int second = characters_[1];
    int third = characters_[2];
    auto is_quote = [](int character) { return character == '\'' || character == '"'; };
    if (first == 't' && is_quote(second)) {
        return true;
    }
    bool raw_prefix = (first == 'r' && second == 't') || (first == 't' && second == 'r');
    return raw_prefix && is_quote(third);
}

bool Lexer::at_string_start() const {
    int first = characters_[0];
    int second = characters_[1];
    int third = characters_[2];
    auto is_quote = [](int character) { return character == '\'' || character == '"'; };
    if (is_quote(first)) {
        return true;
    }
    if ((first == 'r' || first == 'u' || first == 'b' || first == 'f') && is_quote(second)) {
        return true;
    }
    bool two_letter_prefix = (first == 'r' && (second == 'b' || second == 'f')) ||
                             ((first == 'b' || first == 'f') && second == 'r');
    return two_letter_prefix && is_quote(third);
}

void Lexer::scan_strings() {
    // `end` marks "no literal yet"; adjacent literals must all be str or all bytes.
    kind_ = TokenKind::end;
    do {
        bool raw = false;
        bool formatted = false;
        TokenKind literal_kind = TokenKind::string;
        int prefix_length = 0;
        if (is('u')) {
            prefix_length = 1;
        } else if (is('b')) {
            literal_kind = TokenKind::bytes;
            prefix_length = 1;
            if (following_is('r')) {
                raw = true;
                prefix_length = 2;
            }
        } else if (is('r')) {
            raw = true;
            prefix_length = 1;
            if (following_is('b')) {
                literal_kind = TokenKind::bytes;
                prefix_length = 2;
            } else if (following_is('f')) {
                formatted = true;
                prefix_length = 2;
            }
        } else if (is('f')) {
            formatted = true;
            prefix_length = 1;
            if (following_is('r')) {
                raw = true;
                prefix_length = 2;
            }
        }
        if (formatted && injections_.size() >= max_fstring_nesting) {
            // Each level copies the text of the levels inside it, so unbounded nesting
            // would need memory quadratic in the source.
            kind_ = TokenKind::malformed_fstring;
            break;
        }
        if (kind_ == TokenKind::end) {
            kind_ = literal_kind;
        } else if (kind_ != literal_kind) {
            break;
        }
        for (int index = 0; index < prefix_length; ++index) {
            next_character();
        }
        scan_string_literal(raw, formatted);
        skip_whitespace(true);
    } while (at_string_start());
}

void Lexer::scan_string_literal(bool raw, bool formatted) {
    int quote = is('"') ? '"' : '\'';
    next_character();
    std::size_t quote_count = 1;
    if (is(quote) && following_is(quote)) {
        next_character();
        next_character();
        quote_count = 3;
    }
    if (formatted && format_arguments_.empty()) {
        // One call for the whole token, however many f-strings it joins.
        format_arguments_ += ".format(";
    }

    std::size_t closing = 0;
    while (!at_end() && (quote_count > 1 || !is('\n')) && closing < quote_count) {
        if (is(quote)) {
            ++closing;
            text_.push_back(static_cast<char>(quote));
        } else if (formatted && is('{')) {
            closing = 0;
            next_character();
            if (is('{')) {
                // "{{" stays in the format string for str.format to unescape.
                text_ += "{{";
                next_character();
            } else {
                // Goes after any "expression=" text the argument adds for f"{x=}".
                scan_format_argument(format_arguments_, text_);
                text_.push_back('{');
            }
            // The character after "{{", or the '!', ':' or '}' ending an argument, is
            // scanned as any other.
            continue;
        } else {
            closing = 0;
            if (is('\\')) {
                next_character();
                if (!scan_escape(raw)) {
                    // A line continuation inside the literal adds nothing.
                }
            } else {
                // Bytes are copied as they are, so UTF-8 text stays intact.
                text_.push_back(static_cast<char>(characters_[0]));
            }
        }
        next_character();
    }
    if (closing < quote_count) {
        kind_ = TokenKind::lonely_string_open;
    }
    text_.erase(text_.size() - closing);
}

// Moves one `{expression!conversion:spec}` argument of an f-string into `arguments` (the
// `.format(` arguments) as "(expression)," and leaves the current character at the '!', ':'
// or '}' that ends it, which stays in the format string. Like MicroPython this does not
// parse the expression: it only balances brackets, so a ':' or '}' inside a string in the
// expression ends it early. "!r" or "!s" followed by ':' or '}' is a conversion; any other
// '!' (as in "!=") belongs to the expression. For f"{x=}" the text "x=" goes into `format`.
void Lexer::scan_format_argument(Text& arguments, Text& format) {
    arguments.push_back('(');
    std::size_t start = arguments.size();
    unsigned nesting = 0;
    while (!at_end()) {
        int character = characters_[0];
        if (nesting == 0) {
            bool conversion = character == '!' &&
                              (characters_[1] == 'r' || characters_[1] == 's') &&
                              (characters_[2] == ':' || characters_[2] == '}');
            if (character == ':' || character == '}' || conversion) {
                break;
            }
        }
        if (character == '[' || character == '{') {
            ++nesting;
        } else if (character == ']' || character == '}') {
            --nesting;
        }
        arguments.push_back(static_cast<char>(character));
        next_character();
    }
    if (arguments.size() == start) {
        kind_ = TokenKind::malformed_fstring;
    } else if (arguments.back() == '=') {
        // f"{x=}" prints "x=" before the value: the text goes into the format string.
        format.append(arguments, start, arguments.size() - start);
        arguments.pop_back();
    }
    arguments += "),";
}

// What scanning a t-string collects: the literal parts between interpolations (decoded),
// how many line breaks MicroPython counts a second time in each (see scan_template_string),
// and the injected text of the interpolations with their own decoded strings.
struct Lexer::TemplateParts {
    Vector<Text> literals{Text()};
    Vector<std::size_t> literal_breaks{0};
    Text interpolations;
    Vector<Text> interpolation_strings;
    int quote = '"';
    std::size_t quote_count = 1;
    // MicroPython rereads `{expression=}` text inside quotes like the literal's own, so in a
    // single-quoted t-string that text may not hold the quote: invalid syntax.
    bool quote_in_debug_text = false;
};

// A t-string (PEP 750) compiles as MicroPython 1.29's does: `t"a{x!r:>4}b"` is the call
// `__template__(('a', 'b'), (x), 'x', 'r', '>4')`, one value, expression text, conversion
// (None when absent) and format spec per interpolation; a format spec with fields of its own
// (`{x:{width}}`) is `'{}'.format((width),)`, as in an f-string. The name is this token; the
// rest is injected at the next advance(). MicroPython rereads parts of the literal text
// when it builds the call, so a backslash-newline in a non-raw literal part or format spec
// and a line break in `{expression=}` text advance the line a second time (the tokens after
// them, and the lines of later statements, come out one higher each); raw line breaks in the
// literal text do not. The injected text puts those line breaks where MicroPython counts them.
void Lexer::scan_template_string() {
    if (injections_.size() >= max_fstring_nesting) {
        kind_ = TokenKind::malformed_fstring;
        return;
    }
    bool raw = is('r') || following_is('r');
    next_character();
    if (raw) {
        next_character();
    }
    TemplateParts parts;
    parts.quote = is('"') ? '"' : '\'';
    next_character();
    if (is(parts.quote) && following_is(parts.quote)) {
        next_character();
        next_character();
        parts.quote_count = 3;
    }
    // scan_escape() decodes into text_ as str.
    kind_ = TokenKind::string;
    bool malformed = false;
    std::size_t closing = 0;
    while (!at_end() && (parts.quote_count > 1 || !is('\n')) && closing < parts.quote_count) {
        int character = characters_[0];
        if (character == parts.quote) {
            ++closing;
            text_.push_back(static_cast<char>(character));
            next_character();
            continue;
        }
        closing = 0;
        if (character == '{' || character == '}') {
            next_character();
            if (is(character)) {
                // "{{" and "}}" are the braces themselves.
                text_.push_back(static_cast<char>(character));
                next_character();
            } else if (character == '}' || !scan_template_interpolation(raw, parts)) {
                malformed = true;
            }
            continue;
        }
        if (character == '\\') {
            next_character();
            if (raw && (is('{') || is('}'))) {
                // A raw literal's backslash is only text: the brace after it still counts.
                text_.push_back('\\');
                continue;
            }
            if (!raw && is('\n')) {
                ++parts.literal_breaks.back();
            }
            scan_escape(raw);
        } else {
            text_.push_back(static_cast<char>(character));
        }
        next_character();
    }
    TokenKind decoded = kind_;
    if (malformed) {
        kind_ = TokenKind::malformed_fstring;
        return;
    }
    if (closing < parts.quote_count) {
        kind_ = TokenKind::lonely_string_open;
        return;
    }
    if (decoded != TokenKind::string) {
        return;
    }
    if (parts.quote_in_debug_text) {
        kind_ = TokenKind::invalid;
        return;
    }
    // MicroPython joins adjacent literals to a t-string as to any string, but what they add
    // lands outside the call's quotes: only empty ones ('' or "") leave valid syntax.
    skip_whitespace(true);
    while (at_string_start() || at_template_start()) {
        bool empty_literal = (is('\'') || is('"')) && following_is(characters_[0]) &&
                             characters_[2] != characters_[0];
        if (!empty_literal) {
            kind_ = TokenKind::invalid;
            return;
        }
        next_character();
        next_character();
        skip_whitespace(true);
    }
    text_.erase(text_.size() - closing);
    parts.literals.back() = std::move(text_);

    Injection call;
    call.text = "((";
    for (std::size_t index = 0; index < parts.literals.size(); ++index) {
        call.text.push_back(string_placeholder);
        call.text.append(parts.literal_breaks[index], '\n');
        call.text.push_back(',');
        call.strings.push_back(std::move(parts.literals[index]));
    }
    call.text.push_back(')');
    call.text += parts.interpolations;
    call.text.push_back(')');
    for (Text& text : parts.interpolation_strings) {
        call.strings.push_back(std::move(text));
    }
    pending_template_ = std::move(call);
    template_pending_ = true;
    kind_ = TokenKind::name;
    text_ = "__template__";
}

// One `{expression=!conversion:spec}` of a t-string, the '{' consumed. Scans it into
// `parts` and leaves the current character after its '}'. Returns false when it is malformed.
bool Lexer::scan_template_interpolation(bool raw, TemplateParts& parts) {
    Text expression;
    Text debug_text;
    scan_format_argument(expression, debug_text);
    if (kind_ != TokenKind::string) {
        kind_ = TokenKind::string;
        return false;
    }
    // scan_format_argument() wrapped it as "(expression),".
    expression = expression.substr(1, expression.size() - 3);
    Text& literal = parts.literals.back();
    literal += text_;
    text_.clear();
    literal += debug_text;
    for (char character : debug_text) {
        if (character == '\n') {
            ++parts.literal_breaks.back();
        } else if (character == parts.quote && parts.quote_count == 1) {
            parts.quote_in_debug_text = true;
        }
    }
    while (!expression.empty() && is_expression_blank(expression.back())) {
        expression.pop_back();
    }
    bool blank = true;
    for (char character : expression) {
        if (!is_expression_blank(character)) {
            blank = false;
        }
        if (character == string_placeholder || character == '\0') {
            return false;
        }
    }
    if (blank) {
        return false;
    }
    int conversion = 0;
    if (is('!')) {
        next_character();
        conversion = characters_[0];
        next_character();
    }
    bool has_spec = is(':');
    // The literal part before this interpolation is complete; the next one starts empty.
    parts.literals.emplace_back();
    parts.literal_breaks.push_back(0);

    parts.interpolations += ",(";
    parts.interpolations += expression;
    parts.interpolations += "),";
    if (expression.find('\n') != Text::npos) {
        // MicroPython rereads the expression text as a one-line string literal, which a line
        // break ends too early: invalid syntax, after the value's own line breaks.
        parts.interpolations.push_back('\x02');
    } else {
        parts.interpolations.push_back(string_placeholder);
        parts.interpolation_strings.push_back(std::move(expression));
    }
    parts.interpolations.push_back(',');
    if (conversion == 0 && !debug_text.empty() && !has_spec) {
        // f"{x=}" shows the repr unless a format spec is given.
        conversion = 'r';
    }
    if (conversion == 0) {
        parts.interpolations += "None";
    } else {
        parts.interpolations.push_back(string_placeholder);
        parts.interpolation_strings.emplace_back(1, static_cast<char>(conversion));
    }
    parts.interpolations.push_back(',');
    if (!has_spec) {
        if (!is('}')) {
            return false;
        }
        next_character();
        parts.interpolations.push_back(string_placeholder);
        parts.interpolation_strings.emplace_back();
        return true;
    }
    next_character();
    return scan_template_format_spec(raw, parts);
}

// The format spec of a t-string interpolation, after its ':', up to and past the '}' that
// closes the interpolation. Its text is decoded as the literal's is; fields inside it
// (`{width}`) become `.format(` arguments, as in an f-string. Braces nest: "{{" counts two.
bool Lexer::scan_template_format_spec(bool raw, TemplateParts& parts) {
    Text saved_text = std::move(text_);
    text_.clear();
    Text arguments;
    bool formatted = false;
    std::size_t depth = 0;
    std::size_t breaks = 0;
    bool closed = false;
    while (!at_end() && (parts.quote_count > 1 || !is('\n'))) {
        int character = characters_[0];
        if (character == parts.quote &&
            (parts.quote_count == 1 ||
             (following_is(parts.quote) && characters_[2] == parts.quote))) {
            break;
        }
        if (character == '{') {
            formatted = true;
            next_character();
            if (is('{')) {
                text_ += "{{";
                depth += 2;
                next_character();
                continue;
            }
            ++depth;
            if (arguments.empty()) {
                arguments = ".format(";
            }
            scan_format_argument(arguments, text_);
            if (kind_ != TokenKind::string) {
                break;
            }
            text_.push_back('{');
            continue;
        }
        if (character == '}') {
            next_character();
            if (depth == 0) {
                closed = true;
                break;
            }
            --depth;
            text_.push_back('}');
            continue;
        }
        if (character == '\\') {
            next_character();
            if (!raw && is('\n')) {
                ++breaks;
            }
            scan_escape(raw);
        } else {
            text_.push_back(static_cast<char>(character));
        }
        next_character();
    }
    Text spec = std::move(text_);
    text_ = std::move(saved_text);
    if (!closed || kind_ != TokenKind::string) {
        kind_ = TokenKind::string;
        return false;
    }
    parts.interpolations.push_back(string_placeholder);
    parts.interpolation_strings.push_back(std::move(spec));
    parts.interpolations.append(breaks, '\n');
    if (formatted) {
        parts.interpolations += arguments.empty() ? std::string_view(".format(") : arguments;
        parts.interpolations.push_back(')');
    }
    return true;
}

// Decodes the escape whose backslash was just consumed (the current character follows
// it). Returns false for a backslash-newline, which adds nothing.
bool Lexer::scan_escape(bool raw) {
    int character = characters_[0];
    if (raw) {
        // A raw literal keeps the backslash; the escape only stops a quote ending it.
        text_.push_back('\\');
        append_code_point(static_cast<std::uint32_t>(character));
        return true;
    }
    std::uint32_t code_point = static_cast<std::uint32_t>(character);
    switch (character) {
        case '\n':
            return false;
        case '\\':
        case '\'':
        case '"':
            break;
        case 'a':
            code_point = 0x07;
            break;
        case 'b':
            code_point = 0x08;
            break;
        case 't':
            code_point = 0x09;
            break;
        case 'n':
            code_point = 0x0a;
            break;
        case 'v':
            code_point = 0x0b;
            break;
        case 'f':
            code_point = 0x0c;
            break;
        case 'r':
            code_point = 0x0d;
            break;
        case 'u':
        case 'U':
        case 'x': {
            if (character != 'x' && kind_ == TokenKind::bytes) {
                // b"\u1234" is the six characters themselves.
                text_.push_back('\\');
                break;
            }
            int digits = character == 'x' ? 2 : (character == 'u' ? 4 : 8);
            std::uint32_t value = 0;
            bool complete = true;
            for (int index = 0; index < digits; ++index) {
                if (!is_hex_digit(characters_[1])) {
                    complete = false;
                    break;
                }
                next_character();
                value = value * 16 + static_cast<std::uint32_t>(hex_value(characters_[0]));
            }
            if (!complete) {
                kind_ = TokenKind::invalid;
            }
            code_point = value;
            break;
        }
        case 'N':
            unicode_name_escape_ = true;
            return true;
        default:
            if (character >= '0' && character <= '7') {
                std::uint32_t value = static_cast<std::uint32_t>(character - '0');
                for (int digits = 1; digits < 3 && characters_[1] >= '0' && characters_[1] <= '7';
                     ++digits) {
                    next_character();
                    value = value * 8 + static_cast<std::uint32_t>(characters_[0] - '0');
                }
                code_point = value;
            } else {
                // An unknown escape keeps its backslash, as in CPython.
                text_.push_back('\\');
            }
            break;
    }
    append_code_point(code_point);
    return true;
}

void Lexer::append_code_point(std::uint32_t code_point) {
    if (kind_ == TokenKind::string && code_point < 0x110000) {
        if (code_point < 0x80) {
            text_.push_back(static_cast<char>(code_point));
        } else if (code_point < 0x800) {
            text_.push_back(static_cast<char>(0xc0 | (code_point >> 6)));
            text_.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
        } else if (code_point < 0x10000) {
            text_.push_back(static_cast<char>(0xe0 | (code_point >> 12)));
            text_.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3f)));
            text_.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
        } else {
            text_.push_back(static_cast<char>(0xf0 | (code_point >> 18)));
            text_.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3f)));
            text_.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3f)));
            text_.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
        }
    } else if (kind_ == TokenKind::bytes && code_point < 0x100) {
        text_.push_back(static_cast<char>(code_point));
    } else {
        kind_ = TokenKind::invalid;
    }
}

void Lexer::scan_name() {
    kind_ = TokenKind::name;
    text_.push_back(static_cast<char>(characters_[0]));
    next_character();
    while (!at_end() && is_identifier_tail(characters_[0])) {
        text_.push_back(static_cast<char>(characters_[0]));
        next_character();
    }
    std::size_t first = static_cast<std::size_t>(TokenKind::keyword_false);
    for (std::size_t index = 0; index < std::size(keyword_spellings); ++index) {
        if (keyword_spellings[index] == text_) {
            kind_ = static_cast<TokenKind>(first + index);
            if (kind_ == TokenKind::keyword_debug) {
                kind_ = debug_ ? TokenKind::keyword_true : TokenKind::keyword_false;
            }
            break;
        }
    }
}

void Lexer::scan_number() {
    bool forced_integer = false;
    if (is('.')) {
        kind_ = TokenKind::float_or_imaginary;
    } else {
        kind_ = TokenKind::integer;
        int next = characters_[1] | 0x20;
        if (is('0') && (next == 'b' || next == 'o' || next == 'x')) {
            forced_integer = true;
        }
    }
    text_.push_back(static_cast<char>(characters_[0]));
    next_character();
    while (!at_end()) {
        int character = characters_[0];
        if (!forced_integer && (character == 'e' || character == 'E')) {
            kind_ = TokenKind::float_or_imaginary;
            text_.push_back('e');
            next_character();
            if (is('+') || is('-')) {
                text_.push_back(static_cast<char>(characters_[0]));
                next_character();
            }
        } else if (is_ascii_letter(character) || is_ascii_digit(character) || character == '.') {
            if (character == '.' || character == 'j' || character == 'J') {
                kind_ = TokenKind::float_or_imaginary;
            }
            text_.push_back(static_cast<char>(character));
            next_character();
        } else if (character == '_') {
            next_character();
        } else {
            break;
        }
    }
}

void Lexer::scan_operator() {
    int character = characters_[0];
    // Operators of the form X, X=, XX and XX= (like *, *=, **, **=).
    struct Family {
        char symbol;
        TokenKind single;
        TokenKind single_equal;
        TokenKind doubled;
        TokenKind doubled_equal;
    };
    static constexpr Family families[] = {
        {'*', TokenKind::operator_star, TokenKind::delimiter_star_equal,
         TokenKind::operator_double_star, TokenKind::delimiter_double_star_equal},
        {'/', TokenKind::operator_slash, TokenKind::delimiter_slash_equal,
         TokenKind::operator_double_slash, TokenKind::delimiter_double_slash_equal},
        {'<', TokenKind::operator_less, TokenKind::operator_less_equal,
         TokenKind::operator_double_less, TokenKind::delimiter_double_less_equal},
        {'>', TokenKind::operator_more, TokenKind::operator_more_equal,
         TokenKind::operator_double_more, TokenKind::delimiter_double_more_equal},
    };
    for (const Family& family : families) {
        if (character != family.symbol) {
            continue;
        }
        next_character();
        if (is(family.symbol)) {
            next_character();
            if (is('=')) {
                next_character();
                kind_ = family.doubled_equal;
            } else {
                kind_ = family.doubled;
            }
        } else if (is('=')) {
            next_character();
            kind_ = family.single_equal;
        } else {
            kind_ = family.single;
        }
        return;
    }
    // Operators of the form X and X= (like +, +=).
    struct Pair {
        char symbol;
        TokenKind single;
        TokenKind with_equal;
    };
    static constexpr Pair pairs[] = {
        {'+', TokenKind::operator_plus, TokenKind::delimiter_plus_equal},
        {'%', TokenKind::operator_percent, TokenKind::delimiter_percent_equal},
        {'&', TokenKind::operator_ampersand, TokenKind::delimiter_ampersand_equal},
        {'|', TokenKind::operator_pipe, TokenKind::delimiter_pipe_equal},
        {'^', TokenKind::operator_caret, TokenKind::delimiter_caret_equal},
        {'=', TokenKind::delimiter_equal, TokenKind::operator_double_equal},
        {'@', TokenKind::operator_at, TokenKind::delimiter_at_equal},
        {':', TokenKind::delimiter_colon, TokenKind::operator_assign},
        {'!', TokenKind::invalid, TokenKind::operator_not_equal},
    };
    for (const Pair& pair : pairs) {
        if (character != pair.symbol) {
            continue;
        }
        next_character();
        if (is('=')) {
            next_character();
            kind_ = pair.with_equal;
        } else {
            kind_ = pair.single;
        }
        return;
    }
    next_character();
    switch (character) {
        case '-':
            if (is('=')) {
                next_character();
                kind_ = TokenKind::delimiter_minus_equal;
            } else if (is('>')) {
                next_character();
                kind_ = TokenKind::delimiter_minus_more;
            } else {
                kind_ = TokenKind::operator_minus;
            }
            return;
        case '.':
            if (is('.') && following_is('.')) {
                next_character();
                next_character();
                kind_ = TokenKind::ellipsis;
            } else {
                kind_ = TokenKind::delimiter_period;
            }
            return;
        case '(':
            ++bracket_depth_;
            kind_ = TokenKind::delimiter_paren_open;
            return;
        case ')':
            --bracket_depth_;
            kind_ = TokenKind::delimiter_paren_close;
            return;
        case '[':
            ++bracket_depth_;
            kind_ = TokenKind::delimiter_bracket_open;
            return;
        case ']':
            --bracket_depth_;
            kind_ = TokenKind::delimiter_bracket_close;
            return;
        case '{':
            ++bracket_depth_;
            kind_ = TokenKind::delimiter_brace_open;
            return;
        case '}':
            --bracket_depth_;
            kind_ = TokenKind::delimiter_brace_close;
            return;
        case ',':
            kind_ = TokenKind::delimiter_comma;
            return;
        case ';':
            kind_ = TokenKind::delimiter_semicolon;
            return;
        case '~':
            kind_ = TokenKind::operator_tilde;
            return;
        default:
            kind_ = TokenKind::invalid;
            return;
    }
}

}  // namespace xipy::compiler
