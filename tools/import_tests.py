#!/usr/bin/env python3
"""Runs the multi-module programs of tests/imports/ on xipy against the reference MicroPython.

Each folder tests/imports/<scenario>/ is a program: main.py and the modules and packages it
imports. Every .py is compiled by the reference mpy-cross into build/import_tests/<scenario>/
(no .py is left beside the .mpy), and main runs three ways, each compared with the reference
MicroPython 1.29 (stdout and exit status; expected output never comes from xipy):

- from a host folder: `xipy run main.mpy` against `micropython -m main`, both in the folder;
- from a ROMFS image built by `xipy romfs build`: `xipy run --no-fs --romfs IMAGE -m main`
  (the image memory-mapped read-only, mounted at /rom) against micropython-coverage mounting
  the same image with vfs.VfsRom at /rom2 and importing main (so "/rom2" reads as "/rom"), which
  also proves that images xipy writes mount in MicroPython;
- from an image written by MicroPython's own writer (tools/romfs.py): the same on xipy, which
  proves MicroPython's images mount in xipy. Both writers must produce identical bytes.

Then each scenario runs from its .py files alone (`xipy run -m main`, compiling each module as
it is imported, against `micropython -m main` on the same files), and `xipy romfs build` of
that source folder must equal MicroPython's writer given the folder as `mpremote romfs build`
makes it (each .py compiled by mpy-cross under its SRC_DIR/PATH name).

tests/imports/vfs_open.py (vfs.VfsRom, mount, umount, open() of files in an image) runs on
xipy and on micropython-coverage. Then corrupt images: truncated and bit-flipped copies must be refused by `xipy run --romfs`
with a "corrupt ROMFS image" message (exit status 2, no crash), and vfs.VfsRom() must raise
the OSError the reference raises.

Usage: tools/import_tests.py XIPY   (exit status 0 when every comparison holds)
"""

import os
import pathlib
import shutil
import subprocess
import sys

from reference_micropython import LOCATION, MICROPYTHON, MICROPYTHON_COVERAGE, MPY_CROSS, ROOT

SCENARIOS = ROOT / "tests" / "imports"
WORK = ROOT / "build" / "import_tests"
TIMEOUT = 30


def run(command, cwd, env=None):
    completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT)
    return completed.returncode, completed.stdout.decode(errors="replace"), completed.stderr.decode(
        errors="replace")


def compile_scenario(scenario):
    target = WORK / scenario.name
    shutil.rmtree(target, ignore_errors=True)
    for source in sorted(path for path in scenario.rglob("*") if path.is_file()):
        relative = source.relative_to(scenario)
        if source.suffix != ".py":
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / relative)
            continue
        output = (target / relative).with_suffix(".mpy")
        output.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(MPY_CROSS), "-o", str(output), "-s", str(relative), str(source)],
                       check=True)
    return target


def romfs_of_reference_writer(folder, image):
    sys.path.insert(0, str(LOCATION / "tools"))
    import romfs  # MicroPython's own writer, run from the reference folder, never copied

    data = romfs.make_romfs(str(folder), mpy_cross=False)
    image.write_bytes(data)


