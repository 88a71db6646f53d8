// The grammar: MicroPython 1.29's parse rules, numbered as MicroPython numbers them.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "compiler/token.hpp"

namespace xipy::compiler {

// Rule numbers are part of the parse tree's contract (the dump prints them, and the
// compile pass dispatches on them). MicroPython numbers first the rules that have a compile
// function, then a pseudo-rule for constant objects, then the helper rules; the order
// inside each group is the grammar's.
enum class Rule : std::uint8_t {
    file_input,                      // 0
    file_input_2,                    // 1
    decorated,                       // 2
    funcdef,                         // 3
    simple_stmt_2,                   // 4
    expr_stmt,                       // 5
    testlist_star_expr,              // 6
    del_stmt,                        // 7
    pass_stmt,                       // 8
    break_stmt,                      // 9
    continue_stmt,                   // 10
    return_stmt,                     // 11
    yield_stmt,                      // 12
    raise_stmt,                      // 13
    import_name,                     // 14
    import_from,                     // 15
    global_stmt,                     // 16
    nonlocal_stmt,                   // 17
    assert_stmt,                     // 18
    async_stmt,                      // 19
    if_stmt,                         // 20
    while_stmt,                      // 21
    for_stmt,                        // 22
    try_stmt,                        // 23
    with_stmt,                       // 24
    suite_block_stmts,               // 25
    namedexpr_test,                  // 26
    test_if_expr,                    // 27
    lambdef,                         // 28
    lambdef_nocond,                  // 29
    or_test,                         // 30
    and_test,                        // 31
    not_test_2,                      // 32
    comparison,                      // 33
    star_expr,                       // 34
    expr,                            // 35
    xor_expr,                        // 36
    and_expr,                        // 37
    shift_expr,                      // 38
    arith_expr,                      // 39
    term,                            // 40
    factor_2,                        // 41
    power,                           // 42
    atom_expr_await,                 // 43
    atom_expr_normal,                // 44
    atom_paren,                      // 45
    atom_bracket,                    // 46
    atom_brace,                      // 47
    trailer_paren,                   // 48
    trailer_bracket,                 // 49
    trailer_period,                  // 50
    subscriptlist,                   // 51
    subscript_2,                     // 52
    subscript_3,                     // 53
    testlist,                        // 54
    dictorsetmaker_item,             // 55
    classdef,                        // 56
    yield_expr,                      // 57
    constant_object,                 // 58
    generic_colon_test,              // 59
    generic_equal_test,              // 60
    single_input,                    // 61
    file_input_3,                    // 62
    eval_input,                      // 63
    eval_input_2,                    // 64
    decorator,                       // 65
    decorators,                      // 66
    decorated_body,                  // 67
    async_funcdef,                   // 68
    funcdefrettype,                  // 69
    typedargslist,                   // 70
    typedargslist_item,              // 71
    typedargslist_name,              // 72
    typedargslist_star,              // 73
    typedargslist_dbl_star,          // 74
    tfpdef,                          // 75
    varargslist,                     // 76
    varargslist_item,                // 77
    varargslist_name,                // 78
    varargslist_star,                // 79
    varargslist_dbl_star,            // 80
    vfpdef,                          // 81
    stmt,                            // 82
    simple_stmt,                     // 83
    small_stmt,                      // 84
    expr_stmt_2,                     // 85
    expr_stmt_augassign,             // 86
    expr_stmt_assign_list,           // 87
    expr_stmt_assign,                // 88
    expr_stmt_6,                     // 89
    testlist_star_expr_2,            // 90
    annassign,                       // 91
    augassign,                       // 92
    flow_stmt,                       // 93
    raise_stmt_arg,                  // 94
    raise_stmt_from,                 // 95
    import_stmt,                     // 96
    import_from_2,                   // 97
    import_from_2b,                  // 98
    import_from_3,                   // 99
    import_as_names_paren,           // 100
    one_or_more_period_or_ellipsis,  // 101
    period_or_ellipsis,              // 102
    import_as_name,                  // 103
    dotted_as_name,                  // 104
    as_name,                         // 105
    import_as_names,                 // 106
    dotted_as_names,                 // 107
    dotted_name,                     // 108
    name_list,                       // 109
    assert_stmt_extra,               // 110
    compound_stmt,                   // 111
    async_stmt_2,                    // 112
    if_stmt_elif_list,               // 113
    if_stmt_elif,                    // 114
    try_stmt_2,                      // 115
    try_stmt_except_and_more,        // 116
    try_stmt_except,                 // 117
    try_stmt_as_name,                // 118
    try_stmt_except_list,            // 119
    try_stmt_finally,                // 120
    else_stmt,                       // 121
    with_stmt_list,                  // 122
    with_item,                       // 123
    with_item_as,                    // 124
    suite,                           // 125
    suite_block,                     // 126
    namedexpr_test_2,                // 127
    test,                            // 128
    test_if_else,                    // 129
    test_nocond,                     // 130
    not_test,                        // 131
    comp_op,                         // 132
    comp_op_not_in,                  // 133
    comp_op_is,                      // 134
    comp_op_is_not,                  // 135
    shift_op,                        // 136
    arith_op,                        // 137
    term_op,                         // 138
    factor,                          // 139
    factor_op,                       // 140
    atom_expr,                       // 141
    atom_expr_trailers,              // 142
    power_dbl_star,                  // 143
    atom,                            // 144
    atom_2b,                         // 145
    testlist_comp,                   // 146
    testlist_comp_2,                 // 147
    testlist_comp_3,                 // 148
    testlist_comp_3b,                // 149
    testlist_comp_3c,                // 150
    trailer,                         // 151
    subscript,                       // 152
    subscript_3b,                    // 153
    subscript_3c,                    // 154
    subscript_3d,                    // 155
    sliceop,                         // 156
    exprlist,                        // 157
    exprlist_2,                      // 158
    dictorsetmaker,                  // 159
    dictorsetmaker_tail,             // 160
    dictorsetmaker_list,             // 161
    dictorsetmaker_list2,            // 162
    classdef_2,                      // 163
    arglist,                         // 164
    arglist_2,                       // 165
    arglist_star,                    // 166
    arglist_dbl_star,                // 167
    argument,                        // 168
    argument_2,                      // 169
    argument_3,                      // 170
    comp_iter,                       // 171
    comp_for,                        // 172
    comp_if,                         // 173
    yield_arg,                       // 174
    yield_arg_from,                  // 175
};

inline constexpr std::size_t rule_count = static_cast<std::size_t>(Rule::yield_arg_from) + 1;

// How a rule matches its arguments and what node it leaves.
enum class Shape : std::uint8_t {
    // The first argument that matches (a token leaf, or what the sub-rule left).
    first,
    // Every argument in order. Tokens other than names leave nothing; a missing optional
    // rule leaves a null node. The rule leaves a node with the remaining children...
    all,
    // ...or, when exactly one child is not null, just that child.
    all_or_single,
    // ...plus a trailing null child the compiler uses as scratch space.
    all_with_blank,
    // One or more of the single argument; one match leaves just that match.
    repeated,
    // item (separator item)*; a single item is left bare. Token separators leave nothing.
    separated,
    // As `separated`, with an optional trailing separator; `item,` still makes a node.
    separated_with_end,
    // The constant-object pseudo-rule: never matched, only made by folding.
    constant,
};

enum class ArgumentKind : std::uint8_t { token, rule, optional_rule };

struct Argument {
    ArgumentKind kind = ArgumentKind::token;
    std::uint8_t value = 0;  // a TokenKind or a Rule

    TokenKind token_kind() const { return static_cast<TokenKind>(value); }
    Rule rule() const { return static_cast<Rule>(value); }
};

constexpr Argument token(TokenKind kind) {
    return {ArgumentKind::token, static_cast<std::uint8_t>(kind)};
}
constexpr Argument rule(Rule rule) { return {ArgumentKind::rule, static_cast<std::uint8_t>(rule)}; }
constexpr Argument optional(Rule rule) {
    return {ArgumentKind::optional_rule, static_cast<std::uint8_t>(rule)};
}

struct RuleDefinition {
    static constexpr std::size_t max_arguments = 13;

    std::string_view name;
    Shape shape = Shape::first;
    std::array<Argument, max_arguments> arguments{};
    std::uint8_t argument_count = 0;

    constexpr RuleDefinition(std::string_view rule_name, Shape rule_shape,
                             std::initializer_list<Argument> rule_arguments)
        : name(rule_name), shape(rule_shape) {
        for (const Argument& argument : rule_arguments) {
            arguments[argument_count++] = argument;
        }
    }
};

const RuleDefinition& rule_definition(Rule rule);

}  // namespace xipy::compiler
