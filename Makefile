# Front door for building, running and testing xipy; CMake does the real work.
#
#   make            release build into build/ (CLI at build/xipy)
#   make run        build and run the demo (examples/embed_c)
#   make test       every check, in order, stopping at the first failure
#   make bench      xipy against native MicroPython and CPython, as ratios
#   make micropython-suite   MicroPython's own test suite on xipy against native MicroPython
#   make sanitize   ASan+UBSan build with clang++ into build-asan/
#   make help       all targets
#
# Each build tree is configured once (again only when this Makefile or the
# toolchain file changes) and then built incrementally, so repeating a target
# rebuilds only what changed. Build directories are build*/ (see .gitignore).

JOBS ?= 2
# CMake's generated makefiles run as sub-makes; their "Entering directory" lines are noise.
MAKEFLAGS += --no-print-directory
CMAKE ?= cmake
PYTHON ?= python3
NODE ?= node

# One line per build tree: its folder and how CMake is configured there.
RELEASE_DIR := build
RELEASE_CONFIG := -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc \
	-DXIPY_WERROR=ON
ASAN_DIR := build-asan
# The sanitizer tree also counts executed opcodes, so its unit tests prove that the corpus runs
# every opcode; the other trees leave the counter out of the loop.
ASAN_CONFIG := -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
	-DXIPY_SANITIZE=ON -DXIPY_WERROR=ON -DXIPY_OPCODE_COUNTS=ON
# It is a compile check (the core builds without exceptions and RTTI), so it skips the
# optimizer, which would double its time and add nothing to that check.
NOEXCEPT_DIR := build-noexcept
NOEXCEPT_CONFIG := -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=g++ -DCMAKE_C_COMPILER=gcc \
	-DXIPY_CORE_ONLY=ON -DXIPY_NO_EXCEPTIONS=ON -DXIPY_TESTS=OFF -DXIPY_WERROR=ON
# The 32-bit tree runs the 32-bit Value word (XIPY_VALUE_BITS's default where pointers are 32
# bits) and the interpreter's plain-switch dispatch (computed goto off), so both words and
# both dispatch modes run the unit tests, the corpus and MicroPython's suite in `make test`.
M32_DIR := build-m32
M32_CONFIG := -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/m32.cmake \
	-DXIPY_EXAMPLES=OFF -DXIPY_INSTALL=OFF -DXIPY_BUNDLED_GTEST=ON -DXIPY_WERROR=ON \
	-DXIPY_COMPUTED_GOTO=OFF

# The example firmware for QEMU's mps2-an385 board (Cortex-M3, arm-none-eabi, newlib-nano):
# examples/firmware_mps2_an385 built with cmake/arm-none-eabi.cmake. Optimised for size, as
# firmware is. It embeds its programs with the host CLI (`xipy embed`), so it needs `release`.
FIRMWARE_DIR := build-firmware
FIRMWARE_CONFIG := -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/arm-none-eabi.cmake \
	-DCMAKE_BUILD_TYPE=MinSizeRel -DXIPY_WERROR=ON
FIRMWARE_QEMU := qemu-system-arm -machine mps2-an385 -nographic -monitor null -semihosting \
	-icount shift=0 -kernel

# ThreadSanitizer: the many-VM test's threads part, the test of a program's own threads
# (_thread), the sockets test, whose waits release the VM's lock, and MicroPython's thread/
# tests on the CLI are built and run there (`make tsan`).
TSAN_DIR := build-tsan
TSAN_CONFIG := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	-DCMAKE_C_COMPILER=clang -DXIPY_THREAD_SANITIZE=ON -DXIPY_WERROR=ON

CORPUS_DIR := $(RELEASE_DIR)/corpus

# The demo: what `make run` builds and runs. To change the demo, change these
# two lines (DEMO_RUN is the command; DEMO_INPUTS are the files it needs).
# The demo is a C program with examples/embed_c/demo.py linked in as a byte array; the
# release build compiles and embeds it, so it needs nothing beyond the build itself.
DEMO_INPUTS := release
DEMO_RUN := $(RELEASE_DIR)/examples/embed_c

CTEST := ctest --output-on-failure --no-tests=error -j $(JOBS)

