// ParseTree: the nodes the parser builds, shaped exactly as MicroPython 1.29's parse tree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/grammar.hpp"
#include "compiler/token.hpp"
#include "compiler/working_memory.hpp"
#include "number/big_integer.hpp"

namespace xipy::compiler {

// A constant the parser made: a literal that does not fit a leaf, a folded expression or a
// tuple of constants. It is what MicroPython keeps as a "literal const" object.
struct Constant {
    enum class Kind : std::uint8_t {
        integer,
        floating,
        complex,
        string,
        bytes,
        tuple,
        none,
        true_value,
        false_value,
        ellipsis,
    };

    Kind kind = Kind::none;
    number::BigInteger integer;
    double real = 0.0;       // floating, and the real part of complex
    double imaginary = 0.0;  // complex
    Text text;               // string (UTF-8) or bytes
    // For strings: MicroPython holds an interned string (a qstr object) rather than a
    // string object, as for the value of `X = const("text")`.
    bool interned = false;
    // For integers: MicroPython holds a small int, not an int object (only a value in the
    // small-int range that did not come from arithmetic on a big int).
    bool small = false;
    Vector<Constant> items;  // tuple
};

enum class NodeKind : std::uint8_t {
    null,           // an absent optional part
    small_integer,  // an int that fits MicroPython's small-int range
    name,           // an identifier (MicroPython's id leaf)
    string,         // an interned str (MicroPython's str leaf)
    bytes,          // an interned bytes (MicroPython's bytes leaf)
    token,          // a keyword constant or an operator token
    rule,           // a node of a grammar rule with children
    constant,       // a Constant
};

// A node is a small value: leaves hold their payload, rules and constants an index into
// the tree that owns them. Nodes are only meaningful with their tree.
struct Node {
    NodeKind kind = NodeKind::null;
    std::uint32_t index = 0;  // string id, TokenKind, rule node or constant index
    std::int64_t integer = 0;

    bool is_null() const { return kind == NodeKind::null; }
};

// Where a rule node's children are and which rule made it.
struct RuleNode {
    Rule rule = Rule::file_input;
    std::uint32_t line = 0;
    std::uint32_t first_child = 0;
    std::uint32_t child_count = 0;
};

struct ConstantNode {
    std::uint32_t line = 0;
    Constant value;
};

// MicroPython's small ints on a 64-bit host (mpy-cross's): 63-bit signed values.
inline constexpr std::int64_t small_integer_max = (std::int64_t{1} << 62) - 1;
inline constexpr std::int64_t small_integer_min = -(std::int64_t{1} << 62);

// Owns every node of one parse. The interned strings play the part of MicroPython's qstrs:
// names and short strings are interned as they are read, and a long string literal stays
// a string leaf only when its text is already interned: read earlier in the same source,
// or one of mpy-cross's built-in names (the .mpy static qstrs and interned_strings.hpp).
class ParseTree {
  public:
    Node root() const { return root_; }
    void set_root(Node root) { root_ = root; }

    Rule rule_of(Node node) const { return rule_nodes_[node.index].rule; }
    bool is_rule(Node node, Rule rule) const {
        return node.kind == NodeKind::rule && rule_of(node) == rule;
    }
    std::uint32_t line_of(Node node) const;
    std::uint32_t child_count(Node node) const { return rule_nodes_[node.index].child_count; }
    Node child(Node node, std::uint32_t position) const {
        return children_[rule_nodes_[node.index].first_child + position];
    }
    const Constant& constant(Node node) const { return constant_nodes_[node.index].value; }
    std::string_view text(Node node) const { return strings_[node.index]; }
    TokenKind token(Node node) const { return static_cast<TokenKind>(node.index); }

    // A constant node: a small int, a string or bytes leaf, a constant object, None, True,
    // False, Ellipsis, or () (an atom_paren with nothing inside).
    bool is_constant(Node node) const;
    // Precondition: is_constant(node).
    Constant constant_value(Node node) const;
    // The truth value of a constant node, as MicroPython's mp_parse_node_is_const_true and
    // _false see it (the parser folds `and`, `or` and `not` with it; the compiler drops
    // `if 0:` and `while True:` tests with it); empty for other nodes.
    std::optional<bool> truth(Node node) const;
    // A node as a list of `list_rule` items, as MicroPython's mp_parse_node_extract_list:
    // none for null, the children of a `list_rule` node, else the node itself.
    Vector<Node> items(Node node, Rule list_rule) const;

    // Builders, used by the parser.
    std::uint32_t intern(std::string_view text);
    bool is_interned(std::string_view text) const;
    Node make_leaf(NodeKind kind, std::uint32_t index);
    Node make_small_integer(std::int64_t value);
    Node make_constant(std::uint32_t line, Constant value);
    // Takes the children from `children` (a span of the parser's result stack).
    Node make_rule(Rule rule, std::uint32_t line, const Node* children, std::size_t count);

    // Approximate bytes held, for the parser's memory limit.
    std::size_t memory_used() const { return memory_used_; }

  private:
    Node root_;
    Vector<RuleNode> rule_nodes_;
    Vector<Node> children_;
    Vector<ConstantNode> constant_nodes_;
    Vector<Text> strings_;
    TextMap<std::uint32_t> string_ids_;
    std::size_t memory_used_ = 0;
};

// Prints the tree as MicroPython's `micropython -v -v -v` does between its "----" lines:
// one node per line, "[LINE] " before rule nodes, two spaces of indent per level, rules as
// name(NUMBER) (n=COUNT). A constant object prints as "literal const(ADDRESS)=REPR" in
// MicroPython; its address is meaningless, so `constant_address` stands in for it.
Text dump_parse_tree(const ParseTree& tree, std::string_view constant_address = "*");

// Python's repr of a constant, as MicroPython prints it.
Text constant_repr(const Constant& constant);

}  // namespace xipy::compiler
