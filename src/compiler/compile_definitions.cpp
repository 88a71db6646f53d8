// The compile pass's definitions: functions, lambdas, classes, decorators, comprehensions and
// the body of each scope.
#include "compiler/compile_pass.hpp"

#include "image/format.hpp"

namespace xipy::compiler {

void CompilePass::close_over_variables(Scope& inner, std::uint32_t positional_defaults,
                                       std::uint32_t keyword_defaults) {
    if (keyword_defaults > 0) {
        inner.flags |= image::format::scope_flag_default_keyword_arguments;
    }
    inner.default_positional_count = positional_defaults;
    // The inner scope's free names are this scope's cells and free names, passed in the order
    // this scope lists them.
    std::uint32_t closed_over = 0;
    if (scope_->kind != ScopeKind::module) {
        for (const Identifier& outer : scope_->identifiers) {
            if (outer.kind != IdentifierKind::cell && outer.kind != IdentifierKind::free) {
                continue;
            }
            for (const Identifier& identifier : inner.identifiers) {
                if (identifier.kind == IdentifierKind::free && identifier.name == outer.name) {
                    emitter_->load_local(outer.local, LocalKind::fast);
                    ++closed_over;
                }
            }
        }
    }
    if (closed_over == 0) {
        emitter_->make_function(inner.code_index, positional_defaults, keyword_defaults);
    } else {
        emitter_->make_closure(inner.code_index, closed_over, positional_defaults,
                               keyword_defaults);
    }
}

void CompilePass::compile_default(Node parameter) {
    if (failed()) {
        return;
    }
    Rule rule = parameter.kind == NodeKind::rule ? tree_.rule_of(parameter) : Rule::file_input;
    const bool is_name = parameter.kind == NodeKind::name;
    if (!is_name && (rule == Rule::typedargslist_star || rule == Rule::varargslist_star)) {
        have_star_ = true;
        return;
    }
    if (!is_name && (rule == Rule::typedargslist_dbl_star || rule == Rule::varargslist_dbl_star)) {
        return;
    }
    Node name = parameter;
    Node value;
    if (!is_name) {
        name = tree_.child(parameter, 0);
        value = rule == Rule::typedargslist_name ? tree_.child(parameter, 2)
                                                 : tree_.child(parameter, 1);
    }
    if (value.is_null()) {
        if (!have_star_ && positional_defaults_ != 0) {
            return syntax_error(parameter, "non-default argument follows default argument");
        }
        return;
    }
    if (!have_star_) {
        ++positional_defaults_;
        return compile_node(value);
    }
    // Keyword-only defaults go in a dict, after the positional defaults' tuple (or a null).
    ++keyword_defaults_;
    if (keyword_defaults_ == 1) {
        if (positional_defaults_ > 0) {
            emitter_->build(positional_defaults_, BuildKind::tuple);
        } else {
            emitter_->load_null();
        }
        emitter_->build(0, BuildKind::map);
    }
    compile_node(value);
    emitter_->load_const_string(name_of(name));
    emitter_->store_map();
}

void CompilePass::compile_function_object(Scope& inner, Node parameters, Rule list_rule) {
    const bool saved_have_star = have_star_;
    const std::uint32_t saved_keyword = keyword_defaults_;
    const std::uint32_t saved_positional = positional_defaults_;
    have_star_ = false;
    keyword_defaults_ = 0;
    positional_defaults_ = 0;
    for (Node parameter : tree_.items(parameters, list_rule)) {
        compile_default(parameter);
    }
    if (!failed()) {
        if (positional_defaults_ > 0 && keyword_defaults_ == 0) {
            emitter_->build(positional_defaults_, BuildKind::tuple);
            emitter_->load_null();
        }
        close_over_variables(inner, positional_defaults_, keyword_defaults_);
    }
    have_star_ = saved_have_star;
    keyword_defaults_ = saved_keyword;
    positional_defaults_ = saved_positional;
}

Text CompilePass::compile_function_definition(Node node) {
    Scope* inner = pass_ == Pass::scope
                       ? &new_scope(ScopeKind::function, node, Text(name_of(tree_.child(node, 0))))
                       : scope_of(node);
    compile_function_object(*inner, tree_.child(node, 1), Rule::typedargslist);
    return inner->name;
}

Text CompilePass::compile_class_definition(Node node) {
    Scope* inner = pass_ == Pass::scope ? &new_scope(ScopeKind::class_body, node,
                                                     Text(name_of(tree_.child(node, 0))))
                                        : scope_of(node);
    emitter_->load_build_class();
    close_over_variables(*inner, 0, 0);
    emitter_->load_const_string(inner->name);
    Node parents = tree_.child(node, 1);
    if (tree_.is_rule(parents, Rule::classdef_2)) {
        parents = Node{};
    }
    compile_call(parents, false, 2);
    return inner->name;
}

void CompilePass::compile_decorated(Node node) {
    const Vector<Node> decorators = tree_.items(tree_.child(node, 0), Rule::decorators);
    std::uint32_t built_in = 0;
    for (Node decorator : decorators) {
        const Vector<Node> names = tree_.items(tree_.child(decorator, 0), Rule::dotted_name);
        if (name_of(names[0]) == "micropython") {
            // @micropython.bytecode changes nothing for bytecode. The native emitters and
            // inline assemblers need a target architecture, which mpy-cross has none of
            // without -march, so it rejects them as xipy does.
            if (names.size() != 2) {
                syntax_error(names[0], "invalid micropython decorator");
                return;
            }
            const std::string_view kind = name_of(names[1]);
            if (kind == "native" || kind == "viper" || kind == "asm_thumb" ||
                kind == "asm_xtensa") {
                syntax_error(names[1], "invalid arch");
                return;
            }
            if (kind != "bytecode") {
                syntax_error(names[1], "invalid micropython decorator");
                return;
            }
            ++built_in;
            continue;
        }
        compile_node(names[0]);
        for (std::size_t position = 1; position < names.size(); ++position) {
            emitter_->attribute(name_of(names[position]), AccessKind::load);
        }
        Node call = tree_.child(decorator, 1);
        if (!call.is_null()) {
            compile_node(call);
        }
    }
    Node body = tree_.child(node, 1);
    Text name;
    if (tree_.is_rule(body, Rule::funcdef)) {
        name = compile_function_definition(body);
    } else if (tree_.is_rule(body, Rule::async_funcdef)) {
        Node definition = tree_.child(body, 0);
        name = compile_function_definition(definition);
        if (Scope* inner = scope_of(definition)) {
            inner->flags |= image::format::scope_flag_generator;
        }
    } else {
        name = compile_class_definition(body);
    }
    for (std::uint32_t count = 0; count < decorators.size() - built_in; ++count) {
        emitter_->call_function(1, 0, 0);
    }
    store_id(name);
}

void CompilePass::compile_function(Node node) { store_id(compile_function_definition(node)); }

void CompilePass::compile_class(Node node) { store_id(compile_class_definition(node)); }

void CompilePass::compile_lambda(Node node) {
    Scope* inner =
        pass_ == Pass::scope ? &new_scope(ScopeKind::lambda, node, "<lambda>") : scope_of(node);
    compile_function_object(*inner, tree_.child(node, 0), Rule::varargslist);
}

void CompilePass::compile_comprehension(Node node, ScopeKind kind) {
    Node loop = tree_.child(node, 1);
    Scope* inner = nullptr;
    if (pass_ == Pass::scope) {
        const char* name = kind == ScopeKind::list_comprehension         ? "<listcomp>"
                           : kind == ScopeKind::dictionary_comprehension ? "<dictcomp>"
                           : kind == ScopeKind::set_comprehension        ? "<setcomp>"
                                                                         : "<genexpr>";
        inner = &new_scope(kind, node, name);
    } else {
        inner = scope_of(node);
    }
    close_over_variables(*inner, 0, 0);
    // The outermost iterable is evaluated here and passed in as the only argument.
    compile_node(tree_.child(loop, 1));
    if (kind == ScopeKind::generator_expression) {
        emitter_->get_iter(false);
    }
    emitter_->call_function(1, 0, 0);
}

void CompilePass::declare_parameter(Node node, Rule name_rule, Rule star_rule,
                                    Rule double_star_rule) {
    if (failed()) {
        return;
    }
    // Nothing may follow **kwargs.
    if ((scope_->flags & image::format::scope_flag_varkeywords) != 0) {
        return syntax_error(node, "invalid syntax");
    }
    Text name;
    std::uint8_t flags = identifier_is_parameter;
    auto count_plain = [&] {
        if (have_star_) {
            ++scope_->keyword_only_count;
        } else {
            ++scope_->positional_count;
        }
    };
    if (node.kind == NodeKind::name) {
        name = name_of(node);
        count_plain();
    } else if (tree_.is_rule(node, name_rule)) {
        name = name_of(tree_.child(node, 0));
        count_plain();
    } else if (tree_.is_rule(node, star_rule)) {
        if (have_star_) {
            return syntax_error(node, "invalid syntax");
        }
        have_star_ = true;
        flags = identifier_is_parameter | identifier_is_star_parameter;
        Node inner = tree_.child(node, 0);
        if (inner.kind == NodeKind::name) {
            scope_->flags |= image::format::scope_flag_varargs;
            name = name_of(inner);
        } else if (inner.kind == NodeKind::rule) {
            scope_->flags |= image::format::scope_flag_varargs;
            name = name_of(tree_.child(inner, 0));
        }
        // A bare * only starts the keyword-only parameters.
    } else if (tree_.is_rule(node, double_star_rule)) {
        Node inner = tree_.child(node, 0);
        if (inner.kind == NodeKind::rule) {
            inner = tree_.child(inner, 0);
        }
        name = name_of(inner);
        flags = identifier_is_parameter | identifier_is_double_star_parameter;
        scope_->flags |= image::format::scope_flag_varkeywords;
    } else {
        return unsupported(node, "this parameter");
    }
    if (name.empty()) {
        return;
    }
    Identifier& identifier = scope_->find_or_add(name, IdentifierKind::undecided);
    if (identifier.kind != IdentifierKind::undecided) {
        return syntax_error(node, "argument name reused");
    }
    identifier.kind = IdentifierKind::local;
    identifier.flags = flags;
}

void CompilePass::compile_comprehension_loop(Node comp_for, Node inner_expression,
                                             std::uint32_t depth) {
    Label top = emitter_->new_label();
    Label end = emitter_->new_label();
    emitter_->assign_label(top);
    emitter_->for_iter(end);
    assign(tree_.child(comp_for, 0), AssignKind::store);
    Node next = tree_.child(comp_for, 2);
    // `if` clauses skip back to the top; the innermost expression is yielded or stored.
    while (!failed()) {
        if (next.is_null()) {
            compile_node(inner_expression);
            if (scope_->kind == ScopeKind::generator_expression) {
                yield(YieldKind::value);
                emitter_->pop_top();
            } else {
                const ComprehensionKind kind = scope_->kind == ScopeKind::list_comprehension
                                                   ? ComprehensionKind::list
                                               : scope_->kind == ScopeKind::dictionary_comprehension
                                                   ? ComprehensionKind::dictionary
                                                   : ComprehensionKind::set;
                emitter_->store_comp(kind, 4 * depth + 5);
            }
            break;
        }
        if (tree_.is_rule(next, Rule::comp_if)) {
            condition(tree_.child(next, 0), false, top);
            next = tree_.child(next, 1);
            continue;
        }
        compile_node(tree_.child(next, 1));
        emitter_->get_iter(true);
        // compile_node() above bounds the stack this recursion takes.
        compile_comprehension_loop(next, inner_expression, depth + 1);
        break;
    }
    emitter_->jump(top);
    emitter_->assign_label(end);
    emitter_->for_iter_end();
}

void CompilePass::compile_scope_body(Scope& scope) {
    Node root = scope.node;
    switch (scope.kind) {
        case ScopeKind::module:
            if (tree_.is_rule(root, Rule::eval_input)) {
                compile_node(tree_.child(root, 0));
                emitter_->return_value();
                return;
            }
            compile_node(root);
            emitter_->load_const_token(ConstantToken::none);
            emitter_->return_value();
            return;
        case ScopeKind::function: {
            if (pass_ == Pass::scope) {
                have_star_ = false;
                for (Node parameter : tree_.items(tree_.child(root, 1), Rule::typedargslist)) {
                    declare_parameter(parameter, Rule::typedargslist_name, Rule::typedargslist_star,
                                      Rule::typedargslist_dbl_star);
                }
            }
            compile_node(tree_.child(root, 3));
            emitter_->load_const_token(ConstantToken::none);
            emitter_->return_value();
            return;
        }
        case ScopeKind::lambda: {
            emitter_->set_source_line(tree_.line_of(root));
            if (pass_ == Pass::scope) {
                have_star_ = false;
                for (Node parameter : tree_.items(tree_.child(root, 0), Rule::varargslist)) {
                    declare_parameter(parameter, Rule::varargslist_name, Rule::varargslist_star,
                                      Rule::varargslist_dbl_star);
                }
            }
            compile_node(tree_.child(root, 1));
            // A lambda that yields is a generator whose value is None.
            if ((scope.flags & image::format::scope_flag_generator) != 0) {
                emitter_->pop_top();
                emitter_->load_const_token(ConstantToken::none);
            }
            emitter_->return_value();
            return;
        }
        case ScopeKind::list_comprehension:
        case ScopeKind::dictionary_comprehension:
        case ScopeKind::set_comprehension:
        case ScopeKind::generator_expression: {
            Node loop = tree_.child(root, 1);
            // The iterator arrives as the one argument, named "" so no source name can clash.
            if (pass_ == Pass::scope) {
                scope.find_or_add("", IdentifierKind::local);
                scope.positional_count = 1;
            }
            emitter_->set_source_line(tree_.line_of(root));
            if (scope.kind == ScopeKind::list_comprehension) {
                emitter_->build(0, BuildKind::list);
            } else if (scope.kind == ScopeKind::dictionary_comprehension) {
                emitter_->build(0, BuildKind::map);
            } else if (scope.kind == ScopeKind::set_comprehension) {
                emitter_->build(0, BuildKind::set);
            }
            if (scope.kind == ScopeKind::generator_expression) {
                // The iterator sits where GET_ITER_STACK would leave it: a null, the iterator
                // and two more nulls.
                emitter_->load_null();
                load_id("");
                emitter_->load_null();
                emitter_->load_null();
            } else {
                load_id("");
                emitter_->get_iter(true);
            }
            compile_comprehension_loop(loop, tree_.child(root, 0), 0);
            if (scope.kind == ScopeKind::generator_expression) {
                emitter_->load_const_token(ConstantToken::none);
            }
            emitter_->return_value();
            return;
        }
        case ScopeKind::class_body: {
            if (pass_ == Pass::scope) {
                scope.find_or_add("__class__", IdentifierKind::local);
            }
            load_id("__name__");
            store_id("__module__");
            emitter_->load_const_string(name_of(tree_.child(root, 0)));
            store_id("__qualname__");
            compile_node(tree_.child(root, 2));
            const Identifier* class_cell = scope.find("__class__");
            if (class_cell == nullptr || class_cell->kind == IdentifierKind::local) {
                emitter_->load_const_token(ConstantToken::none);
            } else {
                emitter_->load_local(class_cell->local, LocalKind::fast);
            }
            emitter_->return_value();
            return;
        }
    }
}

}  // namespace xipy::compiler
