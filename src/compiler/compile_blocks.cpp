// The compile pass's blocks that set up handlers: try/except/finally, with, and the async forms.
#include "compiler/compile_pass.hpp"

#include "image/format.hpp"

namespace xipy::compiler {

// Slots MicroPython reserves for the state an unwinding jump leaves while a finally runs.
constexpr std::int32_t finally_state_slots = 3;

void CompilePass::compile_try_except(Node body, const Vector<Node>& handlers, Node else_body) {
    Label handler_label = emitter_->new_label();
    Label success = emitter_->new_label();
    increase_except_level(handler_label, BlockKind::except);
    compile_node(body);
    emitter_->pop_except_jump(success, false);

    emitter_->assign_label(handler_label);
    emitter_->start_except_handler();
    Label end = emitter_->new_label();
    for (std::size_t position = 0; position < handlers.size() && !failed(); ++position) {
        Node handler = handlers[position];
        Text exception_name;
        Label next = emitter_->new_label();
        Node matched = tree_.child(handler, 0);
        if (matched.is_null()) {
            if (position + 1 != handlers.size()) {
                syntax_error(handler, "default 'except' must be last");
                decrease_except_level();
                return;
            }
        } else {
            if (tree_.is_rule(matched, Rule::try_stmt_as_name)) {
                exception_name = name_of(tree_.child(matched, 1));
                matched = tree_.child(matched, 0);
            }
            emitter_->dup_top();
            compile_node(matched);
            emitter_->binary_op(BinaryOperator::exception_match);
            emitter_->pop_jump_if(false, next);
        }
        if (exception_name.empty()) {
            emitter_->pop_top();
        } else {
            store_id(exception_name);
        }
        // `except E as name` deletes name at the end, even when the handler raises, so the
        // handler body runs inside a finally.
        Label cleanup;
        if (!exception_name.empty()) {
            cleanup = emitter_->new_label();
            increase_except_level(cleanup, BlockKind::finally);
        }
        compile_node(tree_.child(handler, 1));
        if (!exception_name.empty()) {
            emitter_->load_const_token(ConstantToken::none);
            emitter_->assign_label(cleanup);
            emitter_->adjust_stack_size(1);
            emitter_->load_const_token(ConstantToken::none);
            store_id(exception_name);
            delete_id(exception_name);
            emitter_->adjust_stack_size(-1);
            decrease_except_level();
        }
        emitter_->pop_except_jump(end, true);
        emitter_->assign_label(next);
        // The exception is on the stack again when the next handler's test starts.
        emitter_->adjust_stack_size(1);
    }
    decrease_except_level();
    emitter_->end_except_handler();
    emitter_->assign_label(success);
    compile_node(else_body);
    emitter_->assign_label(end);
}

void CompilePass::compile_try_finally(Node body, const Vector<Node>& handlers, Node else_body,
                                      Node finally_body) {
    Label finally_label = emitter_->new_label();
    increase_except_level(finally_label, BlockKind::finally);
    if (handlers.empty()) {
        emitter_->adjust_stack_size(finally_state_slots);
        compile_node(body);
        emitter_->adjust_stack_size(-finally_state_slots);
    } else {
        compile_try_except(body, handlers, else_body);
    }
    emitter_->load_const_token(ConstantToken::none);
    emitter_->assign_label(finally_label);
    emitter_->adjust_stack_size(1);
    compile_node(finally_body);
    emitter_->adjust_stack_size(-1);
    decrease_except_level();
}

void CompilePass::compile_try(Node node) {
    Node rest = tree_.child(node, 1);
    if (tree_.is_rule(rest, Rule::try_stmt_finally)) {
        return compile_try_finally(tree_.child(node, 0), {}, Node{}, tree_.child(rest, 0));
    }
    if (tree_.is_rule(rest, Rule::try_stmt_except_and_more)) {
        const Vector<Node> handlers = tree_.items(tree_.child(rest, 0), Rule::try_stmt_except_list);
        Node finally_part = tree_.child(rest, 2);
        if (finally_part.is_null()) {
            return compile_try_except(tree_.child(node, 0), handlers, tree_.child(rest, 1));
        }
        return compile_try_finally(tree_.child(node, 0), handlers, tree_.child(rest, 1),
                                   tree_.child(finally_part, 0));
    }
    compile_try_except(tree_.child(node, 0), tree_.items(rest, Rule::try_stmt_except_list), Node{});
}

void CompilePass::compile_with_items(const Vector<Node>& items, std::size_t first, Node body) {
    if (first == items.size()) {
        return compile_node(body);
    }
    Label end = emitter_->new_label();
    Node item = items[first];
    if (tree_.is_rule(item, Rule::with_item)) {
        compile_node(tree_.child(item, 0));
        increase_except_level(end, BlockKind::with);
        assign(tree_.child(item, 1), AssignKind::store);
    } else {
        compile_node(item);
        increase_except_level(end, BlockKind::with);
        emitter_->pop_top();
    }
    compile_with_items(items, first + 1, body);
    emitter_->with_cleanup(end);
    decrease_except_level();
}

void CompilePass::compile_with(Node node) {
    const Vector<Node> items = tree_.items(tree_.child(node, 0), Rule::with_stmt_list);
    if (items.size() > 1000) {
        return unsupported(node, "this many with items");
    }
    compile_with_items(items, 0, tree_.child(node, 1));
}

void CompilePass::await_method(std::string_view method) {
    emitter_->load_method(method, false);
    emitter_->call_method(0, 0, 0);
    compile_yield_from();
}

void CompilePass::compile_async_for(Node node) {
    Label while_else = emitter_->new_label();
    Label try_exception = emitter_->new_label();
    Label try_else = emitter_->new_label();
    Label try_finally = emitter_->new_label();

    compile_node(tree_.child(node, 1));
    emitter_->load_method("__aiter__", false);
    emitter_->call_method(0, 0, 0);

    const std::optional<Label> saved_break = break_label_;
    const std::optional<Label> saved_continue = continue_label_;
    const bool saved_from_for = break_from_for_;
    const std::uint32_t saved_level = loop_except_level_;
    Label break_label = emitter_->new_label();
    Label continue_label = emitter_->new_label();
    break_label_ = break_label;
    continue_label_ = continue_label;
    break_from_for_ = false;
    loop_except_level_ = except_level_;

    emitter_->assign_label(continue_label);
    increase_except_level(try_exception, BlockKind::except);
    emitter_->dup_top();
    await_method("__anext__");
    assign(tree_.child(node, 0), AssignKind::store);
    emitter_->pop_except_jump(try_else, false);

    emitter_->assign_label(try_exception);
    emitter_->start_except_handler();
    emitter_->dup_top();
    emitter_->load_global("StopAsyncIteration", GlobalKind::global);
    emitter_->binary_op(BinaryOperator::exception_match);
    emitter_->pop_jump_if(false, try_finally);
    emitter_->pop_top();
    emitter_->pop_except_jump(while_else, true);

    emitter_->assign_label(try_finally);
    emitter_->adjust_stack_size(1);
    decrease_except_level();
    emitter_->end_except_handler();

    emitter_->assign_label(try_else);
    compile_node(tree_.child(node, 2));
    emitter_->jump(continue_label);

    break_label_ = saved_break;
    continue_label_ = saved_continue;
    break_from_for_ = saved_from_for;
    loop_except_level_ = saved_level;

    emitter_->assign_label(while_else);
    compile_node(tree_.child(node, 3));
    emitter_->assign_label(break_label);
    emitter_->pop_top();
}

void CompilePass::compile_async_with_items(const Vector<Node>& items, std::size_t first,
                                           Node body) {
    if (first == items.size()) {
        return compile_node(body);
    }
    Label finally_label = emitter_->new_label();
    Label exit_without_exception = emitter_->new_label();
    Label unwind = emitter_->new_label();
    Label end = emitter_->new_label();

    Node item = items[first];
    if (tree_.is_rule(item, Rule::with_item)) {
        compile_node(tree_.child(item, 0));
        emitter_->dup_top();
        await_method("__aenter__");
        assign(tree_.child(item, 1), AssignKind::store);
    } else {
        compile_node(item);
        emitter_->dup_top();
        await_method("__aenter__");
        emitter_->pop_top();
    }

    increase_except_level(finally_label, BlockKind::finally);
    emitter_->adjust_stack_size(finally_state_slots);
    compile_async_with_items(items, first + 1, body);
    emitter_->adjust_stack_size(-finally_state_slots);

    // Normal exit: __aexit__(None, None, None).
    emitter_->load_const_token(ConstantToken::none);
    emitter_->rot_two();
    emitter_->jump(exit_without_exception);

    // An exception or an unwinding jump arrives here.
    emitter_->assign_label(finally_label);
    emitter_->dup_top();
    emitter_->load_global("BaseException", GlobalKind::global);
    emitter_->binary_op(BinaryOperator::exception_match);
    emitter_->pop_jump_if(false, unwind);

    // An exception: __aexit__(type, value, None), which may swallow it.
    emitter_->dup_top();
    emitter_->rot_three();
    emitter_->rot_two();
    emitter_->load_method("__aexit__", false);
    emitter_->rot_three();
    emitter_->rot_three();
    emitter_->dup_top();
    emitter_->attribute("__class__", AccessKind::load);
    emitter_->rot_two();
    emitter_->load_const_token(ConstantToken::none);
    emitter_->call_method(3, 0, 0);
    compile_yield_from();
    emitter_->pop_jump_if(false, end);
    emitter_->pop_top();
    emitter_->load_const_token(ConstantToken::none);
    emitter_->jump(end);
    emitter_->adjust_stack_size(2);

    // An unwinding jump (return, break, continue) runs __aexit__(None, None, None) too.
    emitter_->assign_label(unwind);
    emitter_->rot_three();
    emitter_->rot_three();
    emitter_->assign_label(exit_without_exception);
    emitter_->load_method("__aexit__", false);
    emitter_->load_const_token(ConstantToken::none);
    emitter_->dup_top();
    emitter_->dup_top();
    emitter_->call_method(3, 0, 0);
    compile_yield_from();
    emitter_->pop_top();
    emitter_->adjust_stack_size(-1);

    emitter_->assign_label(end);
    decrease_except_level();
}

void CompilePass::compile_async(Node node) {
    Node statement = tree_.child(node, 0);
    if (tree_.is_rule(statement, Rule::funcdef)) {
        compile_function(statement);
        if (Scope* inner = scope_of(statement)) {
            inner->flags |= image::format::scope_flag_generator;
        }
        return;
    }
    if ((scope_->flags & image::format::scope_flag_generator) == 0) {
        return syntax_error(statement, "async for/with outside async function");
    }
    if (tree_.is_rule(statement, Rule::for_stmt)) {
        return compile_async_for(statement);
    }
    const Vector<Node> items = tree_.items(tree_.child(statement, 0), Rule::with_stmt_list);
    compile_async_with_items(items, 0, tree_.child(statement, 1));
}

}  // namespace xipy::compiler
