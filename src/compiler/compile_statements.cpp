// The compile pass's statements: assignment, del, flow control, imports, declarations, loops.
#include "compiler/compile_pass.hpp"

namespace xipy::compiler {

void CompilePass::condition(Node node, bool jump_if, Label label) {
    // Constant conditions jump or fall through without a test.
    std::optional<bool> truth = tree_.truth(node);
    if (truth.has_value()) {
        if (*truth == jump_if) {
            emitter_->jump(label);
        }
        return;
    }
    if (node.kind == NodeKind::rule) {
        const Rule rule = tree_.rule_of(node);
        const std::uint32_t count = tree_.child_count(node);
        if (rule == Rule::or_test || rule == Rule::and_test) {
            // `a or b` jumps when either is true; `a and b` falls through unless both are.
            const bool any_decides = (rule == Rule::or_test) == jump_if;
            if (any_decides) {
                for (std::uint32_t position = 0; position < count; ++position) {
                    condition(tree_.child(node, position), jump_if, label);
                }
            } else {
                Label skip = emitter_->new_label();
                for (std::uint32_t position = 0; position + 1 < count; ++position) {
                    condition(tree_.child(node, position), !jump_if, skip);
                }
                condition(tree_.child(node, count - 1), jump_if, label);
                emitter_->assign_label(skip);
            }
            return;
        }
        if (rule == Rule::not_test_2) {
            return condition(tree_.child(node, 0), !jump_if, label);
        }
    }
    compile_node(node);
    emitter_->pop_jump_if(jump_if, label);
}

void CompilePass::assign_attribute_or_subscript(Node node, AssignKind kind) {
    if (kind != AssignKind::augmented_store) {
        compile_node(tree_.child(node, 0));
    }
    Node trailer = tree_.child(node, 1);
    if (trailer.kind == NodeKind::rule) {
        if (tree_.is_rule(trailer, Rule::atom_expr_trailers)) {
            const std::uint32_t count = tree_.child_count(trailer);
            if (kind != AssignKind::augmented_store) {
                for (std::uint32_t position = 0; position + 1 < count; ++position) {
                    compile_node(tree_.child(trailer, position));
                }
            }
            trailer = tree_.child(trailer, count - 1);
        }
        if (tree_.is_rule(trailer, Rule::trailer_bracket)) {
            if (kind == AssignKind::augmented_store) {
                emitter_->rot_three();
                emitter_->subscript(AccessKind::store);
            } else {
                compile_node(tree_.child(trailer, 0));
                if (kind == AssignKind::augmented_load) {
                    emitter_->dup_top_two();
                    emitter_->subscript(AccessKind::load);
                } else {
                    emitter_->subscript(AccessKind::store);
                }
            }
            return;
        }
        if (tree_.is_rule(trailer, Rule::trailer_period)) {
            std::string_view attribute = name_of(tree_.child(trailer, 0));
            if (kind == AssignKind::augmented_load) {
                emitter_->dup_top();
                emitter_->attribute(attribute, AccessKind::load);
            } else {
                if (kind == AssignKind::augmented_store) {
                    emitter_->rot_two();
                }
                emitter_->attribute(attribute, AccessKind::store);
            }
            return;
        }
    }
    syntax_error(node, "can't assign to expression");
}

void CompilePass::assign_tuple(const Vector<Node>& targets) {
    std::optional<std::size_t> star;
    const auto count = static_cast<std::uint32_t>(targets.size());
    for (std::uint32_t position = 0; position < count; ++position) {
        if (tree_.is_rule(targets[position], Rule::star_expr)) {
            if (star.has_value()) {
                return syntax_error(targets[position], "multiple *x in assignment");
            }
            emitter_->unpack_ex(position, count - position - 1);
            star = position;
        }
    }
    if (!star.has_value()) {
        emitter_->unpack_sequence(count);
    }
    for (std::uint32_t position = 0; position < count; ++position) {
        if (star == position) {
            assign(tree_.child(targets[position], 0), AssignKind::store);
        } else {
            assign(targets[position], AssignKind::store);
        }
    }
}

void CompilePass::assign(Node target, AssignKind kind) {
    if (failed()) {
        return;
    }
    if (target.kind == NodeKind::name) {
        if (kind == AssignKind::augmented_load) {
            return load_id(name_of(target));
        }
        return store_id(name_of(target));
    }
    if (target.kind != NodeKind::rule) {
        return syntax_error(target, "can't assign to expression");
    }
    Node list = target;
    switch (tree_.rule_of(target)) {
        case Rule::atom_expr_normal:
            return assign_attribute_or_subscript(target, kind);
        case Rule::testlist_star_expr:
        case Rule::exprlist:
            if (kind != AssignKind::store) {
                return syntax_error(target, "can't assign to expression");
            }
            return assign_tuple(children(target));
        case Rule::atom_paren:
            if (tree_.child(target, 0).is_null() || kind != AssignKind::store) {
                return syntax_error(target, "can't assign to expression");
            }
            list = tree_.child(target, 0);
            break;
        case Rule::atom_bracket:
            if (kind != AssignKind::store) {
                return syntax_error(target, "can't assign to expression");
            }
            if (tree_.child(target, 0).is_null()) {
                return assign_tuple({});
            }
            if (!tree_.is_rule(tree_.child(target, 0), Rule::testlist_comp)) {
                return assign_tuple({tree_.child(target, 0)});
            }
            list = tree_.child(target, 0);
            break;
        default:
            return syntax_error(target, "can't assign to expression");
    }
    if (has_comprehension(list)) {
        return syntax_error(target, "can't assign to expression");
    }
    assign_tuple(children(list));
}

void CompilePass::compile_expression_statement(Node node) {
    Node target = tree_.child(node, 0);
    Node value = tree_.child(node, 1);
    if (value.is_null()) {
        if (options_.input == InputKind::single && scope_->kind == ScopeKind::module) {
            // The REPL prints the value of an expression statement.
            load_id("__repl_print__");
            compile_node(target);
            emitter_->call_function(1, 0, 0);
            emitter_->pop_top();
            return;
        }
        // A lone constant has no effect and compiles to nothing.
        if (target.kind != NodeKind::null && target.kind != NodeKind::name &&
            target.kind != NodeKind::rule) {
            return;
        }
        compile_node(target);
        emitter_->pop_top();
        return;
    }
    if (value.kind == NodeKind::rule) {
        const Rule rule = tree_.rule_of(value);
        if (rule == Rule::annassign) {
            if (tree_.child(value, 1).is_null()) {
                // `x: int` only declares x as a local of a function.
                if (scope_->kind == ScopeKind::function && target.kind == NodeKind::name &&
                    pass_ == Pass::scope) {
                    scope_->find_or_add(name_of(target), IdentifierKind::local);
                }
                return;
            }
            value = tree_.child(value, 1);
        } else if (rule == Rule::expr_stmt_augassign) {
            assign(target, AssignKind::augmented_load);
            compile_node(tree_.child(value, 1));
            const auto offset = static_cast<int>(tree_.token(tree_.child(value, 0))) -
                                static_cast<int>(TokenKind::delimiter_pipe_equal);
            emitter_->binary_op(
                static_cast<BinaryOperator>(static_cast<int>(BinaryOperator::inplace_or) + offset));
            assign(target, AssignKind::augmented_store);
            return;
        } else if (rule == Rule::expr_stmt_assign_list) {
            const std::uint32_t last = tree_.child_count(value) - 1;
            compile_node(tree_.child(value, last));
            if (last > 0) {
                emitter_->dup_top();
            }
            assign(target, AssignKind::store);
            for (std::uint32_t position = 0; position < last; ++position) {
                if (position + 1 < last) {
                    emitter_->dup_top();
                }
                assign(tree_.child(value, position), AssignKind::store);
            }
            return;
        }
    }
    // a, b = c, d (and three of each) swaps on the stack instead of building a tuple.
    if (tree_.is_rule(value, Rule::testlist_star_expr) &&
        tree_.is_rule(target, Rule::testlist_star_expr)) {
        const std::uint32_t count = tree_.child_count(target);
        bool plain = count == tree_.child_count(value) && (count == 2 || count == 3);
        for (std::uint32_t position = 0; plain && position < count; ++position) {
            plain = !tree_.is_rule(tree_.child(target, position), Rule::star_expr);
        }
        if (plain) {
            compile_node(tree_.child(value, 0));
            compile_node(tree_.child(value, 1));
            if (count == 3) {
                compile_node(tree_.child(value, 2));
                emitter_->rot_three();
            }
            emitter_->rot_two();
            for (std::uint32_t position = 0; position < count; ++position) {
                assign(tree_.child(target, position), AssignKind::store);
            }
            return;
        }
    }
    compile_node(value);
    assign(target, AssignKind::store);
}

void CompilePass::compile_delete_statement(Node node) {
    for (Node target : tree_.items(tree_.child(node, 0), Rule::exprlist)) {
        compile_delete(target);
    }
}

void CompilePass::compile_delete(Node target) {
    if (failed()) {
        return;
    }
    if (target.kind == NodeKind::name) {
        return delete_id(name_of(target));
    }
    if (tree_.is_rule(target, Rule::atom_expr_normal)) {
        compile_node(tree_.child(target, 0));
        Node trailer = tree_.child(target, 1);
        if (trailer.kind == NodeKind::rule) {
            if (tree_.is_rule(trailer, Rule::atom_expr_trailers)) {
                const std::uint32_t count = tree_.child_count(trailer);
                for (std::uint32_t position = 0; position + 1 < count; ++position) {
                    compile_node(tree_.child(trailer, position));
                }
                trailer = tree_.child(trailer, count - 1);
            }
            if (tree_.is_rule(trailer, Rule::trailer_bracket)) {
                compile_node(tree_.child(trailer, 0));
                return emitter_->subscript(AccessKind::deletion);
            }
            if (tree_.is_rule(trailer, Rule::trailer_period)) {
                return emitter_->attribute(name_of(tree_.child(trailer, 0)), AccessKind::deletion);
            }
        }
        return syntax_error(target, "can't delete expression");
    }
    if (tree_.is_rule(target, Rule::atom_paren)) {
        Node inner = tree_.child(target, 0);
        if (inner.is_null() || has_comprehension(inner)) {
            return syntax_error(target, "can't delete expression");
        }
        for (Node item : children(inner)) {
            compile_delete(item);
        }
        return;
    }
    syntax_error(target, "can't delete expression");
}

void CompilePass::compile_break_continue(Node node) {
    const bool is_break = tree_.rule_of(node) == Rule::break_stmt;
    std::optional<Label> label = is_break ? break_label_ : continue_label_;
    if (!label.has_value()) {
        return syntax_error(node, "'break'/'continue' outside loop");
    }
    emitter_->unwind_jump(*label, except_level_ - loop_except_level_, is_break && break_from_for_);
}

void CompilePass::compile_return(Node node) {
    if (scope_->kind != ScopeKind::function) {
        return syntax_error(node, "'return' outside function");
    }
    Node value = tree_.child(node, 0);
    if (value.is_null()) {
        emitter_->load_const_token(ConstantToken::none);
    } else if (tree_.is_rule(value, Rule::test_if_expr)) {
        // return a if c else b: two returns, no jump.
        Node choice = tree_.child(value, 1);
        Label otherwise = emitter_->new_label();
        condition(tree_.child(choice, 0), false, otherwise);
        compile_node(tree_.child(value, 0));
        emitter_->return_value();
        emitter_->assign_label(otherwise);
        compile_node(tree_.child(choice, 1));
    } else {
        compile_node(value);
    }
    emitter_->return_value();
}

void CompilePass::compile_raise(Node node) {
    Node argument = tree_.child(node, 0);
    if (argument.is_null()) {
        return emitter_->raise_varargs(0);
    }
    if (tree_.is_rule(argument, Rule::raise_stmt_arg)) {
        compile_node(tree_.child(argument, 0));
        compile_node(tree_.child(argument, 1));
        return emitter_->raise_varargs(2);
    }
    compile_node(argument);
    emitter_->raise_varargs(1);
}

void CompilePass::import_name_helper(Node node, Text& base) {
    bool is_as = false;
    if (tree_.is_rule(node, Rule::dotted_as_name)) {
        base = name_of(tree_.child(node, 1));
        node = tree_.child(node, 0);
        is_as = true;
    }
    if (node.is_null()) {
        // from . import x: the package itself.
        base.clear();
        return emitter_->import_name("", ImportKind::name);
    }
    if (node.kind == NodeKind::name) {
        if (!is_as) {
            base = name_of(node);
        }
        return emitter_->import_name(name_of(node), ImportKind::name);
    }
    // a.b.c imports "a.b.c"; bound as `a`, or with `as`, the attribute chain down to c.
    const Vector<Node> parts = children(node);
    if (!is_as) {
        base = name_of(parts[0]);
    }
    Text full;
    for (std::size_t position = 0; position < parts.size(); ++position) {
        if (position > 0) {
            full += '.';
        }
        full += name_of(parts[position]);
    }
    emitter_->import_name(full, ImportKind::name);
    if (is_as) {
        for (std::size_t position = 1; position < parts.size(); ++position) {
            emitter_->attribute(name_of(parts[position]), AccessKind::load);
        }
    }
}

void CompilePass::compile_import_name(Node node) {
    for (Node item : tree_.items(tree_.child(node, 0), Rule::dotted_as_names)) {
        emitter_->load_const_small_int(0);  // level 0: absolute
        emitter_->load_const_token(ConstantToken::none);
        Text base;
        import_name_helper(item, base);
        store_id(base);
    }
}

void CompilePass::compile_import_from(Node node) {
    Node source = tree_.child(node, 0);
    std::uint32_t level = 0;
    Node relative;
    bool has_relative = false;
    if (source.kind == NodeKind::token ||
        tree_.is_rule(source, Rule::one_or_more_period_or_ellipsis)) {
        relative = source;
        source = Node{};
        has_relative = true;
    } else if (tree_.is_rule(source, Rule::import_from_2b)) {
        relative = tree_.child(source, 0);
        source = tree_.child(source, 1);
        has_relative = true;
    }
    if (has_relative) {
        for (Node dots : tree_.items(relative, Rule::one_or_more_period_or_ellipsis)) {
            level +=
                dots.kind == NodeKind::token && tree_.token(dots) == TokenKind::delimiter_period
                    ? 1
                    : 3;
        }
    }
    Node names = tree_.child(node, 1);
    if (names.kind == NodeKind::token && tree_.token(names) == TokenKind::operator_star) {
        if (scope_->kind != ScopeKind::module) {
            return syntax_error(node, "import * not at module level");
        }
        load_small_integer(level);
        emitter_->load_const_string("*");
        emitter_->build(1, BuildKind::tuple);
        Text ignored;
        import_name_helper(source, ignored);
        emitter_->import_name("", ImportKind::star);
        return;
    }
    load_small_integer(level);
    const Vector<Node> items = tree_.items(names, Rule::import_as_names);
    for (Node item : items) {
        emitter_->load_const_string(name_of(tree_.child(item, 0)));
    }
    emitter_->build(static_cast<std::uint32_t>(items.size()), BuildKind::tuple);
    Text ignored;
    import_name_helper(source, ignored);
    for (Node item : items) {
        std::string_view name = name_of(tree_.child(item, 0));
        emitter_->import_name(name, ImportKind::from);
        Node alias = tree_.child(item, 1);
        store_id(alias.is_null() ? name : name_of(alias));
    }
    emitter_->pop_top();
}

void CompilePass::declare_global(Node node, Identifier& identifier) {
    if (identifier.kind != IdentifierKind::undecided &&
        identifier.kind != IdentifierKind::global_explicit) {
        return syntax_error(node, "identifier redefined as global");
    }
    identifier.kind = IdentifierKind::global_explicit;
    if (Identifier* outer = find_global(*scope_, identifier.name)) {
        outer->kind = IdentifierKind::global_explicit;
    }
}

void CompilePass::declare_nonlocal(Node node, Identifier& identifier) {
    if (identifier.kind == IdentifierKind::undecided) {
        identifier.kind = IdentifierKind::global_implicit;
        close_over_if_enclosed(*scope_, identifier);
        if (identifier.kind == IdentifierKind::global_implicit) {
            syntax_error(node, "no binding for nonlocal found");
        }
    } else if (identifier.kind != IdentifierKind::free) {
        syntax_error(node, "identifier redefined as nonlocal");
    }
}

void CompilePass::compile_global_nonlocal(Node node) {
    if (pass_ != Pass::scope) {
        return;
    }
    const bool is_global = tree_.rule_of(node) == Rule::global_stmt;
    if (!is_global && scope_->kind == ScopeKind::module) {
        return syntax_error(node, "can't declare nonlocal in outer code");
    }
    for (Node name : tree_.items(tree_.child(node, 0), Rule::name_list)) {
        Identifier& identifier = scope_->find_or_add(name_of(name), IdentifierKind::undecided);
        if (is_global) {
            declare_global(node, identifier);
        } else {
            declare_nonlocal(node, identifier);
        }
    }
}

void CompilePass::compile_assert(Node node) {
    // -O drops asserts.
    if (options_.optimisation != 0) {
        return;
    }
    Label end = emitter_->new_label();
    condition(tree_.child(node, 0), true, end);
    emitter_->load_global("AssertionError", GlobalKind::global);
    Node message = tree_.child(node, 1);
    if (!message.is_null()) {
        compile_node(message);
        emitter_->call_function(1, 0, 0);
    }
    emitter_->raise_varargs(1);
    emitter_->assign_label(end);
}

namespace {

bool is_constant_false(const ParseTree& tree, Node node) { return tree.truth(node) == false; }

bool is_constant_true(const ParseTree& tree, Node node) { return tree.truth(node) == true; }

}  // namespace

void CompilePass::compile_if(Node node) {
    Label end = emitter_->new_label();
    Node test = tree_.child(node, 0);
    if (!is_constant_false(tree_, test)) {
        Label next = emitter_->new_label();
        condition(test, false, next);
        compile_node(tree_.child(node, 1));
        if (is_constant_true(tree_, test)) {
            emitter_->assign_label(end);
            return;
        }
        if (!(tree_.child(node, 2).is_null() && tree_.child(node, 3).is_null())) {
            emitter_->jump(end);
        }
        emitter_->assign_label(next);
    }
    for (Node branch : tree_.items(tree_.child(node, 2), Rule::if_stmt_elif_list)) {
        Node branch_test = tree_.child(branch, 0);
        if (is_constant_false(tree_, branch_test)) {
            continue;
        }
        Label next = emitter_->new_label();
        condition(branch_test, false, next);
        compile_node(tree_.child(branch, 1));
        if (is_constant_true(tree_, branch_test)) {
            emitter_->assign_label(end);
            return;
        }
        emitter_->jump(end);
        emitter_->assign_label(next);
    }
    compile_node(tree_.child(node, 3));
    emitter_->assign_label(end);
}

namespace {

// The loop targets of the enclosing loop, restored when a loop's body is done.
struct LoopState {
    std::optional<Label> break_label;
    std::optional<Label> continue_label;
    bool break_from_for = false;
    std::uint32_t except_level = 0;
};

}  // namespace

void CompilePass::compile_while(Node node) {
    LoopState saved{break_label_, continue_label_, break_from_for_, loop_except_level_};
    Label break_label = emitter_->new_label();
    Label continue_label = emitter_->new_label();
    break_label_ = break_label;
    continue_label_ = continue_label;
    break_from_for_ = false;
    loop_except_level_ = except_level_;

    Node test = tree_.child(node, 0);
    if (!is_constant_false(tree_, test)) {
        Label top = emitter_->new_label();
        if (!is_constant_true(tree_, test)) {
            emitter_->jump(continue_label);
        }
        emitter_->assign_label(top);
        compile_node(tree_.child(node, 1));
        emitter_->assign_label(continue_label);
        condition(test, true, top);
    }

    break_label_ = saved.break_label;
    continue_label_ = saved.continue_label;
    break_from_for_ = saved.break_from_for;
    loop_except_level_ = saved.except_level;

    compile_node(tree_.child(node, 2));
    emitter_->assign_label(break_label);
}

bool CompilePass::compile_for_range(Node node) {
    // for NAME in range(...): counts on the stack instead of making a range object.
    Node target = tree_.child(node, 0);
    Node iterable = tree_.child(node, 1);
    if (target.kind != NodeKind::name || !tree_.is_rule(iterable, Rule::atom_expr_normal)) {
        return false;
    }
    Node callee = tree_.child(iterable, 0);
    Node call = tree_.child(iterable, 1);
    if (callee.kind != NodeKind::name || name_of(callee) != "range" ||
        !tree_.is_rule(call, Rule::trailer_paren)) {
        return false;
    }
    const Vector<Node> arguments = tree_.items(tree_.child(call, 0), Rule::arglist);
    if (arguments.empty() || arguments.size() > 3) {
        return false;
    }
    Node start = tree_.make_small_integer(0);
    Node end;
    Node step = tree_.make_small_integer(1);
    if (arguments.size() == 1) {
        end = arguments[0];
    } else {
        start = arguments[0];
        end = arguments[1];
        if (arguments.size() == 3) {
            step = arguments[2];
            if (!is_small_integer(step) || step.integer == 0) {
                return false;
            }
        }
    }
    for (Node bound : {start, end}) {
        if (tree_.is_rule(bound, Rule::arglist_star) ||
            tree_.is_rule(bound, Rule::arglist_dbl_star) || tree_.is_rule(bound, Rule::argument)) {
            return false;
        }
    }

    LoopState saved{break_label_, continue_label_, break_from_for_, loop_except_level_};
    Label break_label = emitter_->new_label();
    Label continue_label = emitter_->new_label();
    break_label_ = break_label;
    continue_label_ = continue_label;
    break_from_for_ = false;
    loop_except_level_ = except_level_;

    Label top = emitter_->new_label();
    Label entry = emitter_->new_label();
    const bool end_on_stack = !is_small_integer(end);
    if (end_on_stack) {
        compile_node(end);
    }
    compile_node(start);
    emitter_->jump(entry);
    emitter_->assign_label(top);
    emitter_->dup_top();
    assign(target, AssignKind::store);
    compile_node(tree_.child(node, 2));
    emitter_->assign_label(continue_label);
    compile_node(step);
    emitter_->binary_op(BinaryOperator::inplace_add);
    emitter_->assign_label(entry);
    if (end_on_stack) {
        emitter_->dup_top_two();
        emitter_->rot_two();
    } else {
        emitter_->dup_top();
        compile_node(end);
    }
    emitter_->binary_op(step.integer >= 0 ? BinaryOperator::less : BinaryOperator::more);
    emitter_->pop_jump_if(true, top);

    break_label_ = saved.break_label;
    continue_label_ = saved.continue_label;
    break_from_for_ = saved.break_from_for;
    loop_except_level_ = saved.except_level;

    Node else_body = tree_.child(node, 3);
    std::optional<Label> end_label;
    if (!else_body.is_null()) {
        emitter_->pop_top();
        if (end_on_stack) {
            emitter_->pop_top();
        }
        compile_node(else_body);
        end_label = emitter_->new_label();
        emitter_->jump(*end_label);
        emitter_->adjust_stack_size(1 + (end_on_stack ? 1 : 0));
    }
    emitter_->assign_label(break_label);
    emitter_->pop_top();
    if (end_on_stack) {
        emitter_->pop_top();
    }
    if (end_label.has_value()) {
        emitter_->assign_label(*end_label);
    }
    return true;
}

void CompilePass::compile_for(Node node) {
    if (compile_for_range(node)) {
        return;
    }
    LoopState saved{break_label_, continue_label_, break_from_for_, loop_except_level_};
    Label break_label = emitter_->new_label();
    Label continue_label = emitter_->new_label();
    break_label_ = break_label;
    continue_label_ = continue_label;
    break_from_for_ = true;
    loop_except_level_ = except_level_;

    Label pop = emitter_->new_label();
    compile_node(tree_.child(node, 1));
    emitter_->get_iter(true);
    emitter_->assign_label(continue_label);
    emitter_->for_iter(pop);
    assign(tree_.child(node, 0), AssignKind::store);
    compile_node(tree_.child(node, 2));
    emitter_->jump(continue_label);
    emitter_->assign_label(pop);
    emitter_->for_iter_end();

    break_label_ = saved.break_label;
    continue_label_ = saved.continue_label;
    break_from_for_ = saved.break_from_for;
    loop_except_level_ = saved.except_level;

    compile_node(tree_.child(node, 3));
    emitter_->assign_label(break_label);
}

}  // namespace xipy::compiler
