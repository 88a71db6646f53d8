// Parser: MicroPython's table-driven parse with explicit stacks, node folding and const().
#include "compiler/parser.hpp"

#include <limits>
#include <optional>

#include "compiler/constant_folding.hpp"
#include "compiler/grammar.hpp"
#include "compiler/lexer.hpp"
#include "number/float_parse.hpp"

namespace xipy::compiler {

std::string_view compile_error_type(CompileErrorKind kind) {
    switch (kind) {
        case CompileErrorKind::syntax_error:
            return "SyntaxError";
        case CompileErrorKind::indentation_error:
            return "IndentationError";
        case CompileErrorKind::not_implemented_error:
            return "NotImplementedError";
        case CompileErrorKind::memory_error:
            return "MemoryError";
        case CompileErrorKind::runtime_error:
            return "RuntimeError";
    }
    return "SyntaxError";
}

namespace {

// Strings up to this many bytes are interned as they are read (MicroPython's
// MICROPY_ALLOC_PARSE_INTERN_STRING_LEN); longer ones only if already interned.
constexpr std::size_t intern_string_length = 10;

// A rule being matched: which argument comes next and the line of its first token.
struct Frame {
    Rule rule;
    std::uint32_t line;
    std::size_t argument;
};

class Parser {
  public:
    Parser(std::string_view source, const ParseOptions& options)
        : lexer_(source, options.optimisation == 0), options_(options) {
        // mpy-cross interns the source name before it parses, so a string literal with the
        // same text is an interned string leaf.
        if (!options.source_name.empty()) {
            tree_.intern(options.source_name);
        }
    }

    ParseResult run();

  private:
    void push_rule(Rule rule, std::uint32_t line, std::size_t argument) {
        rules_.push_back(Frame{rule, line, argument});
    }
    Node peek(std::size_t depth) const { return results_[results_.size() - 1 - depth]; }
    Node pop() {
        Node node = results_.back();
        results_.pop_back();
        return node;
    }
    void push(Node node) { results_.push_back(node); }
    void advance();
    bool over_memory_limit() const;

    bool push_token(Rule rule);
    void push_rule_node(std::uint32_t line, Rule rule, std::size_t count);
    bool fold_tuple(std::uint32_t line, std::size_t count);
    bool fold_logical(Rule rule, std::size_t& count);
    bool fold_numbers(Rule rule, std::size_t count);
    bool fold_const_assignment();
    void flatten_testlist_comp(std::uint32_t& line, std::size_t& count);

    Node from_constant(std::uint32_t line, const Constant& value);
    static Constant integer_constant(number::BigInteger value, bool from_big);
    std::optional<Number> number_of(Node node) const;
    std::optional<Number> math_constant(Node base, Node trailer) const;
    Node from_number(Number number);
    bool is_const_true(Node node) const;
    bool is_const_false(Node node) const;

    CompileError syntax_error() const;
    void fail(CompileErrorKind kind, Text message, std::size_t line) {
        if (!error_) {
            error_ = CompileError{kind, std::move(message), line};
        }
    }