.PHONY: all release run sanitize noexcept m32 tsan firmware firmware-run firmware-test package corpus setup reference test check-format \
	check-layers format unit-release unit-sanitize unit-m32 conformance bench micropython-suite \
	clean help

all: release

help:
	@echo "make            release build into $(RELEASE_DIR)/ (CLI at $(RELEASE_DIR)/xipy)"
	@echo "make run        build and run the demo: $(DEMO_RUN)"
	@echo "make test       every check in order (tools/run_tests.sh), ends with 'N passed, 0 failed'"
	@echo "make sanitize   AddressSanitizer + UBSan build with clang++ into $(ASAN_DIR)/"
	@echo "make noexcept   core only, -fno-exceptions -fno-rtti, into $(NOEXCEPT_DIR)/"
	@echo "make m32        32-bit core + unit tests into $(M32_DIR)/"
	@echo "make firmware   the mps2-an385 example firmware (Cortex-M3) into $(FIRMWARE_DIR)/; firmware-run runs it in QEMU"
	@echo "make firmware-test  corpus programs on the firmware under qemu-system-arm against the reference outputs"
	@echo "make tsan       the many-VM threads test and _thread test under ThreadSanitizer ($(TSAN_DIR)/)"
	@echo "make package    install into build-package/ and build out-of-tree hosts against it"
	@echo "make corpus     compile tests/programs/**/*.py to $(CORPUS_DIR)/ with the reference mpy-cross"
	@echo "make conformance  run the corpus on $(ASAN_DIR)/xipy against the reference outputs"
	@echo "make bench      bench/ and perf_bench on $(RELEASE_DIR)/xipy against native MicroPython and CPython"
	@echo "make micropython-suite  MicroPython's own tests on $(ASAN_DIR)/xipy against native MicroPython"
	@echo "make fuzz       libFuzzer targets for FUZZ_SECONDS each (build-fuzz/)"
	@echo "make mutation   MUTANTS (10000) corrupted corpus files through $(ASAN_DIR)/xipy"
	@echo "make unit-release | unit-sanitize | unit-m32   build one tree and run its unit tests"
	@echo "make format     apply .clang-format to src/, include/, tests/unit/, examples/"
	@echo "make clean      remove every build tree"

# --- configuring and building -------------------------------------------------

# A tree counts as configured once CMake has generated its Makefile; editing this
# Makefile or the toolchain file configures it again with the options above.
define configure_rule
$(1)/Makefile: Makefile cmake/m32.cmake
	$(2)
	$(CMAKE) -S . -B $(1) -G "Unix Makefiles" $(3)
endef
$(eval $(call configure_rule,$(RELEASE_DIR),,$(RELEASE_CONFIG)))
$(eval $(call configure_rule,$(ASAN_DIR),,$(ASAN_CONFIG)))
$(eval $(call configure_rule,$(NOEXCEPT_DIR),,$(NOEXCEPT_CONFIG)))
$(eval $(call configure_rule,$(TSAN_DIR),,$(TSAN_CONFIG)))
# CMake's compiler check fails without g++-multilib, so install it first.
$(eval $(call configure_rule,$(M32_DIR),@tools/setup.sh multilib,$(M32_CONFIG)))

$(FIRMWARE_DIR)/Makefile: Makefile cmake/arm-none-eabi.cmake
	$(CMAKE) -S examples/firmware_mps2_an385 -B $(FIRMWARE_DIR) -G "Unix Makefiles" $(FIRMWARE_CONFIG)

# The full builds compile Python programs (examples, API tests) with the reference
# mpy-cross, so they install the reference toolchain first; core-only builds do not.
release: reference $(RELEASE_DIR)/Makefile
	$(CMAKE) --build $(RELEASE_DIR) --parallel $(JOBS)

sanitize: reference $(ASAN_DIR)/Makefile
	$(CMAKE) --build $(ASAN_DIR) --parallel $(JOBS)

noexcept: $(NOEXCEPT_DIR)/Makefile
	$(CMAKE) --build $(NOEXCEPT_DIR) --parallel $(JOBS)

m32: $(M32_DIR)/Makefile
	$(CMAKE) --build $(M32_DIR) --parallel $(JOBS)

