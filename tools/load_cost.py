#!/usr/bin/env python3
"""Measures what importing one .mpy costs, on xipy and on MicroPython, side by side.

For MicroPython's pystone (tests/perf_bench/misc_pystone.py) and a generated module of about
100 KB of .mpy (many small functions), each compiled by the reference mpy-cross:
- xipy (tools/load_cost/host.cpp, linked against a release build's libraries): malloc calls and
  bytes of load + verify, the same for the whole run of the module (load, verify, link, body),
  the VM heap bytes left live (what gc.mem_alloc() shows), and the best time of load + verify
  and of the whole run, each less an empty module's figures;
- MicroPython (bin/micropython-coverage): gc.mem_alloc() after a collection, before and after
  `import`, and the import's time (best of several fresh processes).

Usage: tools/load_cost.py [--build build] [--repeats 20]
"""

import argparse
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "micropython"
LAYERS = ["api", "modules", "compiler", "vm", "object", "gc", "disassembler", "image", "library", "text",
          "number", "support"]

MICROPYTHON_PROBE = """
import gc, sys, time
sys.path.insert(0, {folder!r})
gc.collect()
before = gc.mem_alloc()
start = time.ticks_us()
import {module}
elapsed = time.ticks_diff(time.ticks_us(), start)
gc.collect()
print(gc.mem_alloc() - before, elapsed)
"""


def large_module_source(target_bytes):
    """Python source of many small functions whose .mpy is about target_bytes long."""
    lines = []
    for index in range(target_bytes // 70):
        lines.append(f"def function_{index}(a, b=2):\n"
                     f"    c = a * {index} + b\n"
                     f"    for i in range(3):\n"
                     f"        c += i\n"
                     f"    return c\n")
    return "\n".join(lines)


def compile_mpy(source_path, folder):
    subprocess.run([str(REFERENCE / "bin" / "mpy-cross"), source_path.name, "-o",
                    str(folder / (source_path.stem + ".mpy"))],
                   cwd=source_path.parent, check=True)
    return folder / (source_path.stem + ".mpy")


def build_host(build, folder):
    host = folder / "load_cost_host"
    libraries = [str(build / "src" / layer / f"libxipy_{layer}.a") for layer in LAYERS]
    subprocess.run(["g++", "-std=c++20", "-O2", "-I", str(ROOT / "src"), "-I",
                    str(ROOT / "include"), str(ROOT / "tools" / "load_cost" / "host.cpp"),
                    "-o", str(host), "-Wl,--start-group", *libraries, "-Wl,--end-group", "-ldl"],
                   check=True)
    return host


def xipy_figures(host, mpy, repeats):
    output = subprocess.run([str(host), str(mpy), str(repeats)], check=True, text=True,
                            capture_output=True).stdout
    return {key: float(value) for key, value in (line.split() for line in output.splitlines())}


def micropython_figures(mpy, repeats):
    probe = MICROPYTHON_PROBE.format(folder=str(mpy.parent), module=mpy.stem)
    heap, best = None, None
    for _ in range(repeats):
        output = subprocess.run([str(REFERENCE / "bin" / "micropython-coverage"), "-c", probe],
                                check=True, text=True, capture_output=True).stdout.split()
        heap = int(output[0])
        best = int(output[1]) if best is None else min(best, int(output[1]))
    return heap, best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=str(ROOT / "build"), type=pathlib.Path)
    parser.add_argument("--repeats", default=20, type=int)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = pathlib.Path(temporary)
        sources = folder / "sources"
        sources.mkdir()
        (sources / "empty_module.py").write_text("")
        (sources / "large_module.py").write_text(large_module_source(100 * 1024))
        (sources / "misc_pystone.py").write_text(
            (REFERENCE / "tests" / "perf_bench" / "misc_pystone.py").read_text())
        modules = {name: compile_mpy(sources / f"{name}.py", folder)
                   for name in ["empty_module", "misc_pystone", "large_module"]}
        host = build_host(arguments.build, folder)
        empty = xipy_figures(host, modules["empty_module"], arguments.repeats)
        empty_heap, empty_time = micropython_figures(modules["empty_module"], 5)
        for name in ["misc_pystone", "large_module"]:
            mpy = modules[name]
            size = mpy.stat().st_size
            figures = xipy_figures(host, mpy, arguments.repeats)
            extra = {key: figures[key] - empty[key] for key in figures}
            heap, elapsed = micropython_figures(mpy, 5)
            heap -= empty_heap
            print(f"{name}.mpy: {size} bytes")
            print(f"  xipy load+verify: {extra['load_verify_calls']:.0f} malloc calls, "
                  f"{extra['load_verify_bytes']:.0f} bytes, {figures['load_verify_us']:.1f} us "
                  f"({figures['load_verify_us'] / (size / 1024):.2f} us/KB)")
            print(f"  xipy whole run: {extra['run_calls']:.0f} malloc calls, "
                  f"{extra['run_bytes']:.0f} bytes; VM heap live {extra['heap_bytes']:.0f} B; "
                  f"{figures['run_us']:.1f} us ({figures['run_us'] / (size / 1024):.2f} us/KB)")
            print(f"  MicroPython import: gc.mem_alloc() +{heap} B, "
                  f"{elapsed} us (less an empty module's +{empty_heap} B, {empty_time} us)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
