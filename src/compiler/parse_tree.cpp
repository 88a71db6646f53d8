// ParseTree: node storage, interning, and the dump in MicroPython's format.
#include "compiler/parse_tree.hpp"

#include <array>
#include <cstdio>

#include "compiler/interned_strings.hpp"
#include "image/static_qstrs.hpp"
#include "number/float_format.hpp"

namespace xipy::compiler {

std::uint32_t ParseTree::line_of(Node node) const {
    if (node.kind == NodeKind::rule) {
        return rule_nodes_[node.index].line;
    }
    if (node.kind == NodeKind::constant) {
        return constant_nodes_[node.index].line;
    }
    return 0;
}

std::uint32_t ParseTree::intern(std::string_view text) {
    auto found = string_ids_.find(text);
    if (found != string_ids_.end()) {
        return found->second;
    }
    auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(text);
    string_ids_.emplace(Text(text), id);
    memory_used_ += 2 * text.size() + 64;
    return id;
}

bool ParseTree::is_interned(std::string_view text) const {
    return string_ids_.count(text) != 0 || image::find_static_qstr(text).has_value() ||
           is_built_in_name(text);
}

Node ParseTree::make_leaf(NodeKind kind, std::uint32_t index) {
    Node node;
    node.kind = kind;
    node.index = index;
    return node;
}

Node ParseTree::make_small_integer(std::int64_t value) {
    Node node;
    node.kind = NodeKind::small_integer;
    node.integer = value;
    return node;
}

Node ParseTree::make_constant(std::uint32_t line, Constant value) {
    memory_used_ +=
        sizeof(ConstantNode) + value.text.size() + value.items.size() * sizeof(Constant);
    Node node;
    node.kind = NodeKind::constant;
    node.index = static_cast<std::uint32_t>(constant_nodes_.size());
    constant_nodes_.push_back(ConstantNode{line, std::move(value)});
    return node;
}

Node ParseTree::make_rule(Rule rule, std::uint32_t line, const Node* children, std::size_t count) {
    RuleNode rule_node;
    rule_node.rule = rule;
    rule_node.line = line;
    rule_node.first_child = static_cast<std::uint32_t>(children_.size());
    rule_node.child_count = static_cast<std::uint32_t>(count);
    children_.insert(children_.end(), children, children + count);
    memory_used_ += sizeof(RuleNode) + count * sizeof(Node);
    Node node;
    node.kind = NodeKind::rule;
    node.index = static_cast<std::uint32_t>(rule_nodes_.size());
    rule_nodes_.push_back(rule_node);
    return node;
}

bool ParseTree::is_constant(Node node) const {
    switch (node.kind) {
        case NodeKind::small_integer:
        case NodeKind::string:
        case NodeKind::bytes:
        case NodeKind::constant:
            return true;
        case NodeKind::token: {
            TokenKind kind = token(node);
            return kind == TokenKind::keyword_none || kind == TokenKind::keyword_true ||
                   kind == TokenKind::keyword_false || kind == TokenKind::ellipsis;
        }
        case NodeKind::rule:
            // () is the empty tuple.
            return is_rule(node, Rule::atom_paren) && child(node, 0).is_null();
        default:
            return false;
    }
}

// Precondition: is_constant(node).
Constant ParseTree::constant_value(Node node) const {
    Constant value;
    switch (node.kind) {
        case NodeKind::small_integer:
            value.kind = Constant::Kind::integer;
            value.integer = number::BigInteger::from_int64(node.integer);
            value.small = true;
            break;
        case NodeKind::string:
        case NodeKind::bytes:
            value.kind =
                node.kind == NodeKind::string ? Constant::Kind::string : Constant::Kind::bytes;
            value.text = text(node);
            value.interned = node.kind == NodeKind::string;
            break;
        case NodeKind::constant:
            value = this->constant(node);
            break;
        case NodeKind::rule:
            value.kind = Constant::Kind::tuple;
            break;
        default:
            switch (token(node)) {
                case TokenKind::keyword_true:
                    value.kind = Constant::Kind::true_value;
                    break;
                case TokenKind::keyword_false:
                    value.kind = Constant::Kind::false_value;
                    break;
                case TokenKind::ellipsis:
                    value.kind = Constant::Kind::ellipsis;
                    break;
                default:
                    value.kind = Constant::Kind::none;
                    break;
            }
            break;
    }
    return value;
}

// Python's truth value of a constant node, as the folding of `and`, `or` and `not` uses it.
std::optional<bool> ParseTree::truth(Node node) const {
    if (!is_constant(node)) {
        return std::nullopt;
    }
    Constant value = constant_value(node);
    switch (value.kind) {
        case Constant::Kind::integer:
            return !value.integer.is_zero();
        case Constant::Kind::floating:
            return value.real != 0.0;
        case Constant::Kind::complex:
            return value.real != 0.0 || value.imaginary != 0.0;
        case Constant::Kind::string:
        case Constant::Kind::bytes:
            return !value.text.empty();
        case Constant::Kind::tuple:
            return !value.items.empty();
        case Constant::Kind::none:
        case Constant::Kind::false_value:
            return false;
        case Constant::Kind::true_value:
        case Constant::Kind::ellipsis:
            return true;
    }
    return std::nullopt;
}

Vector<Node> ParseTree::items(Node node, Rule list_rule) const {
    Vector<Node> result;
    if (node.is_null()) {
        return result;
    }
    if (!is_rule(node, list_rule)) {
        result.push_back(node);
        return result;
    }
    for (std::uint32_t position = 0; position < child_count(node); ++position) {
        result.push_back(child(node, position));
    }
    return result;
}

namespace {

void append_float(Text& out, double value) {
    std::array<char, number::max_float_text_length + 1> buffer{};
    std::size_t length = number::format_float_repr(value, buffer);
    out.append(buffer.data(), std::min(length, buffer.size()));
}

void append_hex_escape(Text& out, unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02x", value & 0xffu);
    out += buffer;
}

// MicroPython's repr of str and bytes: single quotes unless the text has a single quote
// and no double quote; \\, \n, \r, \t and the quote escaped; other control bytes (and, for
// bytes, everything outside printable ASCII) as \xNN.
void append_quoted(Text& out, std::string_view text, bool is_bytes) {
    char quote = '\'';
    if (text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos) {
        quote = '"';
    }
    out.push_back(quote);
    for (char signed_character : text) {
        auto character = static_cast<unsigned char>(signed_character);
        if (character == static_cast<unsigned char>(quote) || character == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(character));
        } else if (character == '\n') {
            out += "\\n";
        } else if (character == '\r') {
            out += "\\r";
        } else if (character == '\t') {
            out += "\\t";
        } else if (character < 0x20 || character == 0x7f || (is_bytes && character >= 0x80)) {
            append_hex_escape(out, character);
        } else {
            out.push_back(static_cast<char>(character));
        }
    }
    out.push_back(quote);
}

void append_repr(Text& out, const Constant& constant) {
    switch (constant.kind) {
        case Constant::Kind::integer:
            out += constant.integer.to_string();
            return;
        case Constant::Kind::floating:
            append_float(out, constant.real);
            return;
        case Constant::Kind::complex: {
            std::array<char, number::max_float_text_length + 1> buffer{};
            auto format = [&](double value) {
                std::size_t length = number::format_float(value, 'g', 16, {}, buffer);
                return Text(buffer.data(), std::min(length, buffer.size()));
            };
            if (constant.real == 0.0) {
                out += format(constant.imaginary) + "j";
            } else {
                out += "(" + format(constant.real);
                if (constant.imaginary >= 0.0 || constant.imaginary != constant.imaginary) {
                    out += "+";
                }
                out += format(constant.imaginary) + "j)";
            }
            return;
        }
        case Constant::Kind::string:
            append_quoted(out, constant.text, false);
            return;
        case Constant::Kind::bytes:
            out.push_back('b');
            append_quoted(out, constant.text, true);
            return;
        case Constant::Kind::tuple:
            out.push_back('(');
            for (std::size_t index = 0; index < constant.items.size(); ++index) {
                if (index != 0) {
                    out += ", ";
                }
                append_repr(out, constant.items[index]);
            }
            if (constant.items.size() == 1) {
                out.push_back(',');
            }
            out.push_back(')');
            return;
        case Constant::Kind::none:
            out += "None";
            return;
        case Constant::Kind::true_value:
            out += "True";
            return;
        case Constant::Kind::false_value:
            out += "False";
            return;
        case Constant::Kind::ellipsis:
            out += "Ellipsis";
            return;
    }
}

}  // namespace