    Lexer lexer_;
    ParseOptions options_;
    ParseTree tree_;
    Vector<Frame> rules_;
    Vector<Node> results_;
    // Names bound with `NAME = const(value)`: later uses of NAME read the value.
    TextMap<Constant> constants_;
    std::optional<CompileError> error_;
};

void Parser::advance() {
    lexer_.advance();
    if (lexer_.has_unicode_name_escape()) {
        // MicroPython raises this from inside the lexer, with no line attached.
        fail(CompileErrorKind::not_implemented_error, "unicode name escapes", 0);
    }
}

bool Parser::over_memory_limit() const {
    std::size_t used = rules_.size() * sizeof(Frame) + results_.size() * sizeof(Node) +
                       tree_.memory_used() + constants_.size() * 64;
    return used > options_.memory_limit;
}

CompileError Parser::syntax_error() const {
    switch (lexer_.kind()) {
        case TokenKind::indent:
            return {CompileErrorKind::indentation_error, "unexpected indent", lexer_.line()};
        case TokenKind::dedent_mismatch:
            return {CompileErrorKind::indentation_error,
                    "unindent doesn't match any outer indent level", lexer_.line()};
        case TokenKind::malformed_fstring:
            return {CompileErrorKind::syntax_error, "malformed f-string", lexer_.line()};
        default:
            return {CompileErrorKind::syntax_error, "invalid syntax", lexer_.line()};
    }
}

bool Parser::is_const_true(Node node) const { return tree_.truth(node) == true; }

bool Parser::is_const_false(Node node) const { return tree_.truth(node) == false; }

// A constant's value as a node: a small int leaf for an int that is small on the target,
// else a constant node.
Node Parser::from_constant(std::uint32_t line, const Constant& value) {
    if (value.kind == Constant::Kind::integer && value.small) {
        const std::int64_t integer = value.integer.to_int64();
        const std::int64_t limit = std::int64_t{1} << (options_.small_int_bits - 1);
        if (-limit <= integer && integer < limit) {
            return tree_.make_small_integer(integer);
        }
    }
    return tree_.make_constant(line, value);
}

// MicroPython's int objects: a value in the small-int range is a small int unless it came
// out of arithmetic on a big int, which leaves a big int object whatever its value.
Constant Parser::integer_constant(number::BigInteger value, bool from_big) {
    Constant constant;
    constant.kind = Constant::Kind::integer;
    if (!from_big && value.fits_in_int64()) {
        std::int64_t integer = value.to_int64();
        constant.small = integer >= small_integer_min && integer <= small_integer_max;
    }
    constant.integer = std::move(value);
    return constant;
}

std::optional<Number> Parser::number_of(Node node) const {
    Number number;
    if (node.kind == NodeKind::small_integer) {
        number.integer = number::BigInteger::from_int64(node.integer);
        return number;
    }
    if (node.kind == NodeKind::constant) {
        const Constant& value = tree_.constant(node);
        if (value.kind == Constant::Kind::integer) {
            // A literal too wide for the target's small ints is still a small int on the
            // host that folds it; only a result of big-int arithmetic stays big.
            number.integer = value.integer;
            number.big = !value.small;
            return number;
        }
        if (value.kind == Constant::Kind::floating) {
            number.is_float = true;
            number.value = value.real;
            return number;
        }
    }
    return std::nullopt;
}

// Folded results carry line 0, as MicroPython's do.
Node Parser::from_number(Number number) {
    if (number.is_float) {
        Constant value;
        value.kind = Constant::Kind::floating;
        value.real = number.value;
        return from_constant(0, value);
    }
    return from_constant(0, integer_constant(std::move(number.integer), number.big));
}

bool Parser::push_token(Rule rule) {
    TokenKind kind = lexer_.kind();
    std::string_view text = lexer_.text();
    std::uint32_t line = static_cast<std::uint32_t>(lexer_.line());
    switch (kind) {
        case TokenKind::name: {
            std::uint32_t id = tree_.intern(text);
            if (rule == Rule::atom) {
                auto found = constants_.find(text);
                if (found != constants_.end()) {
                    push(from_constant(line, found->second));
                    return true;
                }
            }
            push(tree_.make_leaf(NodeKind::name, id));
            return true;
        }
        case TokenKind::integer: {
            auto value = number::BigInteger::parse(text, 0);
            if (!value.ok()) {
                fail(CompileErrorKind::syntax_error, value.error().message, line);
                return false;
            }
            push(from_constant(line, integer_constant(std::move(value.value()), false)));
            return true;
        }
        case TokenKind::float_or_imaginary: {
            bool imaginary = !text.empty() && (text.back() == 'j' || text.back() == 'J');
            auto value = number::parse_float(imaginary ? text.substr(0, text.size() - 1) : text);
            bool well_formed = value.ok() && text.find_first_of("nN") == std::string_view::npos &&
                               (!imaginary || text.size() > 1);
            if (!well_formed) {
                fail(CompileErrorKind::syntax_error, "invalid syntax for number", line);
                return false;
            }
            Constant constant;
            if (imaginary) {
                constant.kind = Constant::Kind::complex;
                constant.imaginary = value.value();
            } else {
                constant.kind = Constant::Kind::floating;
                constant.real = value.value();
            }
            push(tree_.make_constant(line, std::move(constant)));
            return true;
        }
        case TokenKind::string:
        case TokenKind::bytes: {
            // Bytes are always objects; only str literals become interned leaves.
            if (kind == TokenKind::string &&
                (text.size() <= intern_string_length || tree_.is_interned(text))) {
                push(tree_.make_leaf(NodeKind::string, tree_.intern(text)));
            } else {
                Constant constant;
                constant.kind =
                    kind == TokenKind::string ? Constant::Kind::string : Constant::Kind::bytes;
                constant.text = text;
                push(tree_.make_constant(line, std::move(constant)));
            }
            return true;
        }
        default:
            push(tree_.make_leaf(NodeKind::token, static_cast<std::uint32_t>(kind)));
            return true;
    }
}

// (a, b, c) parses as testlist_comp(a, testlist_comp_3c(b, c)) and (a,) as
// testlist_comp(a, testlist_comp_3b(NULL)); MicroPython keeps the items in one flat node.
// The flat node takes the line of a list it absorbs (the line of the comma after the first
// item), as MicroPython's does; a lone trailing comma leaves the first item's line.
void Parser::flatten_testlist_comp(std::uint32_t& line, std::size_t& count) {
    if (count != 2) {
        return;
    }
    Node last = peek(0);
    if (tree_.is_rule(last, Rule::testlist_comp_3b)) {
        pop();
        count = 1;
    } else if (tree_.is_rule(last, Rule::testlist_comp_3c)) {
        line = tree_.line_of(last);
        pop();
        for (std::uint32_t position = 0; position < tree_.child_count(last); ++position) {
            push(tree_.child(last, position));
        }
        count = 1 + tree_.child_count(last);
    }
}

// The top `count` results become one tuple constant if they are all constants.
bool Parser::fold_tuple(std::uint32_t line, std::size_t count) {
    for (std::size_t depth = 0; depth < count; ++depth) {
        if (!tree_.is_constant(peek(depth))) {
            return false;
        }
    }
    Constant tuple;
    tuple.kind = Constant::Kind::tuple;
    tuple.items.resize(count);
    for (std::size_t position = count; position > 0; --position) {
        tuple.items[position - 1] = tree_.constant_value(pop());
    }
    push(tree_.make_constant(line, std::move(tuple)));
    return true;
}

bool Parser::fold_logical(Rule rule, std::size_t& count) {
    if (rule == Rule::or_test || rule == Rule::and_test) {
        // Keep operands up to the first one that decides the result; drop operands known
        // not to decide it. Only the last kept operand may be anything.
        bool is_or = rule == Rule::or_test;
        std::size_t base = results_.size() - count;
        Vector<Node> kept;
        for (std::size_t position = 0; position < count; ++position) {
            Node node = results_[base + position];
            bool last = position + 1 == count;
            if (last) {
                kept.push_back(node);
                break;
            }
            if (is_or ? is_const_true(node) : is_const_false(node)) {
                kept.push_back(node);
                break;
            }
            if (!(is_or ? is_const_false(node) : is_const_true(node))) {
                kept.push_back(node);
            }
        }
        results_.resize(base);
        results_.insert(results_.end(), kept.begin(), kept.end());
        count = kept.size();
        return count == 1;
    }
    if (rule == Rule::not_test_2) {
        Node operand = peek(0);
        TokenKind result;
        if (is_const_false(operand)) {
            result = TokenKind::keyword_true;
        } else if (is_const_true(operand)) {
            result = TokenKind::keyword_false;
        } else {
            return false;
        }
        pop();
        push(tree_.make_leaf(NodeKind::token, static_cast<std::uint32_t>(result)));
        return true;
    }
    return false;
}

bool Parser::fold_numbers(Rule rule, std::size_t count) {
    std::optional<Number> result;
    switch (rule) {
        case Rule::expr:
        case Rule::xor_expr:
        case Rule::and_expr: {
            TokenKind operator_token = rule == Rule::expr       ? TokenKind::operator_pipe
                                       : rule == Rule::xor_expr ? TokenKind::operator_caret
                                                                : TokenKind::operator_ampersand;
            result = number_of(peek(count - 1));
            for (std::size_t depth = count - 1; result && depth > 0; --depth) {
                auto operand = number_of(peek(depth - 1));
                if (!operand) {
                    return false;
                }
                result = fold_binary(operator_token, *result, *operand);
            }
            break;
        }
        case Rule::shift_expr:
        case Rule::arith_expr:
        case Rule::term: {
            result = number_of(peek(count - 1));
            for (std::size_t depth = count - 1; result && depth >= 2; depth -= 2) {
                auto operand = number_of(peek(depth - 2));
                if (!operand) {
                    return false;
                }
                result = fold_binary(tree_.token(peek(depth - 1)), *result, *operand);
            }
            break;
        }
        case Rule::factor_2: {
            auto operand = number_of(peek(0));
            if (operand) {
                result = fold_unary(tree_.token(peek(1)), *operand);
            }
            break;
        }
        case Rule::power: {
            auto base = number_of(peek(1));
            auto exponent = number_of(peek(0));
            if (base && exponent) {
                result = fold_binary(TokenKind::operator_double_star, *base, *exponent);
            }
            break;
        }
        case Rule::expr_stmt:
            return fold_const_assignment();
        case Rule::atom_expr_normal:
            result = math_constant(peek(1), peek(0));
            break;
        default:
            return false;
    }
    if (!result) {
        return false;
    }
    for (std::size_t index = 0; index < count; ++index) {
        pop();
    }
    push(from_number(std::move(*result)));
    return true;
}

// `math.pi` and the other float constants of the math module, which mpy-cross folds.
std::optional<Number> Parser::math_constant(Node base, Node trailer) const {
    if (base.kind != NodeKind::name || tree_.text(base) != "math" ||
        !tree_.is_rule(trailer, Rule::trailer_period)) {
        return std::nullopt;
    }
    std::string_view attribute = tree_.text(tree_.child(trailer, 0));
    constexpr double pi = 3.14159265358979323846;
    Number number;
    number.is_float = true;
    if (attribute == "pi") {
        number.value = pi;
    } else if (attribute == "e") {
        number.value = 2.71828182845904523536;
    } else if (attribute == "tau") {
        number.value = 2 * pi;
    } else if (attribute == "inf") {
        number.value = std::numeric_limits<double>::infinity();
    } else if (attribute == "nan") {
        number.value = std::numeric_limits<double>::quiet_NaN();
    } else {
        return std::nullopt;
    }
    return number;
}

// NAME = const(value): records the value for later uses of NAME. A name starting with '_'
// is private to the module, so the assignment itself disappears (becomes `pass`).
bool Parser::fold_const_assignment() {
    Node value_part = peek(0);
    Node target = peek(1);
    bool annotated = tree_.is_rule(value_part, Rule::annassign);
    if (annotated) {
        // NAME: annotation = const(value)
        value_part = tree_.child(value_part, 1);
    }
    if (target.kind != NodeKind::name || !tree_.is_rule(value_part, Rule::atom_expr_normal)) {
        return false;
    }
    Node callee = tree_.child(value_part, 0);
    Node call = tree_.child(value_part, 1);
    if (callee.kind != NodeKind::name || tree_.text(callee) != "const" ||
        !tree_.is_rule(call, Rule::trailer_paren)) {
        return false;
    }
    Node value = tree_.child(call, 0);
    if (!tree_.is_constant(value)) {
        fail(CompileErrorKind::syntax_error, "not a constant", tree_.line_of(value_part));
        return false;
    }
    Text name(tree_.text(target));
    constants_[name] = tree_.constant_value(value);
    if (name[0] == '_') {
        pop();
        pop();
        push_rule_node(0, Rule::pass_stmt, 0);
        return true;
    }
    if (!annotated) {
        pop();
        push(value);
    }
    return false;
}

void Parser::push_rule_node(std::uint32_t line, Rule rule, std::size_t count) {
    if (rule == Rule::testlist_comp) {
        flatten_testlist_comp(line, count);
    }
    if (rule == Rule::atom_paren) {
        Node inside = peek(0);
        if (inside.is_null()) {
            // () stays an empty tuple.
        } else if (tree_.is_rule(inside, Rule::testlist_comp)) {
            std::uint32_t items = tree_.child_count(inside);
            bool comprehension =
                items == 2 && tree_.is_rule(tree_.child(inside, 1), Rule::comp_for);
            if (!comprehension) {
                pop();
                for (std::uint32_t position = 0; position < items; ++position) {
                    push(tree_.child(inside, position));
                }
                if (fold_tuple(tree_.line_of(inside), items)) {
                    return;
                }
                for (std::uint32_t position = 0; position < items; ++position) {
                    pop();
                }
                push(inside);
            }
        } else {
            // Parentheses around one expression are just the expression.
            return;
        }
    }
    if ((rule == Rule::testlist_star_expr || rule == Rule::testlist ||
         rule == Rule::subscriptlist) &&
        fold_tuple(line, count)) {
        return;
    }
    if (fold_logical(rule, count) || fold_numbers(rule, count)) {
        return;
    }
    Node node = tree_.make_rule(rule, line, results_.data() + results_.size() - count, count);
    results_.resize(results_.size() - count);
    push(node);
}

ParseResult Parser::run() {
    Rule top = options_.input == InputKind::single ? Rule::single_input
               : options_.input == InputKind::eval ? Rule::eval_input
                                                   : Rule::file_input;
    if (lexer_.has_unicode_name_escape()) {
        fail(CompileErrorKind::not_implemented_error, "unicode name escapes", 0);
    }
    push_rule(top, static_cast<std::uint32_t>(lexer_.line()), 0);
    bool backtrack = false;
    bool syntax_failure = false;

    while (!rules_.empty() && !error_ && !syntax_failure) {
        if (rules_.size() > options_.max_rule_depth || over_memory_limit()) {
            fail(CompileErrorKind::memory_error, "memory allocation failed", lexer_.line());
            break;
        }
        Frame frame = rules_.back();
        rules_.pop_back();
        const RuleDefinition& definition = rule_definition(frame.rule);
        std::size_t argument_count = definition.argument_count;
        std::size_t index = frame.argument;
        auto current_line = [&] { return static_cast<std::uint32_t>(lexer_.line()); };

        switch (definition.shape) {
            case Shape::first: {
                if (index > 0 && !backtrack) {
                    // A sub-rule matched: this rule is done.
                    break;
                }
                backtrack = false;
                bool pushed = false;
                for (; index < argument_count; ++index) {
                    const Argument& argument = definition.arguments[index];
                    if (argument.kind == ArgumentKind::token) {
                        if (lexer_.kind() == argument.token_kind()) {
                            push_token(frame.rule);
                            advance();
                            pushed = true;
                            break;
                        }
                    } else {
                        if (index + 1 < argument_count) {
                            push_rule(frame.rule, frame.line, index + 1);
                        }
                        push_rule(argument.rule(), current_line(), 0);
                        pushed = true;
                        break;
                    }
                }
                if (!pushed) {
                    backtrack = true;
                }
                break;
            }

            case Shape::all:
            case Shape::all_or_single:
            case Shape::all_with_blank: {
                if (backtrack) {
                    if (definition.arguments[index - 1].kind == ArgumentKind::optional_rule) {
                        push(Node{});
                        backtrack = false;
                    } else if (index > 1) {
                        syntax_failure = true;
                        break;
                    } else {
                        break;  // propagate the failure
                    }
                }
                bool descended = false;
                for (; index < argument_count; ++index) {
                    const Argument& argument = definition.arguments[index];
                    if (argument.kind == ArgumentKind::token) {
                        if (lexer_.kind() == argument.token_kind()) {
                            if (argument.token_kind() == TokenKind::name) {
                                push_token(frame.rule);
                            }
                            advance();
                        } else if (index > 0) {
                            syntax_failure = true;
                            break;
                        } else {
                            backtrack = true;
                            break;
                        }
                    } else {
                        push_rule(frame.rule, frame.line, index + 1);
                        push_rule(argument.rule(), current_line(), 0);
                        descended = true;
                        break;
                    }
                }
                if (syntax_failure || backtrack || descended || error_) {
                    break;
                }

                // Every argument matched. A lone constant expression statement (a
                // docstring, say) compiles to nothing, so it becomes `pass`.
                if (options_.input != InputKind::single && frame.rule == Rule::expr_stmt &&
                    peek(0).is_null()) {
                    Node expression = peek(1);
                    bool leaf =
                        expression.kind != NodeKind::rule && expression.kind != NodeKind::constant;
                    if ((leaf && expression.kind != NodeKind::name) ||
                        expression.kind == NodeKind::constant) {
                        pop();
                        pop();
                        push_rule_node(frame.line, Rule::pass_stmt, 0);
                        break;
                    }
                }

                std::size_t pushed_count = 0;
                std::size_t not_null = 0;
                for (std::size_t position = argument_count; position > 0; --position) {
                    const Argument& argument = definition.arguments[position - 1];
                    if (argument.kind == ArgumentKind::token) {
                        if (argument.token_kind() == TokenKind::name) {
                            ++pushed_count;
                            ++not_null;
                        }
                    } else {
                        if (!peek(pushed_count).is_null()) {
                            ++not_null;
                        }
                        ++pushed_count;
                    }
                }
                if (not_null == 1 && definition.shape == Shape::all_or_single) {
                    Node single;
                    for (std::size_t position = 0; position < pushed_count; ++position) {
                        Node node = pop();
                        if (!node.is_null()) {
                            single = node;
                        }
                    }
                    push(single);
                } else {
                    if (definition.shape == Shape::all_with_blank) {
                        push(Node{});
                        ++pushed_count;
                    }
                    push_rule_node(frame.line, frame.rule, pushed_count);
                }
                break;
            }

            case Shape::repeated:
            case Shape::separated:
            case Shape::separated_with_end: {
                // The item is argument 0; the separator (if any) argument 1. `index` counts
                // the items and separators tried so far, including the current one.
                bool separated = definition.shape != Shape::repeated;
                // What the list does when the element at position `tried` did not match:
                // the first item failing fails the list; after that the list is complete,
                // except that an item missing after a separator is a syntax error unless
                // the list allows a trailing separator.
                enum class ListEnd { fail, complete, complete_with_separator, syntax_error };
                auto end_after = [&](std::size_t tried) {
                    if (tried == 1) {
                        return ListEnd::fail;
                    }
                    if (!separated || (tried & 1) == 0) {
                        return ListEnd::complete;
                    }
                    return definition.shape == Shape::separated_with_end
                               ? ListEnd::complete_with_separator
                               : ListEnd::syntax_error;
                };
                std::optional<ListEnd> list_end;
                if (backtrack) {
                    list_end = end_after(index);
                }
                while (!list_end) {
                    bool at_separator = separated && (index & 1) == 1;
                    const Argument& argument = definition.arguments[at_separator ? 1 : 0];
                    if (argument.kind != ArgumentKind::token) {
                        push_rule(frame.rule, frame.line, index + 1);
                        push_rule(argument.rule(), current_line(), 0);
                        break;
                    }
                    ++index;
                    if (lexer_.kind() != argument.token_kind()) {
                        list_end = end_after(index);
                        break;
                    }
                    if (!at_separator) {
                        push_token(frame.rule);
                    }
                    advance();
                }
                if (!list_end || error_) {
                    break;  // matching a sub-rule first
                }
                if (*list_end == ListEnd::fail) {
                    backtrack = true;
                    break;
                }
                if (*list_end == ListEnd::syntax_error) {
                    syntax_failure = true;
                    break;
                }
                backtrack = false;
                bool trailing_separator = *list_end == ListEnd::complete_with_separator;
                std::size_t items = index - 1;
                if (separated && definition.arguments[1].kind == ArgumentKind::token) {
                    items = (items + 1) / 2;
                }
                if (items != 1 || trailing_separator) {
                    push_rule_node(frame.line, frame.rule, items);
                }
                break;
            }

            case Shape::constant:
                break;
        }
    }

    if (error_) {
        return *error_;
    }
    if (syntax_failure || lexer_.kind() != TokenKind::end || results_.empty()) {
        return syntax_error();
    }
    tree_.set_root(results_.front());
    return std::move(tree_);
}

}  // namespace

ParseResult parse(std::string_view source, const ParseOptions& options) {
    Parser parser(source, options);
    return parser.run();
}

}  // namespace xipy::compiler
