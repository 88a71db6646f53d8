#!/usr/bin/env python3
"""Generates the status table in docs/compatibility.md by asking a built xipy what it has.

MicroPython's names (and the few more issue 4 asks for) are kept below. The tool writes a
small introspection program, compiles it with the reference mpy-cross, runs it with
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

# The built-in functions and types issue 4 lists (MicroPython's unix "standard" build).
BUILTINS = (
    "__build_class__ __import__ abs all any bin bool bytearray bytes callable chr classmethod "
    "compile complex delattr dict dir divmod enumerate eval exec filter float format "
    "frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter len "
    "list locals map max memoryview min next object oct open ord pow print property range "
    "repr reversed round set setattr slice sorted staticmethod str sum super tuple type zip"
).split()

# Methods of built-in types: MicroPython 1.27's dir() of each type, plus what the issue
# names beyond it (int.bit_length).
_STR_METHODS = (
    "center count encode endswith find format index isalpha isdigit islower isspace isupper "
    "join lower lstrip partition replace rfind rindex rpartition rsplit rstrip split "
    "splitlines startswith strip upper"
).split()
_BYTES_METHODS = [name for name in _STR_METHODS if name != "encode"] + "decode fromhex hex".split()
METHODS = {
    "str": _STR_METHODS,
    "bytes": sorted(_BYTES_METHODS),
    "bytearray": sorted(_BYTES_METHODS + "append extend".split()),
    "list": "append clear copy count extend index insert pop remove reverse sort".split(),
    "tuple": "count index".split(),
    "dict": "clear copy fromkeys get items keys pop popitem setdefault update values".split(),
    "set": (
        "add clear copy difference difference_update discard intersection "
        "intersection_update isdisjoint issubset issuperset pop remove symmetric_difference "
        "symmetric_difference_update union update"
    ).split(),
    "frozenset": (
        "copy difference intersection isdisjoint issubset issuperset symmetric_difference union"
    ).split(),
    "int": "bit_length from_bytes to_bytes".split(),
    "float": [],
    "memoryview": ["hex"],
}

# Modules issue 4 asks for, with MicroPython 1.27's public names in each (dir() of the unix
# port) plus the ones the issue names that the reference lacks.
MODULES = {
    "sys": "argv byteorder exc_info exit implementation maxsize modules path platform "
    "print_exception stderr stdin stdout version version_info",
    "math": "acos acosh asin asinh atan atan2 atanh ceil copysign cos cosh degrees e erf erfc "
    "exp expm1 fabs factorial floor fmod frexp gamma inf isclose isfinite isinf isnan ldexp "
    "lgamma log log10 log2 modf nan pi pow radians sin sinh sqrt tan tanh tau trunc",
    "cmath": "cos e exp log log10 phase pi polar rect sin sqrt",
    "gc": "collect disable enable isenabled mem_alloc mem_free threshold",
    "micropython": "const heap_lock heap_unlock mem_info opt_level qstr_info schedule stack_use",
    "time": "gmtime localtime mktime sleep sleep_ms sleep_us ticks_add ticks_cpu ticks_diff "
    "ticks_ms ticks_us time time_ns",
    "struct": "calcsize pack pack_into unpack unpack_from",
    "array": "array",
    "collections": "OrderedDict defaultdict deque namedtuple",
    "io": "BytesIO StringIO",
    "json": "dump dumps load loads",
    "re": "compile fullmatch match search split sub",
    "binascii": "a2b_base64 b2a_base64 crc32 hexlify unhexlify",
    "hashlib": "md5 sha1 sha256",
    "random": "choice getrandbits randint random randrange seed uniform",
    "heapq": "heapify heappop heappush",
    "errno": "EACCES EADDRINUSE EAGAIN EALREADY EBADF ECONNABORTED ECONNREFUSED ECONNRESET "
    "EEXIST EHOSTUNREACH EINPROGRESS EINVAL EIO EISDIR ENOBUFS ENODEV ENOENT ENOMEM ENOTCONN "
    "EOPNOTSUPP EPERM ETIMEDOUT errorcode",
    "os": "getenv listdir remove stat urandom",
}
MODULES = {module: names.split() for module, names in MODULES.items()}

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
