// Scope analysis: finding, declaring, closing over and numbering a scope's names.
#include "compiler/scope.hpp"

#include <utility>

#include "image/format.hpp"

namespace xipy::compiler {

Identifier* Scope::find(std::string_view wanted) {
    for (Identifier& identifier : identifiers) {
        if (identifier.name == wanted) {
            return &identifier;
        }
    }
    return nullptr;
}

Identifier& Scope::find_or_add(std::string_view wanted, IdentifierKind kind) {
    if (Identifier* found = find(wanted)) {
        return *found;
    }
    identifiers.push_back(Identifier{Text(wanted), kind, 0, 0});
    return identifiers.back();
}

ScopeDescription Scope::description(bool line_numbers) const {
    ScopeDescription result;
    result.name = name;
    result.scope_flags = flags;
    result.positional_count = positional_count;
    result.keyword_only_count = keyword_only_count;
    result.default_positional_count = default_positional_count;
    result.local_count = local_count;
    result.line_numbers = line_numbers;
    // Each argument slot is named by the parameter numbered into it; a slot holding a closed
    // over variable has no parameter and is named "*", which no keyword can match.
    for (std::uint32_t slot = 0; slot < positional_count + keyword_only_count; ++slot) {
        Text argument = "*";
        for (const Identifier& identifier : identifiers) {
            if ((identifier.flags & identifier_is_parameter) != 0 && identifier.local == slot) {
                argument = identifier.name;
                break;
            }
        }
        result.argument_names.push_back(std::move(argument));
    }
    for (const Identifier& identifier : identifiers) {
        if (identifier.kind == IdentifierKind::cell) {
            result.cells.push_back(static_cast<std::uint8_t>(identifier.local));
        }
    }
    return result;
}

Identifier* find_global(Scope& scope, std::string_view name) {
    Scope* outer = &scope;
    while (outer->parent != nullptr) {
        outer = outer->parent;
    }
    return outer->find(name);
}

Identifier& identifier_for_modification(Scope& scope, std::string_view name) {
    Identifier& identifier = scope.find_or_add(name, IdentifierKind::global_implicit);
    if (identifier.kind == IdentifierKind::global_implicit) {
        identifier.kind = is_function_like(scope.kind) ? IdentifierKind::local
                                                       : IdentifierKind::global_implicit_assigned;
    }
    return identifier;
}

namespace {

// Marks `name` free in every scope between `scope` and the one that binds it, and a cell there.
void close_over_in_parents(Scope& scope, std::string_view name) {
    for (Scope* enclosing = scope.parent; enclosing != nullptr && enclosing->parent != nullptr;
         enclosing = enclosing->parent) {
        Identifier& identifier = enclosing->find_or_add(name, IdentifierKind::undecided);
        if (identifier.kind == IdentifierKind::undecided) {
            identifier.kind = IdentifierKind::free;
            continue;
        }
        if (identifier.kind == IdentifierKind::local) {
            identifier.kind = IdentifierKind::cell;
        }
        return;
    }
}

}  // namespace

void close_over_if_enclosed(Scope& scope, Identifier& identifier) {
    if (scope.parent == nullptr) {
        return;
    }
    // The module's names are globals, never closed over: stop below it.
    for (Scope* enclosing = scope.parent; enclosing->parent != nullptr;
         enclosing = enclosing->parent) {
        Identifier* found = enclosing->find(identifier.name);
        if (found == nullptr) {
            continue;
        }
        if (found->kind == IdentifierKind::local || found->kind == IdentifierKind::cell ||
            found->kind == IdentifierKind::free) {
            identifier.kind = IdentifierKind::free;
            const Text name = identifier.name;
            close_over_in_parents(scope, name);
        }
        return;
    }
}

void number_locals(Scope& scope) {
    // A *args parameter takes the slot after the positional and keyword-only parameters: swap
    // it with the last plain parameter declared after it.
    if ((scope.flags & image::format::scope_flag_varargs) != 0) {
        Identifier* last_plain = nullptr;
        for (auto position = scope.identifiers.size(); position-- > 0;) {
            Identifier& identifier = scope.identifiers[position];
            if ((identifier.flags & identifier_is_star_parameter) != 0) {
                if (last_plain != nullptr) {
                    std::swap(*last_plain, identifier);
                }
                break;
            }
            if (last_plain == nullptr && identifier.flags == identifier_is_parameter) {
                last_plain = &identifier;
            }
        }
    }

    scope.local_count = 0;
    for (Identifier& identifier : scope.identifiers) {
        // A class's __class__ is only a cell for its methods' super(); unless a method closes
        // over it, it takes no slot.
        if (scope.kind == ScopeKind::class_body && identifier.name == "__class__") {
            continue;
        }
        if (is_function_like(scope.kind) && identifier.kind == IdentifierKind::global_implicit) {
            identifier.kind = IdentifierKind::global_explicit;
        }
        if (identifier.kind == IdentifierKind::local ||
            (identifier.flags & identifier_is_parameter) != 0) {
            identifier.local = scope.local_count++;
        }
    }
    // Cells that are not parameters come after all locals.
    for (Identifier& identifier : scope.identifiers) {
        if (identifier.kind == IdentifierKind::cell &&
            (identifier.flags & identifier_is_parameter) == 0) {
            identifier.local = scope.local_count++;
        }
    }

    // Free names arrive as the leading (hidden) positional arguments, in the order the parent
    // lists its cells and free names.
    if (scope.parent == nullptr) {
        return;
    }
    std::uint32_t free_count = 0;
    for (const Identifier& outer : scope.parent->identifiers) {
        if (outer.kind != IdentifierKind::cell && outer.kind != IdentifierKind::free) {
            continue;
        }
        for (Identifier& identifier : scope.identifiers) {
            if (identifier.kind == IdentifierKind::free && identifier.name == outer.name) {
                identifier.local = free_count++;
            }
        }
    }
    if (free_count == 0) {
        return;
    }
    for (Identifier& identifier : scope.identifiers) {
        if (identifier.kind != IdentifierKind::free ||
            (identifier.flags & identifier_is_parameter) != 0) {
            identifier.local += free_count;
        }
    }
    scope.positional_count += free_count;
    scope.local_count += free_count;
}

}  // namespace xipy::compiler