firmware: release $(FIRMWARE_DIR)/Makefile
	$(CMAKE) --build $(FIRMWARE_DIR) --parallel $(JOBS)
	arm-none-eabi-size $(FIRMWARE_DIR)/firmware.elf

firmware-run: firmware
	$(FIRMWARE_QEMU) $(FIRMWARE_DIR)/firmware.elf

# Every corpus program the board can run (tests/programs/firmware_skipped.txt lists the rest
# with reasons), linked into one firmware in build-firmware-test/ and run in one QEMU boot
# (tools/firmware_test.py); fails when any output differs from the reference's.
firmware-test: release corpus
	@$(PYTHON) tools/firmware_test.py --jobs $(JOBS)

# 8 threads with a VM each and an interrupt from another thread, under ThreadSanitizer; any
# report fails the run (halt_on_error).
tsan: reference $(TSAN_DIR)/Makefile
	$(CMAKE) --build $(TSAN_DIR) --parallel $(JOBS) --target api_many_vms api_program_threads_test \
		api_network_test xipy_cli
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_DIR)/tests/api/api_many_vms --threads-only
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_DIR)/tests/api/api_program_threads_test
	TSAN_OPTIONS=halt_on_error=1 $(TSAN_DIR)/tests/api/api_network_test
	TSAN_OPTIONS=halt_on_error=1 $(PYTHON) tools/micropython_suite.py $(TSAN_DIR)/xipy thread \
		--jobs $(JOBS)

# Installs the library into build-package/ and builds out-of-tree C and C++ hosts against it
# (find_package, pkg-config, FetchContent); PACKAGE_FLAGS=--shared for the shared library.
package: reference
	@tools/check_package.sh $(PACKAGE_FLAGS)

unit-release: release
	$(CTEST) --test-dir $(RELEASE_DIR)

unit-sanitize: sanitize
	$(CTEST) --test-dir $(ASAN_DIR)

unit-m32: m32
	$(CTEST) --test-dir $(M32_DIR)

# --- reference toolchain, corpus and demo --------------------------------------

setup:
	@tools/setup.sh

reference:
	@tools/setup.sh reference

corpus:
	@tools/setup.sh reference
	@$(PYTHON) tools/compile_corpus.py --out $(CORPUS_DIR)

run: $(DEMO_INPUTS)
	$(DEMO_RUN)

conformance: sanitize corpus
	@$(PYTHON) tools/run_conformance.py $(ASAN_DIR)/xipy --corpus $(CORPUS_DIR)

# Not part of `make test`: timings depend on the machine. The native MicroPython it compares
# with is ../shared/micropython (or $$REFERENCE_MICROPYTHON), see tools/reference_micropython.py.
# BENCH_BASELINE=OTHER_XIPY adds a column for a second xipy binary (before/after a change).
bench: release
	@$(PYTHON) tools/bench.py --xipy $(RELEASE_DIR)/xipy $(if $(BENCH_BASELINE),--baseline $(BENCH_BASELINE))

# MicroPython's own test suite (../shared/micropython/tests) on xipy, compiled by each mpy-cross
# users have: 1.29 (.mpy v6.3) and the pinned 1.19 (v6.0). It runs on the sanitizer build, as
# the conformance run does: 65-80 s per compiler there against 7-35 s on the release build
# (2 busy cores, reference outputs cached; 3.5 min for both from scratch), a small price for
# ASan and UBSan watching a thousand programs nobody wrote for xipy.
# MICROPYTHON_SUITE_XIPY=build/xipy runs the release build.
MICROPYTHON_SUITE_XIPY ?= $(ASAN_DIR)/xipy
MICROPYTHON_SUITE_COMPILERS ?= 1.29 1.19

micropython-suite: $(if $(filter $(ASAN_DIR)/xipy,$(MICROPYTHON_SUITE_XIPY)),sanitize,release)
	@for compiler in $(MICROPYTHON_SUITE_COMPILERS); do \
		$(PYTHON) tools/micropython_suite.py $(MICROPYTHON_SUITE_XIPY) --compiler $$compiler \
			--jobs $(JOBS) || exit 1; \
	done

# --- checks ---------------------------------------------------------------------

test:
	@tools/run_tests.sh

check-format:
	@tools/check_format.sh

