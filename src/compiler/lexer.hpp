// Lexer: turns Python source text into tokens one at a time, as MicroPython 1.29's lexer does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "compiler/token.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// The parser pulls tokens with advance() and reads the current one. The token stream is
// MicroPython's, including its quirks, because the parse tree must match MicroPython's:
// - adjacent string literals of one kind join into a single token;
// - an f-string becomes a plain string token followed by the tokens of
//   `.format((arg1),(arg2),)`, injected as if they were source text;
// - a t-string (PEP 750) becomes the call `__template__(strings, value, expression,
//   conversion, format_spec, ...)`: the name token, then the rest injected (see
//   scan_template_string);
// - `__debug__` is the token True (False when optimising);
// - errors are tokens (invalid, dedent_mismatch, lonely_string_open, malformed_fstring)
//   that the parser turns into SyntaxError/IndentationError at the point it meets them.
//
// Invariants: the source is read through a three-character window (current(), then two
// lookahead characters); CR and CR LF read as LF, and the input always ends in LF, so a
// token never runs into the end of input unexpectedly. Memory is bounded by the source:
// the token text, the f-string argument text and the indentation stack are each at most
// as long as the source.
class Lexer {
  public:
    // `debug` is the value of `__debug__`: true unless compiling with optimisation
    // (mpy-cross -O1 and above).
    explicit Lexer(std::string_view source, bool debug = true);

    // Moves to the next token.
    void advance();

    TokenKind kind() const { return kind_; }
    // 1-based line and column where the current token starts.
    std::size_t line() const { return token_line_; }
    std::size_t column() const { return token_column_; }
    // The token's text: a name's spelling, a number's digits (without '_'), or the decoded
    // value of a string or bytes literal (bytes as raw bytes, str as UTF-8).
    std::string_view text() const { return text_; }
    // True when the current string token contains a "\N{...}" escape, which MicroPython
    // rejects with NotImplementedError "unicode name escapes".
    bool has_unicode_name_escape() const { return unicode_name_escape_; }

  private:
    static constexpr int end_of_input = -1;

    int read_source();
    void next_character();
    bool at_end() const { return characters_[0] == end_of_input; }
    bool is(int character) const { return characters_[0] == character; }
    bool following_is(int character) const { return characters_[1] == character; }
    bool skip_whitespace(bool stop_at_newline);
    bool at_string_start() const;
    bool at_template_start() const;
    void scan_strings();
    void scan_string_literal(bool raw, bool formatted);
    void scan_format_argument(Text& arguments, Text& format);
    struct TemplateParts;
    void scan_template_string();
    bool scan_template_interpolation(bool raw, TemplateParts& parts);
    bool scan_template_format_spec(bool raw, TemplateParts& parts);
    bool scan_escape(bool raw);
    void scan_number();
    void scan_name();
    void scan_operator();
    void append_code_point(std::uint32_t code_point);

    Text text_storage_;
    std::size_t source_position_ = 0;
    int characters_[3] = {end_of_input, end_of_input, end_of_input};

    // The `.format(` arguments of the string literal being scanned, as source text:
    // ".format((a),(b),".
    Text format_arguments_;
    // Text fed back in as source, innermost last (an f-string inside an f-string's braces
    // injects its own while its parent's are being read). Each keeps the characters it
    // displaced, which come back when it is used up. A t-string's injection also carries
    // its string tokens, already decoded: each `string_placeholder` in the text stands for
    // the next of them, so no text has to be quoted again.
    struct Injection {
        Text text;
        std::size_t position = 0;
        int saved_characters[3] = {end_of_input, end_of_input, end_of_input};
        Vector<Text> strings;
        std::size_t next_string = 0;
    };
    Vector<Injection> injections_;
    // Starts feeding `injection` in place of the next source characters.
    void inject(Injection injection);
    // A t-string's call arguments, injected at the next advance() as the f-string's are.
    Injection pending_template_;
    bool template_pending_ = false;

    std::size_t line_ = 1;
    std::size_t column_ = 1;
    // Positive: INDENT tokens still to emit; negative: DEDENT tokens still to emit.
    std::ptrdiff_t pending_indents_ = 0;
    // Open brackets; newlines inside brackets are not NEWLINE tokens.
    std::ptrdiff_t bracket_depth_ = 0;
    Vector<std::size_t> indent_levels_{0};

    TokenKind kind_ = TokenKind::end;
    std::size_t token_line_ = 1;
    std::size_t token_column_ = 1;
    Text text_;
    bool unicode_name_escape_ = false;
    bool debug_ = true;
};

}  // namespace xipy::compiler
