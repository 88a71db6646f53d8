#!/usr/bin/env python3
"""Checks that every library name xipy promises is exercised by some conformance program.

xipy promises the built-ins, methods and module members of tools/library_names.py. Each
must exist (tools/compatibility_table.py checks that) and be exercised by conformance
programs (this tool checks that). It parses every
tests/programs/**/*.py with `ast` and decides, per name:

- builtin: some program references the Name (calls it or passes it). A `class` statement
  counts for `__build_class__`, which is what it calls. `print` and `sorted` also need each
  keyword listed below (`print(sep=)`, `sorted(key=)`, ...).
- method: some program calls `.name(...)` on a value of that type. A method only one of the
  listed types has counts on any receiver. A shared one (`count`, `copy`, `decode`, ...)
  counts for a type when the receiver is visibly of that type (a literal, a call of the
  type, a name the same program binds only to such values, or `type.name(...)`), or when
  the receiver is unknown and the program is in one of the type's areas (AREA_TYPES).
- module member: some program imports the module and uses `module.member` (through any
  `import ... as` alias) or `from module import member`. Members of match objects
  (group/groups/span) count as method calls in a program that imports `re`.

It prints the missing names grouped and exits 1 if there are any.

    python3 tools/check_name_coverage.py             # check tests/programs
    python3 tools/check_name_coverage.py --verbose   # also list one program per name
"""

import argparse
import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")

import library_names  # noqa: E402  (beside this script)

BUILTINS = library_names.BUILTINS
# Keyword arguments xipy promises for a builtin: each needs a call that passes it.
BUILTIN_KEYWORDS = {"print": ["sep", "end", "file"], "sorted": ["key", "reverse"]}
# Of the types library_names lists, the ones whose methods are checked here.
METHODS = {
    type_name: names
    for type_name, names in library_names.METHODS.items()
    if type_name not in ("tuple", "memoryview")
}

# Program areas (directories under tests/programs) whose unknown receivers are taken to be
# of one type. Each area names only its main type: bytearray and frozenset methods that
# bytes and set share need a receiver visibly of that type.
AREA_TYPES = {
    "strings": "str",
    "methods_str": "str",
    "bytes": "bytes",
    "methods_bytes": "bytes",
    "lists": "list",
    "methods_list": "list",
    "dicts": "dict",
    "methods_dict": "dict",
    "sets": "set",
    "methods_set": "set",
    "integers": "int",
    "methods_int": "int",
    "big_integers": "int",
}

# Any member of the module counts (the promise is the module, not its members).
ANY_MEMBER = "*"

# Modules and their promised members (library_names.MODULES); for errno any member
# counts, and sys.implementation's two promised fields are attribute chains.
MODULES = dict(library_names.MODULES)
MODULES["errno"] = [ANY_MEMBER]
MODULES["sys"] = MODULES["sys"] + ["implementation.name", "implementation._mpy"]

# Methods of objects a module returns, counted as `.name(...)` calls in a program that
# imports the module.
MODULE_OBJECT_METHODS = {"re": ["group", "groups", "span"]}

TYPE_NAMES = set(METHODS)
# Method name -> the listed types that have it.
OWNERS = {}
for _type_name, _names in METHODS.items():
    for _name in _names:
        OWNERS.setdefault(_name, set()).add(_type_name)


