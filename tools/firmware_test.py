#!/usr/bin/env python3
"""Runs corpus programs on the mps2-an385 firmware under QEMU and compares their output with the reference's.

It builds examples/firmware_mps2_an385 (cmake/arm-none-eabi.cmake) with the selected
programs' reference-compiled .mpy files (build/corpus, from `make corpus`) linked into flash,
boots it once in `qemu-system-arm -machine mps2-an385` and reads the console: for each
program the firmware prints its stdout, its stderr and exit status between marks (the
console protocol of examples/firmware_mps2_an385/README.md). Each run is judged exactly as
tools/run_conformance.py judges the CLI's: stdout against <name>.exp, stderr and exit
status against <name>.err, both written by the reference MicroPython.

The same boot also tests the board port itself:
- tests/firmware/romfs_app/ is an application deployed as a ROMFS image: its .py files are
  compiled by the reference mpy-cross and packed by `xipy romfs build`, and QEMU's loader puts
  the image at the board's ROMFS partition (0x21000000), where the firmware mounts it at /rom
  and runs its `main` after the linked programs. Its output must equal what MicroPython's own
  firmware (micropython-mps2-an385.elf) prints for `import main` with the same image.
- tests/firmware/uart_echo.py uses the port's native `uart` module while the test sends bytes
  to the serial line. MicroPython has no such module, so its expected output,
  tests/firmware/uart_echo.exp, is written by hand: it is the module's specification.

Programs are every program of tests/programs with an .exp, except:
- those that read standard input (<name>.in) or write files (the writable-directory
  marker): the firmware has neither;
- those in tests/programs/known_failures.txt, which fail on every build;
- those in tests/programs/firmware_skipped.txt, each with the reason it cannot run on the
  board (no filesystem, the host's 64-bit addresses in its output, ...).

Usage: tools/firmware_test.py [--corpus build/corpus] [--build build-firmware-test]
           [--xipy build/xipy] [--jobs 2] [--verbose] [AREA_OR_FILE ...]
Exit status 0 when every selected program passes, 1 otherwise, 2 on bad usage.
"""

import argparse
import pathlib
import shutil
import subprocess
import sys
import time

import run_conformance
from reference_micropython import LOCATION, MPY_CROSS

ROOT = pathlib.Path(__file__).resolve().parent.parent
PORT = ROOT / "examples" / "firmware_mps2_an385"
SKIPPED = ROOT / "tests" / "programs" / "firmware_skipped.txt"
QEMU = ["qemu-system-arm", "-machine", "mps2-an385", "-nographic", "-monitor", "null",
        "-semihosting", "-icount", "shift=0", "-kernel"]
FIRMWARE_TESTS = ROOT / "tests" / "firmware"
UART_PROGRAM = FIRMWARE_TESTS / "uart_echo.py"
# What the test sends to the serial line for uart_echo.py.
UART_INPUT = b"0123456789abxyz"
ROMFS_APP = FIRMWARE_TESTS / "romfs_app"
# The board's ROMFS partition (examples/firmware_mps2_an385/mps2_an385.ld), which MicroPython's
# qemu port has at the same address.
ROMFS_ADDRESS = 0x21000000
REFERENCE_FIRMWARE = LOCATION / "bin" / "micropython-mps2-an385.elf"
# The whole run: every program in one boot. The corpus takes well under a minute; a firmware
# that hangs must still end the test.
TIMEOUT_SECONDS = 600
MARK = b"\x1e"


def select(programs_dir, corpus_dir, selectors):
    """The programs to link in, and how many were left out."""
    chosen, unknown = run_conformance.select_programs(programs_dir, selectors)
    if unknown:
        raise SystemExit(f"firmware_test: no programs match {', '.join(unknown)}")
    left_out = set(run_conformance.read_known_failures(programs_dir / "known_failures.txt"))
    left_out |= set(run_conformance.read_known_failures(SKIPPED))
    kept = []
    for program in chosen:
        name = program.relative_to(programs_dir).with_suffix("").as_posix()
        if (name in left_out or program.with_suffix(".in").exists()
                or run_conformance.writes_files(program)):
            continue
        if not (corpus_dir / f"{name}.mpy").is_file():
            raise SystemExit(f"firmware_test: no compiled {name}.mpy in {corpus_dir} "
                             "(run `make corpus`)")
        kept.append(program)
    return kept, len(chosen) - len(kept)


