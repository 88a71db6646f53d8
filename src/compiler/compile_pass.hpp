// CompilePass: the walk over a parse tree that drives the emitter, shared by the compile_*.cpp
// files (statements, expressions, definitions, exception blocks).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/compile.hpp"
#include "compiler/emitter.hpp"
#include "compiler/scope.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// Compiles one parse tree into a CompiledModule as mpy-cross does: a scope pass over every
// scope in creation order (which declares names, creates inner scopes and, through a scratch
// emitter, numbers every qstr and constant except names in mpy-cross's first-pass order), then
// scope analysis, then one emit pass per scope in the same order.
class CompilePass {
  public:
    CompilePass(ParseTree& tree, CompiledModule& module, const CompileOptions& options);

    // Empty on success; the module then holds every code.
    std::optional<CompileError> run();

  private:
    enum class Pass : std::uint8_t { scope, emit };
    enum class AssignKind : std::uint8_t { store, augmented_load, augmented_store };

    // compile.cpp: driver, dispatch, names, errors.
    Scope& new_scope(ScopeKind kind, Node node, Text name);
    Scope* scope_of(Node node);
    void compile_scope(Scope& scope, Pass pass);
    void compile_node(Node node);
    // The function that compiles a rule's node. A table rather than calls in a switch, so
    // compile_rule()'s frame, on the stack once per level of nesting, stays small.
    using Handler = void (CompilePass::*)(Node);
    static Handler handler_for(Rule rule);
    void compile_rule(Node node);
    void compile_leaf(Node node);
    void nesting_too_deep(Node node);
    void unsupported_rule(Node node);
    void compile_all_children(Node node);
    void compile_tuple(Node node);
    void load_id(std::string_view name);
    void store_id(std::string_view name);
    void delete_id(std::string_view name);
    void identifier_operation(std::string_view name, AccessKind access);
    void load_constant(const Constant& constant);
    void load_small_integer(std::int64_t value);
    void syntax_error(Node node, std::string_view message);
    void unsupported(Node node, std::string_view what);
    bool failed() const { return error_.has_value(); }
    // A small-int leaf that is a small int on the target too: mpy-cross's parser makes an int
    // object of any value wider than -msmall-int-bits, so only these count as small ints.
    bool is_small_integer(Node node) const {
        return node.kind == NodeKind::small_integer && emitter_->small_int_fits(node.integer);
    }
    std::string_view name_of(Node leaf) const { return tree_.text(leaf); }
    Vector<Node> children(Node node) const;
    void yield(YieldKind kind);
    void increase_except_level(Label label, BlockKind kind);
    void decrease_except_level();

    // compile_statements.cpp
    void compile_expression_statement(Node node);
    void assign(Node target, AssignKind kind);
    void assign_attribute_or_subscript(Node node, AssignKind kind);
    void assign_tuple(const Vector<Node>& targets);
    void compile_delete_statement(Node node);
    void compile_delete(Node target);
    void compile_break_continue(Node node);
    void compile_return(Node node);
    void compile_raise(Node node);
    void import_name_helper(Node node, Text& base);
    void compile_import_name(Node node);
    void compile_import_from(Node node);
    void compile_global_nonlocal(Node node);
    void declare_global(Node node, Identifier& identifier);
    void declare_nonlocal(Node node, Identifier& identifier);
    void compile_assert(Node node);
    void compile_if(Node node);
    void compile_while(Node node);
    void compile_for(Node node);
    bool compile_for_range(Node node);
    void condition(Node node, bool jump_if, Label label);

    // compile_expressions.cpp
    void compile_yield_statement(Node node);
    void compile_named_expression_rule(Node node);
    void compile_not(Node node);
    void compile_power(Node node);
    void compile_trailer(Node node);
    void compile_dictionary_item(Node node);
    void compile_star_expression(Node node);
    void compile_test_if_expression(Node node);
    void compile_named_expression(Node name, Node value);
    void compile_or_and(Node node);
    void compile_comparison(Node node);
    void compile_binary_operator(Node node);
    void compile_term(Node node);
    void compile_factor(Node node);
    void compile_atom_expression(Node node);
    void compile_call(Node arguments, bool is_method, std::uint32_t extra_positional);
    void compile_atom_paren(Node node);
    void compile_atom_bracket(Node node);
    void compile_atom_brace(Node node, bool create_map);
    void compile_atom_display(Node node) { compile_atom_brace(node, true); }
    void compile_subscript(Node node);
    void compile_yield_expression(Node node);
    void compile_await(Node node);
    void compile_yield_from();
    bool has_comprehension(Node testlist) const;

    // compile_definitions.cpp
    void close_over_variables(Scope& inner, std::uint32_t positional_defaults,
                              std::uint32_t keyword_defaults);
    void compile_default(Node parameter);
    void compile_function_object(Scope& inner, Node parameters, Rule list_rule);
    Text compile_function_definition(Node node);
    Text compile_class_definition(Node node);
    void compile_decorated(Node node);
    void compile_function(Node node);
    void compile_class(Node node);
    void compile_lambda(Node node);
    void compile_comprehension(Node node, ScopeKind kind);
    void declare_parameter(Node node, Rule name_rule, Rule star_rule, Rule double_star_rule);
    void compile_comprehension_loop(Node comp_for, Node inner_expression, std::uint32_t depth);
    void compile_scope_body(Scope& scope);

    // compile_blocks.cpp: exception blocks, with, async.
    void compile_try(Node node);
    void compile_try_except(Node body, const Vector<Node>& handlers, Node else_body);
    void compile_try_finally(Node body, const Vector<Node>& handlers, Node else_body,
                             Node finally_body);
    void compile_with(Node node);
    void compile_with_items(const Vector<Node>& items, std::size_t first, Node body);
    void compile_async(Node node);
    void compile_async_for(Node node);
    void compile_async_with_items(const Vector<Node>& items, std::size_t first, Node body);
    void await_method(std::string_view method);

    ParseTree& tree_;
    CompiledModule& module_;
    const CompileOptions& options_;
    // In creation order. Parents and scope_of_rule_ point into it while scopes are still
    // being added, which a deque allows and a vector would not.
    Deque<Scope> scopes_;
    HashMap<std::uint32_t, Scope*> scope_of_rule_;

    Pass pass_ = Pass::scope;
    Scope* scope_ = nullptr;
    Emitter* emitter_ = nullptr;
    std::optional<CompileError> error_;
    std::uint32_t depth_ = 0;
    std::uintptr_t stack_base_ = 0;  // the stack position where run() started

    // Parameters of the function whose defaults are being compiled.
    bool have_star_ = false;
    std::uint32_t keyword_defaults_ = 0;
    std::uint32_t positional_defaults_ = 0;

    // The innermost loop's targets; break from a for loop also drops its iterator.
    std::optional<Label> break_label_;
    std::optional<Label> continue_label_;
    bool break_from_for_ = false;
    std::uint32_t except_level_ = 0;
    std::uint32_t loop_except_level_ = 0;
};

}  // namespace xipy::compiler