def literal_type(node):
    """The listed type an expression visibly has, or None."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            return None
        for python_type, name in ((str, "str"), (bytes, "bytes"), (int, "int"), (float, "float")):
            if isinstance(value, python_type):
                return name
        return None
    if isinstance(node, ast.JoinedStr):
        return "str"
    if isinstance(node, (ast.List, ast.ListComp)):
        return "list"
    if isinstance(node, (ast.Dict, ast.DictComp)):
        return "dict"
    if isinstance(node, (ast.Set, ast.SetComp)):
        return "set"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in TYPE_NAMES:
            return node.func.id
    return None


class Program:
    """What one program uses. Invariant: every set holds names as written in the source."""

    def __init__(self, path, area, tree):
        self.path = path
        self.area = area
        self.names = set()  # Names loaded anywhere
        self.bound_names = set()  # Names the program binds itself (then not the builtin)
        self.keywords = {}  # builtin name -> keyword argument names passed to it
        self.has_class = False
        self.imports = {}  # module -> aliases it is bound to
        self.from_imports = {}  # module -> names imported from it
        self.attribute_chains = set()  # ("alias", "a", "b") for alias.a.b
        self.method_calls = []  # (method name, receiver node)
        self.bindings = {}  # name -> set of types (None for unknown) assigned to it
        self._scan(tree)

    def _bind(self, target, value):
        if isinstance(target, ast.Name):
            self.bindings.setdefault(target.id, set()).add(literal_type(value))
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) else None
            for index, element in enumerate(target.elts):
                if values is not None and len(values) == len(target.elts):
                    self._bind(element, values[index])
                elif isinstance(element, ast.Name):
                    self.bindings.setdefault(element.id, set()).add(None)

    def _scan(self, tree):
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Load):
                    self.names.add(node.id)
                else:
                    self.bound_names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.bound_names.add(node.name)
            elif isinstance(node, ast.arg):
                self.bound_names.add(node.arg)
            elif isinstance(node, ast.ClassDef):
                self.has_class = True
                self.bound_names.add(node.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    bound = alias.asname or alias.name.split(".")[0]
                    self.imports.setdefault(alias.name, set()).add(bound)
                    self.bound_names.add(bound)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported = self.from_imports.setdefault(node.module, set())
                imported.update(alias.name for alias in node.names)
                self.bound_names.update(alias.asname or alias.name for alias in node.names)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                self._bind(node.target, node.value)
            elif isinstance(node, (ast.For, ast.comprehension)):
                self._bind(node.target, ast.Constant(value=None))
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                chain = []
                current = node
                while isinstance(current, ast.Attribute):
                    chain.append(current.attr)
                    current = current.value
                if isinstance(current, ast.Name):
                    self.attribute_chains.add(tuple([current.id] + chain[::-1]))
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Name):
                    passed = self.keywords.setdefault(node.func.id, set())
                    passed.update(keyword.arg for keyword in node.keywords if keyword.arg)
                elif isinstance(node.func, ast.Attribute):
                    self.method_calls.append((node.func.attr, node.func.value))

    def receiver_types(self, receiver):
        """The listed types the receiver may have; None when the program does not show it."""
        if isinstance(receiver, ast.Name):
            if receiver.id in TYPE_NAMES and receiver.id not in self.bindings:
                return {receiver.id}  # an unbound method call: str.upper(s)
            types = self.bindings.get(receiver.id)
            if types and None not in types:
                return types
            return None
        found = literal_type(receiver)
        return {found} if found else None

    def uses_builtin(self, name):
        return name in self.names and name not in self.bound_names

    def calls_method(self, type_name, method):
        for name, receiver in self.method_calls:
            if name != method:
                continue
            if len(OWNERS.get(method, ())) <= 1:
                return True
            types = self.receiver_types(receiver)
            if types is not None:
                if type_name in types:
                    return True
            elif AREA_TYPES.get(self.area) == type_name:
                return True
        return False

    def uses_member(self, module, member):
        if member in self.from_imports.get(module, ()):
            return True
        path = member.split(".")
        for alias in self.imports.get(module, ()):
            for chain in self.attribute_chains:
                if chain[0] != alias:
                    continue
                if member == ANY_MEMBER and len(chain) > 1:
                    return True
                if list(chain[1 : 1 + len(path)]) == path:
                    return True
        return False

    def imports_module(self, module):
        return module in self.imports or module in self.from_imports


def load_programs(root):
    programs = []
    for directory, _, files in sorted(os.walk(root)):
        for file_name in sorted(files):
            if not file_name.endswith(".py"):
                continue
            path = os.path.join(directory, file_name)
            area = os.path.relpath(directory, root).split(os.sep)[0]
            with open(path, encoding="utf-8") as file:
                source = file.read()
            try:
                tree = ast.parse(source, path)
            except SyntaxError as error:
                sys.exit(f"check_name_coverage: cannot parse {path}: {error}")
            programs.append(Program(os.path.relpath(path, ROOT), area, tree))
    return programs


def first(programs, predicate):
    """The first program satisfying the predicate (its path), or None."""
    for program in programs:
        if predicate(program):
            return program.path
    return None


def coverage(programs):
    """Returns [(group, name, program path or None)] for every promised name."""
    rows = []
    for name in BUILTINS:
        if name == "__build_class__":
            found = first(programs, lambda p: p.has_class or p.uses_builtin(name))
        else:
            found = first(programs, lambda p: p.uses_builtin(name))
        rows.append(("builtins", name, found))
        for keyword in BUILTIN_KEYWORDS.get(name, ()):
            found = first(programs, lambda p: keyword in p.keywords.get(name, ()))
            rows.append(("builtins", f"{name}({keyword}=)", found))
    for type_name, methods in METHODS.items():
        for method in methods:
            found = first(programs, lambda p: p.calls_method(type_name, method))
            rows.append(("methods", f"{type_name}.{method}", found))
    for module, members in MODULES.items():
        for member in members:
            found = first(programs, lambda p: p.uses_member(module, member))
            label = f"{module} (any member)" if member == ANY_MEMBER else f"{module}.{member}"
            rows.append(("modules", label, found))
        for method in MODULE_OBJECT_METHODS.get(module, ()):
            found = first(
                programs,
                lambda p: p.imports_module(module)
                and any(name == method for name, _ in p.method_calls),
            )
            rows.append(("modules", f"{module} objects: .{method}()", found))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list one program per name")
    parser.add_argument("--programs", default=PROGRAMS, help="directory of programs to scan")
    arguments = parser.parse_args()
    programs = load_programs(arguments.programs)
    where = os.path.relpath(arguments.programs)
    rows = coverage(programs)
    missing = [(group, name) for group, name, found in rows if found is None]
    if arguments.verbose:
        for group, name, found in rows:
            print(f"{group:9} {name:40} {found or 'MISSING'}")
    if missing:
        print(f"check_name_coverage: {len(missing)} of {len(rows)} library names are not "
              f"exercised by any program in {where}:")
        for group in ("builtins", "methods", "modules"):
            names = [name for row_group, name in missing if row_group == group]
            if names:
                print(f"  {group}: {' '.join(names)}")
        return 1
    print(f"check_name_coverage: all {len(rows)} library names are exercised "
          f"by the {len(programs)} programs in {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
