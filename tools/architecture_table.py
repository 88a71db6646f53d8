#!/usr/bin/env python3
"""Generates the layer table of docs/architecture.md from cmake/layers.cmake.

cmake/layers.cmake is the single source of which layers exist and which layers each
uses; tools/check_layers.py and CMake enforce it. This tool renders it into the part of
docs/architecture.md between the GENERATED markers: one row per layer, lowest first, with
the layers it uses, the layers that use it, and its level (0 for a layer that uses none,
else one more than the highest level it uses), so the table cannot drift from the build.

What each layer owns is prose, which no build file knows. It is kept in the table itself
(its "owns" column, which must not contain "|") and carried over when the table is
rendered again. A layer without
prose gets a placeholder that `--check` refuses, so a new layer in layers.cmake fails
`make test` until someone writes what it owns.

    python3 tools/architecture_table.py            # rewrite the table
    python3 tools/architecture_table.py --check    # fail if it is out of date
"""

import argparse
import os
import pathlib
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from check_layers import read_layer_table  # noqa: E402  (beside this script)

LAYERS_CMAKE = os.path.join(ROOT, "cmake", "layers.cmake")
DOCUMENT = os.path.join(ROOT, "docs", "architecture.md")
BEGIN_MARKER = "<!-- BEGIN GENERATED TABLE: tools/architecture_table.py -->"
END_MARKER = "<!-- END GENERATED TABLE -->"
HEADER = "| layer | level | owns | uses | used by |"
PLACEHOLDER = "(describe what this layer owns)"


def levels_of(table):
    """Each layer's level: 0 with no dependencies, else one above its highest dependency."""
    levels = {}
    for layer, dependencies in table.items():  # declaration order: dependencies come first
        levels[layer] = 1 + max((levels[name] for name in dependencies), default=-1)
    return levels


def code_list(names):
    return ", ".join(f"`{name}`" for name in names) if names else "—"


def existing_prose(block):
    """{layer: owns text} from the rows of the table as it stands in the document."""
    prose = {}
    for line in block.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[0].startswith("`"):
            continue
        prose[cells[0].strip("`")] = cells[2]
    return prose


def render(table, prose):
    levels = levels_of(table)
    users = {layer: [] for layer in table}
    for layer, dependencies in table.items():
        for dependency in dependencies:
            users[dependency].append(layer)
    lines = [
        "",
        "Generated from `cmake/layers.cmake` by `tools/architecture_table.py`; `make test`",
        "fails when this table is out of date. Edit the *owns* column here; the other columns",
        "come from the build.",
        "",
        HEADER,
        "| --- | --- | --- | --- | --- |",
    ]
    for layer in table:
        lines.append(f"| `{layer}` | {levels[layer]} | {prose.get(layer) or PLACEHOLDER} "
                     f"| {code_list(table[layer])} | {code_list(users[layer])} |")
    lines.append("")
    return "\n".join(lines) + "\n"


def split_document(text):
    """(before, block, after) around the generated block, or None without the markers."""
    begin = text.find(BEGIN_MARKER)
    end = text.find(END_MARKER)
    if begin < 0 or end < begin:
        return None
    begin += len(BEGIN_MARKER)
    return text[:begin], text[begin:end], text[end:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if docs/architecture.md differs from what would be written")
    arguments = parser.parse_args()

    table, errors = read_layer_table(pathlib.Path(LAYERS_CMAKE))
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        return 1
    with open(DOCUMENT, encoding="utf-8") as document:
        text = document.read()
    parts = split_document(text)
    if parts is None:
        print(f"architecture_table: {DOCUMENT} lacks the markers {BEGIN_MARKER} ... "
              f"{END_MARKER}", file=sys.stderr)
        return 1
    before, block, after = parts
    prose = existing_prose(block)
    rendered = before + render(table, prose) + after
    undescribed = [layer for layer in table if not prose.get(layer)
                   or prose[layer] == PLACEHOLDER]

    if arguments.check:
        if rendered != text:
            print("architecture_table: the layer table in docs/architecture.md does not match "
                  "cmake/layers.cmake; run python3 tools/architecture_table.py", file=sys.stderr)
            return 1
        if undescribed:
            print("architecture_table: say what each layer owns in docs/architecture.md's "
                  f"table: {', '.join(undescribed)}", file=sys.stderr)
            return 1
        print(f"architecture_table: docs/architecture.md matches cmake/layers.cmake "
              f"({len(table)} layers)")
        return 0

    if rendered != text:
        with open(DOCUMENT, "w", encoding="utf-8") as document:
            document.write(rendered)
        print(f"architecture_table: wrote {len(table)} layers to {DOCUMENT}")
    else:
        print("architecture_table: docs/architecture.md is up to date")
    for layer in undescribed:
        print(f"architecture_table: layer '{layer}' needs its *owns* text", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