def write_if_changed(path, text):
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def compile_reference(source, target, name):
    """`source` compiled by the reference mpy-cross to `target`, recording `name` as its file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(MPY_CROSS), "-o", str(target), "-s", name, str(source)], check=True)


def build_romfs_app(build_dir, xipy):
    """The ROMFS image of tests/firmware/romfs_app: .py files compiled, other files as they are."""
    folder = build_dir / "romfs_app"
    shutil.rmtree(folder, ignore_errors=True)
    for source in sorted(path for path in ROMFS_APP.rglob("*") if path.is_file()):
        relative = source.relative_to(ROMFS_APP)
        if source.suffix == ".py":
            compile_reference(source, folder / relative.with_suffix(".mpy"), relative.as_posix())
        else:
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / relative)
    image = build_dir / "romfs_app.romfs"
    subprocess.run([str(xipy), "romfs", "build", str(folder), "-o", str(image)], check=True,
                   stdout=subprocess.DEVNULL)
    return image


def loader_for(image):
    return ["-device", f"loader,file={image},addr={ROMFS_ADDRESS:#x},force-raw=on"]


def reference_romfs_output(image):
    """What MicroPython's firmware prints for `import main` at its REPL with `image` in its
    ROMFS partition (line ends as \n), or None when it did not finish."""
    line = b'print(chr(30) + "begin"); import main; print(chr(30) + "end")\r\n'
    process = subprocess.Popen(QEMU + [str(REFERENCE_FIRMWARE)] + loader_for(image),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    console = b""
    deadline = time.monotonic() + 120
    try:
        process.stdin.write(line)
        process.stdin.flush()
        # The REPL never exits: read until the end mark (the echoed line holds no 0x1e byte).
        while MARK + b"end" not in console and time.monotonic() < deadline:
            chunk = process.stdout.read1(4096)
            if not chunk:
                break
            console += chunk
    finally:
        process.kill()
        process.wait()
    _, began, rest = console.partition(MARK + b"begin\r\n")
    output, ended, _ = rest.partition(MARK + b"end")
    return output.replace(b"\r\n", b"\n") if began and ended else None


def build(build_dir, programs, programs_dir, corpus_dir, xipy, jobs):
    build_dir.mkdir(parents=True, exist_ok=True)
    program_list = build_dir / "programs.txt"
    uart_program = build_dir / "firmware" / "uart_echo.mpy"
    compile_reference(UART_PROGRAM, uart_program, "uart_echo.py")
    lines = [f"firmware/uart_echo {uart_program}\n"]
    for program in programs:
        name = program.relative_to(programs_dir).with_suffix("").as_posix()
        lines.append(f"{name} {(corpus_dir / name).with_suffix('.mpy')}\n")
    write_if_changed(program_list, "".join(lines))
    subprocess.run(["cmake", "-S", str(PORT), "-B", str(build_dir), "-G", "Unix Makefiles",
                    f"-DCMAKE_TOOLCHAIN_FILE={ROOT / 'cmake' / 'arm-none-eabi.cmake'}",
                    "-DCMAKE_BUILD_TYPE=MinSizeRel", "-DXIPY_WERROR=ON",
                    f"-DFIRMWARE_PROGRAM_LIST={program_list}", f"-DXIPY_EXECUTABLE={xipy}"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "--parallel", str(jobs)], check=True,
                   stdout=subprocess.DEVNULL)
    return build_dir / "firmware.elf"


def parse_console(console):
    """{name: (exit status, stdout, stderr, guest microseconds)} from the firmware's console,
    and whether it reached its final mark."""
    runs = {}
    records = console.split(MARK)
    index = 1
    while index < len(records):
        record = records[index]
        if record.startswith(b"begin ") and index + 2 < len(records):
            header, _, stdout = record.partition(b"\n")
            name = header[len(b"begin "):].decode()
            stderr = records[index + 1].partition(b"\n")[2]
            end = records[index + 2].partition(b"\n")[0].split()
            if records[index + 1].startswith(b"stderr\n") and len(end) >= 3 and end[0] == b"end":
                runs[name] = (int(end[1]), stdout, stderr, int(end[2]))
                index += 3
                continue
        index += 1
    return runs, console.rfind(MARK + b"done ") >= 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("selectors", nargs="*", metavar="AREA_OR_FILE",
                        help="areas, area/name pairs or .py paths (default: every program)")
    parser.add_argument("--corpus", type=pathlib.Path, default=ROOT / "build" / "corpus")
    parser.add_argument("--programs", type=pathlib.Path, default=ROOT / "tests" / "programs")
    parser.add_argument("--build", type=pathlib.Path, default=ROOT / "build-firmware-test",
                        help="the firmware's build tree (default: build-firmware-test)")
    parser.add_argument("--xipy", type=pathlib.Path, default=ROOT / "build" / "xipy",
                        help="the host CLI, for `xipy embed` (default: build/xipy)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="show a short diff per failure")
    arguments = parser.parse_args()

    for tool, package in (("arm-none-eabi-gcc", "gcc-arm-none-eabi libnewlib-arm-none-eabi"),
                          ("qemu-system-arm", "qemu-system-arm")):
        if shutil.which(tool) is None:
            print(f"firmware_test: no {tool} (Debian: apt-get install {package})",
                  file=sys.stderr)
            return 2
    programs_dir = arguments.programs.resolve()
    corpus_dir = arguments.corpus.resolve()
    programs, left_out = select(programs_dir, corpus_dir, arguments.selectors)
    if not programs:
        print("firmware_test: no programs selected", file=sys.stderr)
        return 2
    build_dir = arguments.build.resolve()
    firmware = build(build_dir, programs, programs_dir, corpus_dir, arguments.xipy.resolve(),
                     arguments.jobs)
    image = build_romfs_app(build_dir, arguments.xipy.resolve())
    romfs_expected = reference_romfs_output(image)
    started = time.monotonic()
    try:
        run = subprocess.run(QEMU + [str(firmware)] + loader_for(image), input=UART_INPUT,
                             capture_output=True, timeout=TIMEOUT_SECONDS)
        console, status = run.stdout, run.returncode
    except subprocess.TimeoutExpired as timeout:
        console, status = timeout.stdout or b"", None
    seconds = time.monotonic() - started
    runs, finished = parse_console(console)

    # Each run to judge: its name on the console, its program (whose .exp/.err are read) and
    # the name reports give it. The corpus programs against the reference's outputs; then the
    # board port's own runs: the uart module against its specification, the ROMFS application
    # against MicroPython's firmware.
    failures = []
    judged = []
    for program in programs:
        relative = program.relative_to(programs_dir)
        judged.append((relative.with_suffix("").as_posix(), program, relative))
    judged.append(("firmware/uart_echo", UART_PROGRAM, "firmware/uart_echo"))
    if romfs_expected is None:
        failures.append(run_conformance.Outcome("/rom/main", [
            "MicroPython's firmware did not finish `import main`"]))
    else:
        romfs_program = build_dir / "romfs_main.py"  # only its .exp is read
        romfs_program.with_suffix(".exp").write_bytes(romfs_expected)
        judged.append(("/rom/main", romfs_program, "/rom/main"))
    guest_microseconds = 0
    for name, program, reported in judged:
        if name not in runs:
            failures.append(run_conformance.Outcome(reported, ["did not run to its end"]))
            continue
        exit_status, stdout, stderr, microseconds = runs[name]
        guest_microseconds += microseconds
        outcome = run_conformance.check_output(program, reported, exit_status, stdout, stderr)
        if not outcome.ok:
            failures.append(outcome)
    for outcome in failures:
        print(f"FAIL {outcome.program}: {'; '.join(outcome.problems)}")
        if arguments.verbose and outcome.details:
            print(outcome.details, end="")
    if not finished:
        started_last = console.rfind(MARK + b"begin ")
        running = console[started_last + 7:].partition(b"\n")[0].decode("utf-8", "replace")
        tail = console[-400:].decode("utf-8", "replace")
        state = "timed out" if status is None else f"exited with status {status}"
        print(f"firmware_test: the firmware {state} while running {running}; console ends:\n"
              f"{tail}")
    passed = len(programs) + 2 - len(failures)
    print(f"firmware: {passed} passed (the corpus, uart_echo, the ROMFS application), "
          f"{len(failures)} failed, {left_out} left out; "
          f"{guest_microseconds / 1000:.0f} M guest instructions, {seconds:.1f} s in QEMU")
    return 0 if not failures and finished else 1


if __name__ == "__main__":
    sys.exit(main())
