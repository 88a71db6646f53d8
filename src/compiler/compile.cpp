// compile_source() and the compile pass's driver: passes, scopes, dispatch on rules and names.
#include "compiler/compile.hpp"

#include <optional>
#include <string_view>
#include <utility>

#include "compiler/compile_pass.hpp"
#include "compiler/mpy_writer.hpp"
#include "image/format.hpp"
#include "support/utf8.hpp"

namespace xipy::compiler {

namespace {

// How deeply the walk may nest (expressions in expressions, blocks in blocks) before it stops
// with the error MicroPython gives when its C stack runs out, whatever stack is left
// (options.stack_limit bounds the bytes; this bounds the levels).
constexpr std::uint32_t max_nesting_depth = 5000;

// Where the calling function's frame is, to measure how much stack the walk has taken since
// it started. The frame address (GCC and Clang) rather than a local's: sanitizers may move
// locals off the stack.
#define XIPY_STACK_POSITION() reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0))

// Approximate bytes the pass holds per scope and per identifier, for the memory limit.
constexpr std::size_t scope_cost = 512;

ConstantValue constant_value_of(const Constant& constant, bool& supported) {
    switch (constant.kind) {
        case Constant::Kind::integer:
            return ConstantValue::integer(constant.integer.to_string());
        case Constant::Kind::floating:
            return ConstantValue::floating(constant.real);
        case Constant::Kind::complex:
            // mpy-cross's constants are imaginary literals; nothing folds a real part in.
            if (constant.real != 0.0) {
                supported = false;
            }
            return ConstantValue::imaginary(constant.imaginary);
        case Constant::Kind::string:
            return ConstantValue::string(constant.text);
        case Constant::Kind::bytes:
            return ConstantValue::bytes(constant.text);
        case Constant::Kind::tuple: {
            Vector<ConstantValue> items;
            items.reserve(constant.items.size());
            for (const Constant& item : constant.items) {
                items.push_back(constant_value_of(item, supported));
            }
            return ConstantValue::tuple(std::move(items));
        }
        case Constant::Kind::none:
            return ConstantValue::singleton(ConstantKind::none);
        case Constant::Kind::true_value:
            return ConstantValue::singleton(ConstantKind::true_value);
        case Constant::Kind::false_value:
            return ConstantValue::singleton(ConstantKind::false_value);
        case Constant::Kind::ellipsis:
            return ConstantValue::singleton(ConstantKind::ellipsis);
    }
    supported = false;
    return ConstantValue::singleton(ConstantKind::none);
}

bool is_utf8_constant(const ConstantValue& value) {
    if (value.kind == ConstantKind::string && !support::is_valid_utf8(value.text)) {
        return false;
    }
    for (const ConstantValue& item : value.items) {
        if (!is_utf8_constant(item)) {
            return false;
        }
    }
    return true;
}

// MicroPython's lexer takes every byte from 0x80 up as part of a name or a string, so mpy-cross
// writes names and str constants that are not UTF-8. xipy's loader refuses those (its str
// objects are UTF-8 by invariant), so the compiler refuses them, at the first line that is not
// UTF-8, rather than write a file nothing can load.
std::optional<CompileError> check_utf8(const CompiledModule& module, std::string_view source) {
    bool valid = true;
    for (std::size_t index = 0; index < module.qstrs.size() && valid; ++index) {
        valid = support::is_valid_utf8(module.qstrs.text(index));
    }
    for (std::size_t index = 0; index < module.constants.size() && valid; ++index) {
        valid = is_utf8_constant(module.constants.value(index));
    }
    if (valid) {
        return std::nullopt;
    }
    std::size_t line = 1;
    for (std::size_t start = 0; start < source.size(); ++line) {
        std::size_t end = source.find('\n', start);
        end = end == std::string_view::npos ? source.size() : end;
        if (!support::is_valid_utf8(source.substr(start, end - start))) {
            break;
        }
        start = end + 1;
    }
    return CompileError{CompileErrorKind::syntax_error, "invalid UTF-8", line};
}

}  // namespace

CompilePass::CompilePass(ParseTree& tree, CompiledModule& module, const CompileOptions& options)
    : tree_(tree), module_(module), options_(options) {}

Scope& CompilePass::new_scope(ScopeKind kind, Node node, Text name) {
    Scope& scope = scopes_.emplace_back();
    scope.kind = kind;
    scope.parent = scope_;
    scope.node = node;
    scope.name = std::move(name);
    scope.code_index = module_.add_code();
    if (node.kind == NodeKind::rule) {
        scope_of_rule_[node.index] = &scope;
    }
    return scope;
}

Scope* CompilePass::scope_of(Node node) {
    auto found = scope_of_rule_.find(node.index);
    return found == scope_of_rule_.end() ? nullptr : found->second;
}

Vector<Node> CompilePass::children(Node node) const {
    Vector<Node> result;
    if (node.kind != NodeKind::rule) {
        return result;
    }
    const std::uint32_t count = tree_.child_count(node);
    result.reserve(count);
    for (std::uint32_t position = 0; position < count; ++position) {
        result.push_back(tree_.child(node, position));
    }
    return result;
}

std::optional<CompileError> CompilePass::run() {
    stack_base_ = XIPY_STACK_POSITION();
    new_scope(ScopeKind::module, tree_.root(), "<module>");

    // The scope pass: scopes are appended as their definitions are met, so this also visits
    // every inner scope, parents before children.
    for (std::size_t position = 0; position < scopes_.size() && !failed(); ++position) {
        Scope& scope = scopes_[position];
        compile_scope(scope, Pass::scope);
        for (std::size_t index = 0; index < scope.identifiers.size(); ++index) {
            if (scope.identifiers[index].kind == IdentifierKind::global_implicit) {
                close_over_if_enclosed(scope, scope.identifiers[index]);
            }
        }
        if (scopes_.size() * scope_cost + tree_.memory_used() > options_.memory_limit) {
            return CompileError{CompileErrorKind::memory_error, "memory allocation failed", 0};
        }
    }
    if (!failed()) {
        for (Scope& scope : scopes_) {
            number_locals(scope);
        }
        std::size_t code_bytes = 0;
        for (std::size_t position = 0; position < scopes_.size() && !failed(); ++position) {
            Scope& scope = scopes_[position];
            compile_scope(scope, Pass::emit);
            code_bytes += module_.codes[scope.code_index].function_data.size();
            if (code_bytes + scopes_.size() * scope_cost + tree_.memory_used() >
                options_.memory_limit) {
                return CompileError{CompileErrorKind::memory_error, "memory allocation failed", 0};
            }
        }
    }
    if (failed()) {
        // An error without a line takes the line of the scope it was found in, as MicroPython.
        if (error_->line == 0 && scope_ != nullptr && scope_->node.kind == NodeKind::rule) {
            error_->line = tree_.line_of(scope_->node);
        }
        if (scope_ != nullptr) {
            error_->scope = scope_->name;
        }
        return error_;
    }
    return std::nullopt;
}

void CompilePass::compile_scope(Scope& scope, Pass pass) {
    pass_ = pass;
    scope_ = &scope;
    except_level_ = 0;
    break_label_.reset();
    continue_label_.reset();
    break_from_for_ = false;
    depth_ = 0;

    const bool line_numbers = options_.optimisation < 3 && options_.source_lines;
    // The scope pass writes nothing; its emitter only numbers qstrs and constants in the
    // order mpy-cross's first pass meets them. The scope's arguments are not known yet then,
    // so only its name is used at the start, as there.
    ScopeDescription description;
    if (pass == Pass::scope) {
        description.name = scope.name;
        description.line_numbers = line_numbers;
    } else {
        description = scope.description(line_numbers);
        // The prelude names each cell's local in one byte; mpy-cross stops on an assertion
        // here, xipy with an error.
        for (const Identifier& identifier : scope.identifiers) {
            if (identifier.kind == IdentifierKind::cell && identifier.local > 255) {
                error_ = CompileError{CompileErrorKind::not_implemented_error,
                                      "too many local variables to close over",
                                      tree_.line_of(scope.node)};
                return;
            }
        }
    }
    Emitter emitter(module_, scope.code_index, std::move(description));
    emitter_ = &emitter;
    compile_scope_body(scope);
    emitter_ = nullptr;
    if (failed() || pass == Pass::scope) {
        return;
    }
    support::Status status = emitter.finish();
    if (!status.ok()) {
        error_ = CompileError{CompileErrorKind::runtime_error, status.error().message, 0};
    }
}

void CompilePass::syntax_error(Node node, std::string_view message) {
    if (failed()) {
        return;
    }
    error_ = CompileError{CompileErrorKind::syntax_error, Text(message),
                          node.kind == NodeKind::rule ? tree_.line_of(node) : 0};
}

void CompilePass::unsupported(Node node, std::string_view what) {
    if (failed()) {
        return;
    }
    error_ = CompileError{CompileErrorKind::not_implemented_error,
                          support::join_text({"compile pass does not yet support ", what}),
                          node.kind == NodeKind::rule ? tree_.line_of(node) : 0};
}

void CompilePass::load_id(std::string_view name) {
    if (pass_ == Pass::scope) {
        scope_->find_or_add(name, IdentifierKind::global_implicit);
    } else {
        identifier_operation(name, AccessKind::load);
    }
}

void CompilePass::store_id(std::string_view name) {
    if (pass_ == Pass::scope) {
        identifier_for_modification(*scope_, name);
    } else {
        identifier_operation(name, AccessKind::store);
    }
}

void CompilePass::delete_id(std::string_view name) {
    if (pass_ == Pass::scope) {
        identifier_for_modification(*scope_, name);
    } else {
        identifier_operation(name, AccessKind::deletion);
    }
}

void CompilePass::identifier_operation(std::string_view name, AccessKind access) {
    Identifier* identifier = scope_->find(name);
    if (identifier == nullptr) {
        // Every name is declared by the scope pass; a miss is a bug here, not in the source.
        error_ =
            CompileError{CompileErrorKind::not_implemented_error,
                         support::join_text({"compile pass lost track of name '", name, "'"}), 0};
        return;
    }
    auto global = [&](GlobalKind kind) {
        switch (access) {
            case AccessKind::load:
                return emitter_->load_global(name, kind);
            case AccessKind::store:
                return emitter_->store_global(name, kind);
            case AccessKind::deletion:
                return emitter_->delete_global(name, kind);
        }
    };
    auto local = [&](LocalKind kind) {
        switch (access) {
            case AccessKind::load:
                return emitter_->load_local(identifier->local, kind);
            case AccessKind::store:
                return emitter_->store_local(identifier->local, kind);
            case AccessKind::deletion:
                return emitter_->delete_local(identifier->local, kind);
        }
    };
    switch (identifier->kind) {
        case IdentifierKind::global_implicit:
        case IdentifierKind::global_implicit_assigned:
            return global(GlobalKind::name);
        case IdentifierKind::global_explicit:
            return global(GlobalKind::global);
        case IdentifierKind::local:
            return local(LocalKind::fast);
        case IdentifierKind::cell:
        case IdentifierKind::free:
            return local(LocalKind::dereference);
        case IdentifierKind::undecided:
            // Only a nonlocal without binding stays undecided, and that is an error already.
            return global(GlobalKind::name);
    }
}

void CompilePass::load_small_integer(std::int64_t value) {
    if (emitter_->small_int_fits(value)) {
        emitter_->load_const_small_int(value);
    } else {
        // Beyond the target's small ints (mpy-cross's -msmall-int-bits) it is an int object.
        emitter_->load_const_object(
            ConstantValue::integer(number::BigInteger::from_int64(value).to_string()));
    }
}

void CompilePass::load_constant(const Constant& constant) {
    if (constant.kind == Constant::Kind::integer && constant.small &&
        constant.integer.fits_in_int64()) {
        return load_small_integer(constant.integer.to_int64());
    }
    bool supported = true;
    ConstantValue value = constant_value_of(constant, supported);
    if (!supported) {
        return unsupported(Node{}, "this constant");
    }
    emitter_->load_const_object(value);
}

void CompilePass::yield(YieldKind kind) {
    scope_->flags |= image::format::scope_flag_generator;
    emitter_->yield(kind);
}

void CompilePass::increase_except_level(Label label, BlockKind kind) {
    emitter_->begin_exception_block(label, kind);
    ++except_level_;
}

void CompilePass::decrease_except_level() {
    --except_level_;
    emitter_->end_exception_block();
}

void CompilePass::compile_all_children(Node node) {
    const std::uint32_t count = tree_.child_count(node);
    for (std::uint32_t position = 0; position < count; ++position) {
        Node child = tree_.child(node, position);
        compile_node(child);
        if (failed()) {
            if (error_->line == 0 && child.kind == NodeKind::rule) {
                error_->line = tree_.line_of(child);
            }
            return;
        }
    }
}

void CompilePass::compile_tuple(Node node) {
    const std::uint32_t count = tree_.child_count(node);
    for (std::uint32_t position = 0; position < count; ++position) {
        compile_node(tree_.child(node, position));
    }
    emitter_->build(count, BuildKind::tuple);
}

void CompilePass::compile_leaf(Node node) {
    switch (node.kind) {
        case NodeKind::null:
        case NodeKind::rule:
            return;
        case NodeKind::small_integer:
            return load_small_integer(node.integer);
        case NodeKind::name:
            return load_id(name_of(node));
        case NodeKind::string:
            return emitter_->load_const_string(tree_.text(node));
        case NodeKind::bytes:
            return emitter_->load_const_object(ConstantValue::bytes(tree_.text(node)));
        case NodeKind::token:
            switch (tree_.token(node)) {
                case TokenKind::keyword_false:
                    return emitter_->load_const_token(ConstantToken::false_value);
                case TokenKind::keyword_none:
                    return emitter_->load_const_token(ConstantToken::none);
                case TokenKind::keyword_true:
                    return emitter_->load_const_token(ConstantToken::true_value);
                case TokenKind::ellipsis:
                    return emitter_->load_const_token(ConstantToken::ellipsis);
                default:
                    // A newline (an empty statement) compiles to nothing.
                    return;
            }
        case NodeKind::constant:
            // A constant object is a node with a line in MicroPython, so it moves the line on.
            emitter_->set_source_line(tree_.line_of(node));
            return load_constant(tree_.constant(node));
    }
}

void CompilePass::nesting_too_deep(Node node) {
    error_ = CompileError{CompileErrorKind::runtime_error, "maximum recursion depth exceeded",
                          tree_.line_of(node)};
}

// compile_node() and compile_rule() are on the stack once per level of the source's nesting,
// so they only dispatch: work that needs temporaries is done in the functions they call,
// which keeps their frames small even in unoptimised sanitizer builds.
void CompilePass::compile_node(Node node) {
    if (failed()) {
        return;
    }
    if (node.kind != NodeKind::rule) {
        return compile_leaf(node);
    }
    const std::uintptr_t here = XIPY_STACK_POSITION();
    const std::uintptr_t stack_used = here < stack_base_ ? stack_base_ - here : here - stack_base_;
    if (depth_ >= max_nesting_depth || stack_used > options_.stack_limit) {
        return nesting_too_deep(node);
    }
    ++depth_;
    emitter_->set_source_line(tree_.line_of(node));
    compile_rule(node);
    --depth_;
}

CompilePass::Handler CompilePass::handler_for(Rule rule) {
    switch (rule) {
        case Rule::file_input:
        case Rule::file_input_2:
        case Rule::simple_stmt_2:
        case Rule::pass_stmt:
        case Rule::suite_block_stmts:
            return &CompilePass::compile_all_children;
        case Rule::del_stmt:
            return &CompilePass::compile_delete_statement;
        case Rule::decorated:
            return &CompilePass::compile_decorated;
        case Rule::funcdef:
            return &CompilePass::compile_function;
        case Rule::expr_stmt:
            return &CompilePass::compile_expression_statement;
        case Rule::testlist_star_expr:
        case Rule::subscriptlist:
        case Rule::testlist:
            return &CompilePass::compile_tuple;
        case Rule::break_stmt:
        case Rule::continue_stmt:
            return &CompilePass::compile_break_continue;
        case Rule::return_stmt:
            return &CompilePass::compile_return;
        case Rule::yield_stmt:
            return &CompilePass::compile_yield_statement;
        case Rule::raise_stmt:
            return &CompilePass::compile_raise;
        case Rule::import_name:
            return &CompilePass::compile_import_name;
        case Rule::import_from:
            return &CompilePass::compile_import_from;
        case Rule::global_stmt:
        case Rule::nonlocal_stmt:
            return &CompilePass::compile_global_nonlocal;
        case Rule::assert_stmt:
            return &CompilePass::compile_assert;
        case Rule::async_stmt:
            return &CompilePass::compile_async;
        case Rule::if_stmt:
            return &CompilePass::compile_if;
        case Rule::while_stmt:
            return &CompilePass::compile_while;
        case Rule::for_stmt:
            return &CompilePass::compile_for;
        case Rule::try_stmt:
            return &CompilePass::compile_try;
        case Rule::with_stmt:
            return &CompilePass::compile_with;
        case Rule::namedexpr_test:
            return &CompilePass::compile_named_expression_rule;
        case Rule::test_if_expr:
            return &CompilePass::compile_test_if_expression;
        case Rule::lambdef:
        case Rule::lambdef_nocond:
            return &CompilePass::compile_lambda;
        case Rule::or_test:
        case Rule::and_test:
            return &CompilePass::compile_or_and;
        case Rule::not_test_2:
            return &CompilePass::compile_not;
        case Rule::comparison:
            return &CompilePass::compile_comparison;
        case Rule::star_expr:
            return &CompilePass::compile_star_expression;
        case Rule::expr:
        case Rule::xor_expr:
        case Rule::and_expr:
            return &CompilePass::compile_binary_operator;
        case Rule::shift_expr:
        case Rule::arith_expr:
        case Rule::term:
            return &CompilePass::compile_term;
        case Rule::factor_2:
            return &CompilePass::compile_factor;
        case Rule::power:
            return &CompilePass::compile_power;
        case Rule::atom_expr_await:
            return &CompilePass::compile_await;
        case Rule::atom_expr_normal:
            return &CompilePass::compile_atom_expression;
        case Rule::atom_paren:
            return &CompilePass::compile_atom_paren;
        case Rule::atom_bracket:
            return &CompilePass::compile_atom_bracket;
        case Rule::atom_brace:
            return &CompilePass::compile_atom_display;
        case Rule::trailer_paren:
        case Rule::trailer_bracket:
        case Rule::trailer_period:
            return &CompilePass::compile_trailer;
        case Rule::subscript_2:
        case Rule::subscript_3:
            return &CompilePass::compile_subscript;
        case Rule::dictorsetmaker_item:
            return &CompilePass::compile_dictionary_item;
        case Rule::classdef:
            return &CompilePass::compile_class;
        case Rule::yield_expr:
            return &CompilePass::compile_yield_expression;
        default:
            return &CompilePass::unsupported_rule;
    }
}

void CompilePass::compile_rule(Node node) { (this->*handler_for(tree_.rule_of(node)))(node); }

void CompilePass::unsupported_rule(Node node) {
    // Apart from compile_rule(), whose frame stays small without this string: it is on the
    // stack once per level of nesting.
    unsupported(node, support::join_text({"rule ", rule_definition(tree_.rule_of(node)).name}));
}

CompileResult compile_source(std::string_view source, std::string_view source_name,
                             const CompileOptions& options) {
    ParseOptions parse_options;
    parse_options.input = options.input;
    parse_options.optimisation = options.optimisation;
    parse_options.small_int_bits = options.small_int_bits;
    parse_options.memory_limit = options.memory_limit;
    parse_options.source_name = source_name;
    ParseResult parsed = parse(source, parse_options);
    if (!parsed.ok()) {
        return parsed.error();
    }
    CompiledModule module(source_name);
    module.small_int_bits = options.small_int_bits;
    CompilePass pass(parsed.tree(), module, options);
    if (std::optional<CompileError> error = pass.run()) {
        return std::move(*error);
    }
    if (std::optional<CompileError> error = check_utf8(module, source)) {
        return std::move(*error);
    }
    support::Result<Vector<std::uint8_t>> image = write_mpy(module);
    if (!image.ok()) {
        return CompileError{CompileErrorKind::runtime_error, image.error().message, 0};
    }
    return std::move(image.value());
}

}  // namespace xipy::compiler