check-layers:
	@$(PYTHON) tools/check_layers.py

format:
	@tools/check_format.sh --fix

clean:
	rm -rf $(RELEASE_DIR) $(ASAN_DIR) $(NOEXCEPT_DIR) $(M32_DIR) $(TSAN_DIR) $(FIRMWARE_DIR) \
		build-firmware-test build-package

# --- fuzzing (libFuzzer, clang++) -------------------------------------------------
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_RUNS=N] [FUZZ_SEED=S]
#                                 build build-fuzz/ and run every tests/fuzz target for
#                                 FUZZ_SECONDS (or N inputs) each, seeded from $(CORPUS_DIR); inputs that
#                                 find new coverage are kept in build-fuzz/inputs/<target>/
#   make fuzz-build               only build the targets

FUZZ_DIR := build-fuzz
# -O1 and line tables only: libFuzzer's usual trade between executions per second, build
# time and stack traces that name files and lines.
FUZZ_CONFIG := -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	"-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
	"-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
	-DCMAKE_C_COMPILER=clang -DXIPY_SANITIZE=ON -DXIPY_FUZZ=ON -DXIPY_TESTS=OFF -DXIPY_WERROR=ON
FUZZ_SECONDS ?= 60
# FUZZ_RUNS=N stops each target after N inputs, and FUZZ_SEED fixes libFuzzer's choices, so a
# run is repeatable: `make test` uses both, so that CI fails only where a run here fails too.
FUZZ_RUNS ?=
FUZZ_SEED ?=
# The targets that read Python source start from the test programs; the others from their .mpy.
FUZZ_SOURCE_SEEDS := tests/programs
# The deflate streams (two control bytes, then the stream: see tests/fuzz/inflate_fuzzer.cpp).
FUZZ_INFLATE_SEEDS := tests/fuzz/inflate_seeds
FUZZ_TARGETS := $(patsubst tests/fuzz/%.cpp,%,$(wildcard tests/fuzz/*_fuzzer.cpp))

$(eval $(call configure_rule,$(FUZZ_DIR),,$(FUZZ_CONFIG)))

.PHONY: fuzz fuzz-build

fuzz-build: $(FUZZ_DIR)/Makefile
	$(CMAKE) --build $(FUZZ_DIR) --parallel $(JOBS) --target $(FUZZ_TARGETS)

# A crash, leak or sanitizer report stops the run; libFuzzer's log and reproducer stay in
# $(FUZZ_DIR)/. The summary shows executions per second and coverage (cov: edges, ft: features).
fuzz: fuzz-build corpus
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/inputs/$$target; \
		echo "== $$target for $(FUZZ_SECONDS) s"; \
		case $$target in parse_fuzzer|compile_fuzzer) seeds=$(FUZZ_SOURCE_SEEDS);; \
			inflate_fuzzer) seeds=$(FUZZ_INFLATE_SEEDS);; \
			*) seeds=$(CORPUS_DIR);; esac; \
		if $(FUZZ_DIR)/fuzz/$$target -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -timeout=10 \
			$(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS)) $(if $(FUZZ_SEED),-seed=$(FUZZ_SEED)) \
			-artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/inputs/$$target $$seeds \
			> $(FUZZ_DIR)/$$target.log 2>&1; then \
			grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' \
				$(FUZZ_DIR)/$$target.log; \
		else \
			tail -n 40 $(FUZZ_DIR)/$$target.log; \
			echo "fuzz: $$target failed, see $(FUZZ_DIR)/$$target.log"; \
			exit 1; \
		fi; \
	done

# --- mutation test ----------------------------------------------------------------
#
#   make mutation [MUTANTS=10000]   run MUTANTS corrupted corpus files (1-4 changed bytes or a
#                                   truncation, fixed seed) through $(ASAN_DIR)/xipy with small
#                                   limits; fails on any signal, sanitizer report or timeout
#                                   (tools/mutation_test.py; `make test` runs 1,000)

MUTANTS ?= 10000

.PHONY: mutation

mutation: sanitize corpus
	@$(PYTHON) tools/mutation_test.py --xipy $(ASAN_DIR)/xipy --corpus $(CORPUS_DIR) \
		--count $(MUTANTS) --jobs $(JOBS)
