#!/usr/bin/env python3
"""Generates the status table in docs/compatibility.md by asking a built xipy what it has.

The names xipy promises (MicroPython's, plus a few more) come from tools/library_names.py.
The tool writes a small introspection program, compiles it with the reference mpy-cross, runs it with
`xipy run`, and renders which names exist into the part of docs/compatibility.md between
the GENERATED markers. `--check` renders the same and fails when the file differs, so the
table cannot go stale: `make test` runs it.

    python3 tools/compatibility_table.py build/xipy            # rewrite the table
    python3 tools/compatibility_table.py --check build/xipy    # fail if it is out of date
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCUMENT = os.path.join(ROOT, "docs", "compatibility.md")
MPY_CROSS = os.path.join(ROOT, "tests", "reference", "mpy-cross.js")
BEGIN_MARKER = "<!-- BEGIN GENERATED TABLE: tools/compatibility_table.py -->"
END_MARKER = "<!-- END GENERATED TABLE -->"

from library_names import BUILTINS, METHODS, MODULES  # noqa: E402

# Why a name that exists is only partly there. Keys: "name" for builtins, "type.name" for
# methods, "module" for modules. Names that do not exist are "missing" without a note.
PARTIAL = {
    "compile": "raises NotImplementedError until xipy has a compiler",
    "eval": "raises NotImplementedError until xipy has a compiler",
    "exec": "raises NotImplementedError until xipy has a compiler",
}

# Names xipy has that MicroPython's reference build lacks (see the departures above).
NOT_IN_REFERENCE = {
    "format": "CPython's format(); calls a class's __format__",
    "int.bit_length": "as CPython",
    "sys.exc_info": "as CPython",
    "re.fullmatch": "as CPython",
    "re.split": "as CPython",
    "hashlib.md5": "as CPython",
    "hashlib.sha1": "as CPython",
    "os.getenv": "as CPython",
    "os.urandom": "as CPython",
}


def introspection_program():
    """Python source that prints one 'kind key 0|1' line per name."""
    lines = []
    for name in BUILTINS:
        lines += [
            "try:",
            f"    {name}",
            f"    print('B {name} 1')",
            "except NameError:",
            f"    print('B {name} 0')",
        ]
    for type_name, names in METHODS.items():
        for name in names:
            lines.append(f"print('M {type_name}.{name}', int(hasattr({type_name}, {name!r})))")
    for module, names in MODULES.items():
        lines += [
            "try:",
            f"    module = __import__({module!r})",
            f"    print('I {module} 1')",
        ]
        for name in names:
            lines.append(f"    print('A {module}.{name}', int(hasattr(module, {name!r})))")
        lines += ["except ImportError:", f"    print('I {module} 0')"]
    return "\n".join(lines) + "\n"


def ask_xipy(xipy):
    """Runs the introspection program; returns {key: bool}."""
    with tempfile.TemporaryDirectory() as directory:
        source = os.path.join(directory, "compatibility.py")
        compiled = os.path.join(directory, "compatibility.mpy")
        with open(source, "w", encoding="utf-8") as file:
            file.write(introspection_program())
        subprocess.run(["node", MPY_CROSS, source, "-o", compiled], check=True)
        result = subprocess.run(
            [xipy, "run", compiled], capture_output=True, text=True, check=False, cwd=directory
        )
    if result.returncode != 0:
        sys.exit(f"compatibility_table: xipy failed:\n{result.stdout}{result.stderr}")
    present = {}
    for line in result.stdout.splitlines():
        kind, key, flag = line.split()
        present[(kind, key)] = flag == "1"
    return present


def status_of(key, exists):
    if not exists:
        return "missing"
    return "partial" if key in PARTIAL else "done"


def note_of(key):
    notes = [text for text in (PARTIAL.get(key), NOT_IN_REFERENCE.get(key)) if text]
    if key in NOT_IN_REFERENCE:
        notes[-1] = "not in the reference build: " + notes[-1]
    return "; ".join(notes)


def render(present):
    out = [BEGIN_MARKER, ""]
    out.append("Generated from the code by `tools/compatibility_table.py`; `make test` fails when")
    out.append("this table is out of date. A name is *done* when it exists and is not listed as")
    out.append("partial in the tool; conformance programs check its behaviour.")
    out.append("")
    counts = {"done": 0, "partial": 0, "missing": 0}

    out += ["### Built-in functions and types", "", "| name | status | note |", "| --- | --- | --- |"]
    for name in BUILTINS:
        status = status_of(name, present[("B", name)])
        counts[status] += 1
        out.append(f"| `{name}` | {status} | {note_of(name)} |")

    out += ["", "### Methods of built-in types", ""]
    out += ["| type | method | status | note |", "| --- | --- | --- | --- |"]
    for type_name, names in METHODS.items():
        for name in names:
            key = f"{type_name}.{name}"
            status = status_of(key, present[("M", key)])
            counts[status] += 1
            out.append(f"| `{type_name}` | `{name}` | {status} | {note_of(key)} |")

    out += ["", "### Modules", ""]
    out += ["| module | status | names present | names missing |", "| --- | --- | --- | --- |"]
    for module, names in MODULES.items():
        if not present[("I", module)]:
            counts["missing"] += 1
            out.append(f"| `{module}` | missing | | all |")
            continue
        have = [name for name in names if present[("A", f"{module}.{name}")]]
        lacking = [name for name in names if name not in have]
        status = "done" if not lacking else "partial"
        if module in PARTIAL:
            status = "partial"
        counts[status] += 1
        missing_text = ", ".join(f"`{name}`" for name in lacking)
        out.append(f"| `{module}` | {status} | {len(have)} of {len(names)} | {missing_text} |")

    out += [
        "",
        f"Totals: {counts['done']} done, {counts['partial']} partial, "
        f"{counts['missing']} missing.",
        "",
        END_MARKER,
    ]
    return "\n".join(out)


def updated_document(table):
    with open(DOCUMENT, encoding="utf-8") as file:
        text = file.read()
    if BEGIN_MARKER in text and END_MARKER in text:
        before = text[: text.index(BEGIN_MARKER)]
        after = text[text.index(END_MARKER) + len(END_MARKER) :]
        return before + table + after
    return text.rstrip("\n") + "\n\n## Status of built-ins, methods and modules\n\n" + table + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("xipy", help="the built xipy program")
    parser.add_argument("--check", action="store_true", help="fail if the table is stale")
    arguments = parser.parse_args()
    document = updated_document(render(ask_xipy(os.path.abspath(arguments.xipy))))
    with open(DOCUMENT, encoding="utf-8") as file:
        current = file.read()
    if arguments.check:
        if current != document:
            print(
                "docs/compatibility.md: the status table is out of date; run "
                "python3 tools/compatibility_table.py build/xipy",
                file=sys.stderr,
            )
            return 1
        print("docs/compatibility.md: status table up to date")
        return 0
    if current != document:
        with open(DOCUMENT, "w", encoding="utf-8") as file:
            file.write(document)
    print("docs/compatibility.md: status table written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
