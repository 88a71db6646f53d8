// The compile pass's expressions: operators, comparisons, calls, subscripts, displays, yield.
#include "compiler/compile_pass.hpp"

namespace xipy::compiler {

bool CompilePass::has_comprehension(Node testlist) const {
    return tree_.is_rule(testlist, Rule::testlist_comp) && tree_.child_count(testlist) == 2 &&
           tree_.is_rule(tree_.child(testlist, 1), Rule::comp_for);
}

void CompilePass::compile_yield_statement(Node node) {
    compile_node(tree_.child(node, 0));
    emitter_->pop_top();
}

void CompilePass::compile_named_expression_rule(Node node) {
    compile_named_expression(tree_.child(node, 0), tree_.child(node, 1));
}

void CompilePass::compile_not(Node node) {
    compile_node(tree_.child(node, 0));
    emitter_->unary_op(UnaryOperator::logical_not);
}

void CompilePass::compile_power(Node node) {
    compile_all_children(node);
    emitter_->binary_op(BinaryOperator::power);
}

void CompilePass::compile_trailer(Node node) {
    switch (tree_.rule_of(node)) {
        case Rule::trailer_paren:
            return compile_call(tree_.child(node, 0), false, 0);
        case Rule::trailer_bracket:
            compile_node(tree_.child(node, 0));
            return emitter_->subscript(AccessKind::load);
        default:
            return emitter_->attribute(name_of(tree_.child(node, 0)), AccessKind::load);
    }
}

void CompilePass::compile_dictionary_item(Node node) {
    // The value first: STORE_MAP takes the key from the top.
    compile_node(tree_.child(node, 1));
    compile_node(tree_.child(node, 0));
}

void CompilePass::compile_star_expression(Node node) {
    syntax_error(node, "*x must be assignment target");
}

void CompilePass::compile_test_if_expression(Node node) {
    Node choice = tree_.child(node, 1);
    Label otherwise = emitter_->new_label();
    Label end = emitter_->new_label();
    condition(tree_.child(choice, 0), false, otherwise);
    compile_node(tree_.child(node, 0));
    emitter_->jump(end);
    emitter_->assign_label(otherwise);
    // Only one of the two values is on the stack at the end.
    emitter_->adjust_stack_size(-1);
    compile_node(tree_.child(choice, 1));
    emitter_->assign_label(end);
}

void CompilePass::compile_named_expression(Node name, Node value) {
    if (name.kind != NodeKind::name) {
        return syntax_error(name, "can't assign to expression");
    }
    compile_node(value);
    emitter_->dup_top();
    std::string_view target = name_of(name);
    // In a comprehension the name binds in the enclosing scope, as a nonlocal (or a global at
    // module level).
    if (pass_ == Pass::scope && is_comprehension(scope_->kind)) {
        Identifier& outer = identifier_for_modification(*scope_->parent, target);
        if (outer.kind == IdentifierKind::global_explicit) {
            scope_->find_or_add(target, IdentifierKind::global_explicit);
        } else {
            Identifier& identifier = scope_->find_or_add(target, IdentifierKind::undecided);
            const bool is_global = scope_->parent->parent == nullptr;
            if (!is_global && identifier.kind == IdentifierKind::global_implicit) {
                identifier.kind = IdentifierKind::undecided;
            }
            if (is_global) {
                declare_global(name, identifier);
            } else {
                declare_nonlocal(name, identifier);
            }
        }
    }
    store_id(target);
}

void CompilePass::compile_or_and(Node node) {
    const bool jump_when = tree_.rule_of(node) == Rule::or_test;
    Label end = emitter_->new_label();
    const std::uint32_t count = tree_.child_count(node);
    for (std::uint32_t position = 0; position < count; ++position) {
        compile_node(tree_.child(node, position));
        if (position + 1 < count) {
            emitter_->jump_if_or_pop(jump_when, end);
        }
    }
    emitter_->assign_label(end);
}

void CompilePass::compile_comparison(Node node) {
    const std::uint32_t count = tree_.child_count(node);
    compile_node(tree_.child(node, 0));
    const bool chained = count > 3;
    Label fail;
    if (chained) {
        fail = emitter_->new_label();
    }
    for (std::uint32_t position = 1; position + 1 < count; position += 2) {
        compile_node(tree_.child(node, position + 1));
        if (position + 2 < count) {
            emitter_->dup_top();
            emitter_->rot_three();
        }
        Node op = tree_.child(node, position);
        if (op.kind == NodeKind::token) {
            const TokenKind token = tree_.token(op);
            if (token == TokenKind::keyword_in) {
                emitter_->binary_op(BinaryOperator::in);
            } else {
                emitter_->binary_op(static_cast<BinaryOperator>(
                    static_cast<int>(BinaryOperator::less) + static_cast<int>(token) -
                    static_cast<int>(TokenKind::operator_less)));
            }
        } else if (tree_.is_rule(op, Rule::comp_op_not_in)) {
            emitter_->binary_op(BinaryOperator::not_in);
        } else if (tree_.child_count(op) == 0 || tree_.child(op, 0).is_null()) {
            emitter_->binary_op(BinaryOperator::is);
        } else {
            emitter_->binary_op(BinaryOperator::is_not);
        }
        if (position + 2 < count) {
            emitter_->jump_if_or_pop(false, fail);
        }
    }
    if (chained) {
        Label end = emitter_->new_label();
        emitter_->jump(end);
        emitter_->assign_label(fail);
        emitter_->adjust_stack_size(1);
        emitter_->rot_two();
        emitter_->pop_top();
        emitter_->assign_label(end);
    }
}

void CompilePass::compile_binary_operator(Node node) {
    BinaryOperator op = BinaryOperator::bitwise_or;
    if (tree_.rule_of(node) == Rule::xor_expr) {
        op = BinaryOperator::bitwise_xor;
    } else if (tree_.rule_of(node) == Rule::and_expr) {
        op = BinaryOperator::bitwise_and;
    }
    const std::uint32_t count = tree_.child_count(node);
    compile_node(tree_.child(node, 0));
    for (std::uint32_t position = 1; position < count; ++position) {
        compile_node(tree_.child(node, position));
        emitter_->binary_op(op);
    }
}

void CompilePass::compile_term(Node node) {
    const std::uint32_t count = tree_.child_count(node);
    compile_node(tree_.child(node, 0));
    for (std::uint32_t position = 1; position + 1 < count; position += 2) {
        compile_node(tree_.child(node, position + 1));
        const int offset = static_cast<int>(tree_.token(tree_.child(node, position))) -
                           static_cast<int>(TokenKind::operator_double_less);
        emitter_->binary_op(
            static_cast<BinaryOperator>(static_cast<int>(BinaryOperator::left_shift) + offset));
    }
}

void CompilePass::compile_factor(Node node) {
    compile_node(tree_.child(node, 1));
    switch (tree_.token(tree_.child(node, 0))) {
        case TokenKind::operator_tilde:
            return emitter_->unary_op(UnaryOperator::invert);
        case TokenKind::operator_minus:
            return emitter_->unary_op(UnaryOperator::negative);
        default:
            return emitter_->unary_op(UnaryOperator::positive);
    }
}

void CompilePass::compile_atom_expression(Node node) {
    Node atom = tree_.child(node, 0);
    compile_node(atom);
    Node trailer_node = tree_.child(node, 1);
    if (trailer_node.is_null() || failed()) {
        return;
    }
    Vector<Node> trailers;
    if (tree_.is_rule(trailer_node, Rule::atom_expr_trailers)) {
        trailers = children(trailer_node);
    } else {
        trailers.push_back(trailer_node);
    }
    std::size_t position = 0;
    // super() in a method is super(__class__, first argument), with super().f(...) as a
    // method call on the super object.
    if (scope_->kind == ScopeKind::function && atom.kind == NodeKind::name &&
        name_of(atom) == "super" && tree_.is_rule(trailers[0], Rule::trailer_paren) &&
        tree_.child(trailers[0], 0).is_null()) {
        load_id("__class__");
        const Identifier* self = nullptr;
        for (const Identifier& identifier : scope_->identifiers) {
            if ((identifier.flags & identifier_is_parameter) != 0) {
                self = &identifier;
                break;
            }
        }
        if (self == nullptr) {
            return syntax_error(trailers[0], "super() can't find self");
        }
        const Text self_name = self->name;
        load_id(self_name);
        if (trailers.size() >= 3 && tree_.is_rule(trailers[1], Rule::trailer_period) &&
            tree_.is_rule(trailers[2], Rule::trailer_paren)) {
            emitter_->load_method(name_of(tree_.child(trailers[1], 0)), true);
            compile_call(tree_.child(trailers[2], 0), true, 0);
            position = 3;
        } else {
            emitter_->call_function(2, 0, 0);
            position = 1;
        }
    }
    for (; position < trailers.size() && !failed(); ++position) {
        if (position + 1 < trailers.size() &&
            tree_.is_rule(trailers[position], Rule::trailer_period) &&
            tree_.is_rule(trailers[position + 1], Rule::trailer_paren)) {
            emitter_->load_method(name_of(tree_.child(trailers[position], 0)), false);
            compile_call(tree_.child(trailers[position + 1], 0), true, 0);
            ++position;
        } else {
            compile_node(trailers[position]);
        }
    }
}

void CompilePass::compile_call(Node arguments, bool is_method, std::uint32_t extra_positional) {
    const Vector<Node> items = tree_.items(arguments, Rule::arglist);
    std::uint32_t positional = extra_positional;
    std::uint32_t keyword = 0;
    std::uint32_t star_flags = 0;
    std::uint64_t star_positions = 0;
    for (std::size_t position = 0; position < items.size() && !failed(); ++position) {
        Node item = items[position];
        if (tree_.is_rule(item, Rule::arglist_star)) {
            if ((star_flags & star_flag_double) != 0) {
                return syntax_error(item, "* arg after **");
            }
            if (keyword > 0) {
                return syntax_error(item, "* arg after kwarg");
            }
            // Which arguments are *-unpacked travels as a small int bitmap.
            if (position + 1 >= module_.small_int_bits) {
                return syntax_error(item, "too many args");
            }
            star_flags |= star_flag_single;
            star_positions |= std::uint64_t{1} << position;
            compile_node(tree_.child(item, 0));
            ++positional;
            continue;
        }
        if (tree_.is_rule(item, Rule::arglist_dbl_star)) {
            star_flags |= star_flag_double;
            emitter_->load_null();
            compile_node(tree_.child(item, 0));
            ++keyword;
            continue;
        }
        if (tree_.is_rule(item, Rule::argument)) {
            Node second = tree_.child(item, 1);
            if (tree_.is_rule(second, Rule::argument_3)) {
                compile_named_expression(tree_.child(item, 0), tree_.child(second, 0));
                ++positional;
            } else if (!tree_.is_rule(second, Rule::comp_for)) {
                if (tree_.child(item, 0).kind != NodeKind::name) {
                    return syntax_error(item, "LHS of keyword arg must be an id");
                }
                emitter_->load_const_string(name_of(tree_.child(item, 0)));
                compile_node(second);
                ++keyword;
            } else {
                compile_comprehension(item, ScopeKind::generator_expression);
                ++positional;
            }
            continue;
        }
        if ((star_flags & star_flag_double) != 0) {
            return syntax_error(item, "positional arg after **");
        }
        if (keyword > 0) {
            return syntax_error(item, "positional arg after keyword arg");
        }
        compile_node(item);
        ++positional;
    }
    if (failed()) {
        return;
    }
    if (star_flags != 0) {
        load_small_integer(static_cast<std::int64_t>(star_positions));
    }
    if (is_method) {
        emitter_->call_method(positional, keyword, star_flags);
    } else {
        emitter_->call_function(positional, keyword, star_flags);
    }
}

void CompilePass::compile_atom_paren(Node node) {
    Node inner = tree_.child(node, 0);
    if (inner.is_null()) {
        return emitter_->build(0, BuildKind::tuple);
    }
    if (has_comprehension(inner)) {
        return compile_comprehension(inner, ScopeKind::generator_expression);
    }
    compile_tuple(inner);
}

void CompilePass::compile_atom_bracket(Node node) {
    Node inner = tree_.child(node, 0);
    if (inner.is_null()) {
        return emitter_->build(0, BuildKind::list);
    }
    if (tree_.is_rule(inner, Rule::testlist_comp)) {
        if (has_comprehension(inner)) {
            return compile_comprehension(inner, ScopeKind::list_comprehension);
        }
        compile_all_children(inner);
        return emitter_->build(tree_.child_count(inner), BuildKind::list);
    }
    compile_node(inner);
    emitter_->build(1, BuildKind::list);
}

void CompilePass::compile_atom_brace(Node node, bool create_map) {
    Node inner = tree_.child(node, 0);
    if (inner.is_null()) {
        if (create_map) {
            emitter_->build(0, BuildKind::map);
        }
        return;
    }
    if (tree_.is_rule(inner, Rule::dictorsetmaker_item)) {
        if (create_map) {
            emitter_->build(1, BuildKind::map);
        }
        compile_node(inner);
        return emitter_->store_map();
    }
    if (!tree_.is_rule(inner, Rule::dictorsetmaker)) {
        // {x}: a set of one.
        compile_node(inner);
        return emitter_->build(1, BuildKind::set);
    }
    Node first = tree_.child(inner, 0);
    Node tail = tree_.child(inner, 1);
    const bool first_is_pair = tree_.is_rule(first, Rule::dictorsetmaker_item);
    if (tree_.is_rule(tail, Rule::comp_for)) {
        return compile_comprehension(inner, first_is_pair ? ScopeKind::dictionary_comprehension
                                                          : ScopeKind::set_comprehension);
    }
    const Vector<Node> rest = tree_.items(tree_.child(tail, 0), Rule::dictorsetmaker_list2);
    const auto count = static_cast<std::uint32_t>(rest.size());
    if (first_is_pair) {
        if (create_map) {
            emitter_->build(1 + count, BuildKind::map);
        }
        compile_node(first);
        emitter_->store_map();
    } else {
        compile_node(first);
    }
    for (Node item : rest) {
        const bool is_pair = tree_.is_rule(item, Rule::dictorsetmaker_item);
        compile_node(item);
        if (first_is_pair) {
            if (!is_pair) {
                return syntax_error(inner, "expecting key:value for dict");
            }
            emitter_->store_map();
        } else if (is_pair) {
            return syntax_error(inner, "expecting just a value for set");
        }
    }
    if (!first_is_pair) {
        emitter_->build(1 + count, BuildKind::set);
    }
}

void CompilePass::compile_subscript(Node node) {
    if (tree_.rule_of(node) == Rule::subscript_2) {
        compile_node(tree_.child(node, 0));
        node = tree_.child(node, 1);
    } else {
        emitter_->load_const_token(ConstantToken::none);
    }
    // node is subscript_3: what follows the first colon.
    Node rest = tree_.child(node, 0);
    if (rest.is_null()) {
        emitter_->load_const_token(ConstantToken::none);
        return emitter_->build(2, BuildKind::slice);
    }
    if (tree_.is_rule(rest, Rule::subscript_3c)) {
        // a[x::y] or a[x::]
        emitter_->load_const_token(ConstantToken::none);
        Node step = tree_.child(rest, 0);
        if (step.is_null()) {
            return emitter_->build(2, BuildKind::slice);
        }
        compile_node(step);
        return emitter_->build(3, BuildKind::slice);
    }
    if (tree_.is_rule(rest, Rule::subscript_3d)) {
        compile_node(tree_.child(rest, 0));
        Node slice_step = tree_.child(rest, 1);
        Node step = slice_step.kind == NodeKind::rule ? tree_.child(slice_step, 0) : Node{};
        if (step.is_null()) {
            return emitter_->build(2, BuildKind::slice);
        }
        compile_node(step);
        return emitter_->build(3, BuildKind::slice);
    }
    compile_node(rest);
    emitter_->build(2, BuildKind::slice);
}

void CompilePass::compile_yield_from() {
    emitter_->get_iter(false);
    emitter_->load_const_token(ConstantToken::none);
    yield(YieldKind::from);
}

void CompilePass::compile_yield_expression(Node node) {
    if (scope_->kind != ScopeKind::function && scope_->kind != ScopeKind::lambda) {
        return syntax_error(node, "'yield' outside function");
    }
    Node argument = tree_.child(node, 0);
    if (argument.is_null()) {
        emitter_->load_const_token(ConstantToken::none);
        return yield(YieldKind::value);
    }
    if (tree_.is_rule(argument, Rule::yield_arg_from)) {
        compile_node(tree_.child(argument, 0));
        return compile_yield_from();
    }
    compile_node(argument);
    yield(YieldKind::value);
}

void CompilePass::compile_await(Node node) {
    if (scope_->kind != ScopeKind::function && scope_->kind != ScopeKind::lambda) {
        return syntax_error(node, "'await' outside function");
    }
    compile_atom_expression(node);
    compile_yield_from();
}

}  // namespace xipy::compiler