def reference_from_image(image):
    driver = ("import vfs, sys\n"
              "vfs.mount(vfs.VfsRom(open(%r, 'rb').read()), '/rom2')\n"
              "sys.path[:] = ['/rom2', '/rom2/lib']\n"
              "import main\n" % str(image))
    status, out, _ = run([str(MICROPYTHON_COVERAGE), "-c", driver], cwd=WORK)
    return status, out.replace("/rom2", "/rom")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--reference-writer":
        romfs_of_reference_writer(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))
        return 0
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    xipy = pathlib.Path(sys.argv[1]).resolve()
    if not MICROPYTHON.exists() or not xipy.exists():
        print("import_tests: needs %s and %s" % (MICROPYTHON, xipy))
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    failures = []
    checks = 0
    # The reference's -m puts "" first on sys.path; nothing else (no ~/.micropython/lib).
    env = dict(os.environ, MICROPYPATH="")
    empty = WORK / "empty"
    empty.mkdir(exist_ok=True)
    for scenario in sorted(path for path in SCENARIOS.iterdir() if path.is_dir()):
        folder = compile_scenario(scenario)
        expected = run([str(MICROPYTHON), "-m", "main"], cwd=folder, env=env)[:2]
        actual = run([str(xipy), "run", "main.mpy"], cwd=folder)[:2]
        checks += 1
        if expected != actual:
            failures.append((scenario.name + " (host folder)", expected, actual))
        ours = WORK / (scenario.name + ".romfs")
        theirs = WORK / (scenario.name + ".reference.romfs")
        subprocess.run([str(xipy), "romfs", "build", str(folder), "-o", str(ours)], check=True,
                       capture_output=True)
        subprocess.run([sys.executable, __file__, "--reference-writer", str(folder), str(theirs)],
                       check=True, capture_output=True)
        checks += 1
        if ours.read_bytes() != theirs.read_bytes():
            failures.append((scenario.name + " (writers differ)", "", ""))
        expected = reference_from_image(ours)
        for image in (ours, theirs):
            actual = run([str(xipy), "run", "--no-fs", "--romfs", str(image), "-m", "main"],
                         cwd=empty)[:2]
            checks += 1
            if expected != actual:
                failures.append((scenario.name + " (" + image.name + ")", expected, actual))
    # From source: the .py files alone, compiled by xipy as it imports them, against the
    # reference importing the same files; and `xipy romfs build` compiling them as
    # `mpremote romfs build` does (mpy-cross on each SRC_DIR/PATH.py), byte for byte.
    for scenario in sorted(path for path in SCENARIOS.iterdir() if path.is_dir()):
        name = scenario.name + ".source"
        source = WORK / name
        shutil.rmtree(source, ignore_errors=True)
        shutil.copytree(scenario, source)
        expected = run([str(MICROPYTHON), "-m", "main"], cwd=source, env=env)[:2]
        actual = run([str(xipy), "run", "-m", "main"], cwd=source)[:2]
        checks += 1
        if expected != actual:
            failures.append((scenario.name + " (from .py source)", expected, actual))
        compiled = WORK / (scenario.name + ".mpy-cross")
        shutil.rmtree(compiled, ignore_errors=True)
        for path in sorted(path for path in source.rglob("*") if path.is_file()):
            relative = path.relative_to(source)
            target = compiled / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".py" and not path.with_suffix(".mpy").exists():
                subprocess.run([str(MPY_CROSS), "-o", str(target.with_suffix(".mpy")),
                                str(path.relative_to(WORK))], cwd=WORK, check=True)
            else:
                shutil.copyfile(path, target)
        ours = WORK / (name + ".romfs")
        theirs = WORK / (name + ".reference.romfs")
        subprocess.run([str(xipy), "romfs", "build", name, "-o", str(ours)], cwd=WORK,
                       check=True, capture_output=True)
        subprocess.run([sys.executable, __file__, "--reference-writer", str(compiled), str(theirs)],
                       check=True, capture_output=True)
        checks += 1
        if ours.read_bytes() != theirs.read_bytes():
            failures.append((scenario.name + " (romfs build from .py differs)", "", ""))
    # The vfs module and open() of image files, against micropython-coverage (which has VfsRom).
    program = WORK / "vfs_open.mpy"
    subprocess.run([str(MPY_CROSS), "-o", str(program), "-s", "vfs_open.py",
                    str(SCENARIOS / "vfs_open.py")], check=True)
    expected = run([str(MICROPYTHON_COVERAGE), "-m", "vfs_open"], cwd=WORK, env=env)[:2]
    actual = run([str(xipy), "run", str(program)], cwd=WORK)[:2]
    checks += 1
    if expected != actual:
        failures.append(("vfs_open.py", expected, actual))
    # Corrupt images: every truncation and a flipped bit in every byte of one image.
    image = (WORK / "packages.romfs").read_bytes()
    corrupt = WORK / "corrupt.romfs"
    variants = [image[:length] for length in range(0, len(image), 11)]
    variants += [image[:index] + bytes([image[index] ^ 0x40]) + image[index + 1:]
                 for index in range(0, len(image), 5)]
    crashed = 0
    for variant in variants:
        corrupt.write_bytes(variant)
        status, _, err = run([str(xipy), "run", "--no-fs", "--romfs", str(corrupt), "-m", "main"],
                             cwd=empty)
        checks += 1
        if status < 0 or "Sanitizer" in err or status not in (0, 1, 2):
            crashed += 1
            failures.append(("corrupt image (status %d)" % status, "", err[-400:]))
    corrupt.write_bytes(image[:5])
    status, _, err = run([str(xipy), "run", "--no-fs", "--romfs", str(corrupt), "-m", "main"],
                         cwd=empty)
    checks += 1
    if status != 2 or "corrupt ROMFS image" not in err:
        failures.append(("truncated image message", "status 2, corrupt ROMFS image", err))
    for name, expected, actual in failures:
        print("FAIL %s\n  expected: %r\n  actual:   %r" % (name, expected, actual))
    print("import tests: %d checks, %d failed" % (checks, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
