#!/usr/bin/env python3
"""Measures what importing one .mpy costs, on xipy and on MicroPython, side by side.

For MicroPython's pystone (tests/perf_bench/misc_pystone.py) and a generated module of about
100 KB of .mpy (many small functions), each compiled by the reference mpy-cross:
- xipy (tools/load_cost/host.cpp, linked against a release build's libraries): malloc calls,
  bytes and best time of linking (what runs before the module's first instruction: load, and
  verify the outer code; functions are verified on their first call), the same for verifying
  every code at once (`xipy verify`), the same for the whole run of the module (link, body,
  the functions its body calls), and the VM heap bytes left live (what gc.mem_alloc() shows),
  each less an empty module's figures;
- MicroPython (bin/micropython-coverage): gc.mem_alloc() after a collection, before and after
  `import`, and the import's time (best of several fresh processes).
Then the import from a ROMFS image, as a firmware runs it: an image of each module made by
MicroPython's own writer (../shared/micropython/tools/romfs.py), imported by `xipy run --romfs`
and by micropython-coverage with the image mounted as vfs.VfsRom; the figure is gc.mem_alloc()
after a collection, before and after `import`, in the same process on both sides.

With --check-ceiling, only xipy's import of pystone from a ROMFS image is measured, and the
run fails when it allocates more than tests/import_memory/pystone_romfs_ceiling.txt says
(bytes, never a time): the step `make test` runs.

Usage: tools/load_cost.py [--build build] [--repeats 20] [--check-ceiling]
"""

import argparse
import contextlib
import io
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "micropython"
CEILING = ROOT / "tests" / "import_memory" / "pystone_romfs_ceiling.txt"
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


# The same probe on both sides, run with the image mounted: heap bytes the import leaves live.
# The probe's own lines run twice first, so that what their lookups make (xipy caches a name
# on its second lookup) is made before the count starts.
ROMFS_PROBE = """
import gc
for _ in range(2):
    gc.collect()
    before = gc.mem_alloc()
import {module}
gc.collect()
print(gc.mem_alloc() - before)
"""

# MicroPython's unix port refuses a mount at /rom (its root filesystem holds the path), so the
# image goes to /rom2, which is put first on sys.path as /rom would be.
MICROPYTHON_MOUNT = """
import vfs, sys
vfs.mount(vfs.VfsRom(open({image!r}, "rb").read()), "/rom2")
sys.path.insert(0, "/rom2")
"""


def romfs_image(mpy, folder):
    """A ROMFS image holding just `mpy`, written by MicroPython's own writer."""
    content = folder / (mpy.stem + "_romfs")
    content.mkdir()
    (content / mpy.name).write_bytes(mpy.read_bytes())
    sys.path.insert(0, str(REFERENCE / "tools"))
    try:
        import romfs  # MicroPython's writer, run from the reference folder, never copied
    finally:
        sys.path.pop(0)
    image = folder / (mpy.stem + ".romfs")
    with contextlib.redirect_stdout(io.StringIO()):  # the writer lists what it packs
        image.write_bytes(romfs.make_romfs(str(content), mpy_cross=False))
    return image


def xipy_romfs_import(xipy, image, module):
    output = subprocess.run([str(xipy), "run", "--no-fs", "--romfs", str(image), "-c",
                             ROMFS_PROBE.format(module=module)],
                            check=True, text=True, capture_output=True).stdout
    return int(output.split()[-1])


def micropython_romfs_import(image, module):
    probe = MICROPYTHON_MOUNT.format(image=str(image)) + ROMFS_PROBE.format(module=module)
    output = subprocess.run([str(REFERENCE / "bin" / "micropython-coverage"), "-c", probe],
                            check=True, text=True, capture_output=True).stdout
    return int(output.split()[-1])


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
    parser.add_argument("--check-ceiling", action="store_true",
                        help="only check xipy's pystone import from ROMFS against the ceiling")
    arguments = parser.parse_args()
    xipy = arguments.build / "xipy"
    with tempfile.TemporaryDirectory() as temporary:
        folder = pathlib.Path(temporary)
        sources = folder / "sources"
        sources.mkdir()
        if arguments.check_ceiling:
            (sources / "misc_pystone.py").write_text(
                (REFERENCE / "tests" / "perf_bench" / "misc_pystone.py").read_text())
            image = romfs_image(compile_mpy(sources / "misc_pystone.py", folder), folder)
            ceiling = int(CEILING.read_text().split()[0])
            heap = xipy_romfs_import(xipy, image, "misc_pystone")
            print(f"xipy: importing misc_pystone from a ROMFS image leaves +{heap} B "
                  f"(ceiling {ceiling} B, {CEILING.relative_to(ROOT)})")
            if heap > ceiling:
                print("over the ceiling: find what grew (tools/load_cost.py shows the parts)")
                return 1
            return 0
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
            print(f"  xipy link (before the first instruction): {extra['link_calls']:.0f} malloc "
                  f"calls, {extra['link_bytes']:.0f} bytes, {figures['link_us']:.1f} us "
                  f"({figures['link_us'] / (size / 1024):.2f} us/KB)")
            print(f"  xipy load + verify every code (xipy verify): "
                  f"{extra['verify_all_calls']:.0f} malloc calls, "
                  f"{extra['verify_all_bytes']:.0f} bytes, {figures['verify_all_us']:.1f} us "
                  f"({figures['verify_all_us'] / (size / 1024):.2f} us/KB)")
            print(f"  xipy whole run: {extra['run_calls']:.0f} malloc calls, "
                  f"{extra['run_bytes']:.0f} bytes; VM heap live {extra['heap_bytes']:.0f} B; "
                  f"{figures['run_us']:.1f} us ({figures['run_us'] / (size / 1024):.2f} us/KB)")
            print(f"  MicroPython import: gc.mem_alloc() +{heap} B, "
                  f"{elapsed} us (less an empty module's +{empty_heap} B, {empty_time} us)")
            image = romfs_image(mpy, folder)
            print(f"  import from a ROMFS image: xipy gc.mem_alloc() "
                  f"+{xipy_romfs_import(xipy, image, name)} B, MicroPython "
                  f"+{micropython_romfs_import(image, name)} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