Text constant_repr(const Constant& constant) {
    Text out;
    append_repr(out, constant);
    return out;
}

Text dump_parse_tree(const ParseTree& tree, std::string_view constant_address) {
    Text out;
    struct Pending {
        Node node;
        std::size_t indent;
    };
    // An explicit stack: a hostile input can nest deeper than the C++ stack allows.
    Vector<Pending> pending{{tree.root(), 0}};
    char prefix[32];
    while (!pending.empty()) {
        Pending item = pending.back();
        pending.pop_back();
        Node node = item.node;
        if (node.kind == NodeKind::rule || node.kind == NodeKind::constant) {
            std::snprintf(prefix, sizeof prefix, "[% 4d] ", static_cast<int>(tree.line_of(node)));
            out += prefix;
        } else {
            out += "       ";
        }
        out.append(item.indent, ' ');
        switch (node.kind) {
            case NodeKind::null:
                out += "NULL\n";
                break;
            case NodeKind::small_integer:
                out += support::join_text({"int(", support::DecimalText(node.integer), ")\n"});
                break;
            case NodeKind::name:
                out += support::join_text({"id(", tree.text(node), ")\n"});
                break;
            case NodeKind::string:
                out += support::join_text({"str(", tree.text(node), ")\n"});
                break;
            case NodeKind::bytes:
                out += support::join_text({"bytes(", tree.text(node), ")\n"});
                break;
            case NodeKind::token:
                out += support::join_text({"tok(", support::DecimalText(node.index), ")\n"});
                break;
            case NodeKind::constant:
                out += support::join_text({"literal const(", constant_address, ")="});
                append_repr(out, tree.constant(node));
                out += "\n";
                break;
            case NodeKind::rule: {
                const RuleDefinition& definition = rule_definition(tree.rule_of(node));
                std::uint32_t count = tree.child_count(node);
                out +=
                    support::join_text({definition.name, "(",
                                        support::DecimalText(static_cast<int>(tree.rule_of(node))),
                                        ") (n=", support::DecimalText(count), ")\n"});
                for (std::uint32_t position = count; position > 0; --position) {
                    pending.push_back({tree.child(node, position - 1), item.indent + 2});
                }
                break;
            }
        }
    }
    return out;
}

}  // namespace xipy::compiler
