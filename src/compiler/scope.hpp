// Scope and Identifier: what the compile pass's scope analysis knows of each function, class,
// lambda, comprehension and the module.
#pragma once

#include <cstdint>
#include <string_view>

#include "compiler/emitter.hpp"
#include "compiler/parse_tree.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// The order is MicroPython's: everything from `lambda` on is function-like (its names are
// locals unless declared otherwise), and the four comprehension kinds sit together.
enum class ScopeKind : std::uint8_t {
    module,
    class_body,
    lambda,
    list_comprehension,
    dictionary_comprehension,
    set_comprehension,
    generator_expression,
    function,
};

inline bool is_function_like(ScopeKind kind) { return kind >= ScopeKind::lambda; }
inline bool is_comprehension(ScopeKind kind) {
    return kind >= ScopeKind::list_comprehension && kind <= ScopeKind::generator_expression;
}

// How a name is reached: undecided while its declaration is still open; implicit globals load
// by name (LOAD_NAME) in a module or class and become explicit globals (LOAD_GLOBAL) in
// function-like scopes; a module's or class's name that it assigns is never taken from an
// enclosing function's closure; locals live in a slot; cells are locals that inner scopes
// share; free names are a parent's cells reached through this scope's closure.
enum class IdentifierKind : std::uint8_t {
    undecided,
    global_implicit,
    global_implicit_assigned,
    global_explicit,
    local,
    cell,
    free,
};

inline constexpr std::uint8_t identifier_is_parameter = 0x01;
inline constexpr std::uint8_t identifier_is_star_parameter = 0x02;
inline constexpr std::uint8_t identifier_is_double_star_parameter = 0x04;

struct Identifier {
    Text name;
    IdentifierKind kind = IdentifierKind::undecided;
    std::uint8_t flags = 0;
    // A local's slot, or a cell's or free name's slot once scope analysis has numbered them.
    std::uint32_t local = 0;
};

// One scope. Identifiers keep the order of first mention, which decides local numbering
// (parameters are mentioned first because they are declared before the body is walked).
struct Scope {
    ScopeKind kind = ScopeKind::module;
    Scope* parent = nullptr;
    Node node;  // the funcdef, classdef, lambdef, comprehension or the tree's root
    Text name;
    std::uint32_t code_index = 0;  // this scope's raw code in the CompiledModule
    std::uint32_t flags = 0;       // image::format::scope_flag_*
    std::uint32_t positional_count = 0;
    std::uint32_t keyword_only_count = 0;
    std::uint32_t default_positional_count = 0;
    std::uint32_t local_count = 0;
    Vector<Identifier> identifiers;

    // Precondition for the pointers: no identifier is added to this scope while one is held.
    Identifier* find(std::string_view name);
    // The identifier named `name`, added with `kind` when it is new.
    Identifier& find_or_add(std::string_view name, IdentifierKind kind);

    // What the emitter writes in the prelude (after number_locals()).
    ScopeDescription description(bool line_numbers) const;
};

// The outermost scope's identifier named `name`, if any.
Identifier* find_global(Scope& scope, std::string_view name);

// A load or store in a function-like scope names a local; elsewhere an implicit global.
Identifier& identifier_for_modification(Scope& scope, std::string_view name);

// If `identifier` (an implicit global of `scope`) is a local, cell or free name of an enclosing
// function, it becomes free here and a cell there, with free names in the scopes between.
void close_over_if_enclosed(Scope& scope, Identifier& identifier);

// Numbers parameters and locals, then cells, then free names (first in the closure, so the
// function's leading positional slots), as MicroPython's scope_compute_things.
void number_locals(Scope& scope);

}  // namespace xipy::compiler
