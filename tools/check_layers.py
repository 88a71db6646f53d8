#!/usr/bin/env python3
"""Checks that every #include respects the layer table in cmake/layers.cmake.

The table's `set(XIPY_LAYER_DEPENDENCIES_<layer> "a;b")` lines are the single
source of truth; CMake links by them and this script checks the includes by
them, so header-only dependencies cannot slip past the linker. Rules:

- A file in src/<layer>/ may include headers of its own layer and of the
  layers listed for it, always as "<layer>/<file>" (relative to src/), plus
  public headers "xipy/..." and system headers.
- Every folder under src/ must have an entry in the table, and each layer may
  depend only on layers declared before it (so the table has no cycles).
- Files directly in src/ (the library's root) may include any layer but cli.
- Public headers in include/xipy/ may include nothing from src/.
- Unit tests in tests/unit/<layer>/ link only xipy_<layer>, so they may include
  that layer and its dependencies (and gtest, and tests/unit helpers of those).

Usage: tools/check_layers.py [--root DIR]. Exit status 1 lists each violation
as FILE:LINE: reason.
"""

import argparse
import pathlib
import re
import sys

SOURCE_SUFFIXES = {".c", ".h", ".cpp", ".hpp", ".inc"}
TABLE_LINE = re.compile(r'^\s*set\(\s*XIPY_LAYER_DEPENDENCIES_(\w+)\s+"([^"]*)"\s*\)')
INCLUDE_LINE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
ROOT_LAYER_FORBIDDEN = {"cli"}


def read_layer_table(layers_cmake):
    """Returns {layer: [dependencies]} in declaration order, plus any table errors."""
    table = {}
    errors = []
    for number, line in enumerate(layers_cmake.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        match = TABLE_LINE.match(code)
        if not match:
            continue
        layer, listed = match.group(1), match.group(2)
        dependencies = [name for name in listed.split(";") if name]
        for dependency in dependencies:
            if dependency not in table:
                errors.append(f"{layers_cmake}:{number}: layer '{layer}' depends on "
                              f"'{dependency}', which is not declared above it")
        table[layer] = dependencies
    if not table:
        errors.append(f"{layers_cmake}: no XIPY_LAYER_DEPENDENCIES_<layer> lines found")
    return table, errors


def includes_of(path):
    """Yields (line number, quoted?, included path) for each #include in the file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        match = INCLUDE_LINE.match(line)
        if match:
            yield number, match.group(1) == '"', match.group(2).strip()


def source_files(folder):
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES)


def first_component(included):
    parts = pathlib.PurePosixPath(included).parts
    return parts[0] if len(parts) > 1 else None


class Checker:
    def __init__(self, root):
        self.root = root
        self.errors = []
        self.table, table_errors = read_layer_table(root / "cmake" / "layers.cmake")
        self.errors.extend(table_errors)
        source_root = root / "src"
        self.folders = sorted(p.name for p in source_root.iterdir() if p.is_dir()) \
            if source_root.is_dir() else []

    def report(self, path, number, reason):
        where = f"{path.relative_to(self.root)}" + (f":{number}" if number else "")
        self.errors.append(f"{where}: {reason}")

    def check_include(self, path, number, quoted, included, allowed, who):
        """Checks one include of a file that may use the layers in `allowed`."""
        layer = first_component(included)
        known_layer = layer in self.table or layer in self.folders
        if included.startswith("../") or "/../" in included:
            self.report(path, number, f'"{included}": include relative to src/, not with ../')
        elif known_layer and layer not in allowed:
            self.report(path, number, f'{who} may not include "{included}" '
                                      f"(allowed layers: {', '.join(sorted(allowed)) or 'none'})")
        elif quoted and layer is None:
            self.report(path, number, f'"{included}": include relative to src/, '
                                      f'e.g. "<layer>/{included}"')

    def check_sources(self):
        source_root = self.root / "src"
        for folder in self.folders:
            if folder not in self.table:
                self.report(source_root / folder, 0, f"layer '{folder}' has no "
                            f"XIPY_LAYER_DEPENDENCIES_{folder} entry in cmake/layers.cmake")
                continue
            allowed = {folder, "xipy", *self.table[folder]}
            for path in source_files(source_root / folder):
                for number, quoted, included in includes_of(path):
                    self.check_include(path, number, quoted, included, allowed,
                                       f"layer '{folder}'")
        if source_root.is_dir():
            allowed = {"xipy", *(set(self.table) - ROOT_LAYER_FORBIDDEN)}
            for path in sorted(p for p in source_root.iterdir()
                               if p.is_file() and p.suffix in SOURCE_SUFFIXES):
                for number, quoted, included in includes_of(path):
                    self.check_include(path, number, quoted, included, allowed, "the library root")

    def check_public_headers(self):
        for path in source_files(self.root / "include"):
            for number, quoted, included in includes_of(path):
                layer = first_component(included)
                if layer in self.table or layer in self.folders or "src/" in included \
                        or included.startswith("../"):
                    self.report(path, number, f'public header may not include "{included}" '
                                              "from src/")

    def check_unit_tests(self):
        unit_root = self.root / "tests" / "unit"
        if not unit_root.is_dir():
            return
        for folder in sorted(p for p in unit_root.iterdir() if p.is_dir()):
            if folder.name not in self.table:
                self.report(folder, 0, f"tests/unit/{folder.name}/ is not a layer "
                                       "in cmake/layers.cmake")
                continue
            allowed = {folder.name, "xipy", "gtest", "gmock", *self.table[folder.name]}
            for path in source_files(folder):
                for number, quoted, included in includes_of(path):
                    self.check_include(path, number, quoted, included, allowed,
                                       f"unit tests of '{folder.name}'")

    def run(self):
        self.check_sources()
        self.check_public_headers()
        self.check_unit_tests()
        return self.errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent,
                        help="repository root (default: this script's repository)")
    arguments = parser.parse_args()
    checker = Checker(arguments.root.resolve())
    errors = checker.run()
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"check_layers: {len(errors)} violation(s)", file=sys.stderr)
        return 1
    print(f"check_layers: {len(checker.table)} layers, includes follow cmake/layers.cmake")
    return 0


if __name__ == "__main__":
    sys.exit(main())
