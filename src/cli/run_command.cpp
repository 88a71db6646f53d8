// `xipy run [OPTIONS] FILE.mpy [ARGS...]`: runs a .mpy file on a fresh VM, as micropython does.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/file_mapping.hpp"
#include "cli/repl.hpp"
#include "compiler/compile.hpp"
#include "xipy/xipy.h"

namespace xipy::cli {

namespace {

constexpr std::string_view run_usage =
    "usage: xipy run [OPTIONS] FILE.mpy|FILE [ARGS...]\n"
    "       xipy run [OPTIONS] -m MODULE [ARGS...]\n"
    "       xipy run [OPTIONS] -c CODE [ARGS...]\n"
    "       xipy run [OPTIONS]          (also just `xipy`: the REPL)\n"
    "Runs a .mpy v6 file, a Python source file of any other name (compiled in memory),\n"
    "with -m the module MODULE found on sys.path (.mpy or .py), or with -c the source CODE,\n"
    "as __main__;\n"
    "sys.argv is [FILE, ARGS...] (['-c', ARGS...] for -c). Without any of them it starts\n"
    "the REPL when standard input is a terminal (>>> and ... prompts, Ctrl-D exits, Ctrl-E\n"
    "pastes, Ctrl-C cancels a line or interrupts it running), and otherwise runs standard\n"
    "input as a file. sys.path is the file's folder, then each --path DIR,\n"
    "then /rom and /rom/lib when --romfs is given. The exit status is 0 on success,\n"
    "1 after an uncaught exception (its traceback goes to stderr), the code of an uncaught\n"
    "SystemExit, 2 for a bad file (one the verifier rejects included) or command line, and 3\n"
    "when --max-steps ran out. Ctrl-C raises KeyboardInterrupt in the program. When the\n"
    "environment variable MICROPYINSPECT is set once the program ends (os.putenv() may set\n"
    "it), the REPL starts as with -i.\n"
    "  -O[N], -OO...        optimisation level N (as many as the O's when N is left out),\n"
    "                       as micropython -O: above 0 every compilation (the program, .py\n"
    "                       imports, exec, eval, the REPL) drops asserts and makes __debug__\n"
    "                       False, and 3 drops line numbers; micropython.opt_level() reads it\n"
    "  -X compile-only      compile the .py file, -c CODE or standard input and stop: a\n"
    "                       compile error is reported as when running, nothing is run\n"
    "  --heap-size N[K|M]   most bytes the Python heap may hold (default 8M)\n"
    "  --max-depth N        deepest nesting of Python calls (default 1000)\n"
    "  --max-steps N        most steps (loop iterations, calls, long native work) before the\n"
    "                       program is stopped (default: no limit)\n"
    "  --no-side-tables     keep no inline caches, class lookup table or spare heap pages:\n"
    "                       the same behaviour in less RAM, slower (xipy_config.side_tables)\n"
    "  --stats              at exit, print the heap's and the side tables' figures to stderr\n"
    "                       as `xipy stats: NAME=VALUE ...` lines (the fields of\n"
    "                       xipy_heap_statistics and xipy_side_table_statistics)\n"
    "Host access (docs/host-access.md): by default the program may read files under the\n"
    "current directory, read the clock and the environment, and read standard input.\n"
    "  --fs-root DIR        the directory open() and os may reach, seen by the program as /\n"
    "                       (default: the current directory); read-only unless --fs-write\n"
    "  --fs-write           the program may also create, write, rename and delete files\n"
    "                       and directories inside the root\n"
    "  --no-fs              no filesystem: open() and os file functions raise OSError\n"
    "  --path DIR           also import modules from DIR (repeatable)\n"
    "  --romfs IMAGE        mount the ROMFS image IMAGE (memory-mapped) at /rom\n"
    "  -m MODULE            run the module MODULE (found on sys.path) instead of a file\n"
    "  -c CODE              run the Python source CODE instead of a file\n"
    "  -i                   start the REPL after running the file, module or CODE\n"
    "  --no-env             no environment: os.getenv() raises OSError\n"
    "  --no-clock           no clock: time.time(), time.sleep(), ticks... raise OSError\n"
    "  --no-stdin           no standard input: input() and sys.stdin see end of file\n"
    "  --no-threads         no threads: _thread.start_new_thread() raises OSError\n"
    "  --net                sockets may reach any address (default: socket.socket() raises\n"
    "                       OSError)\n"
    "  --net-loopback       sockets may reach this machine only (127.0.0.0/8 and ::1)\n"
    "  --sandbox            all of the --no-... options, and no sockets: only output and\n"
    "                       sys.argv remain\n"
    "  --help               print this help\n";

// --stats: the VM's memory figures, named as the C API's fields.
void print_statistics(const xipy_vm* vm) {
    xipy_heap_statistics heap{};
    xipy_side_table_statistics tables{};
    if (xipy_vm_heap_statistics(vm, &heap) != XIPY_OK ||
        xipy_vm_side_table_statistics(vm, &tables) != XIPY_OK) {
        return;
    }
    std::fprintf(stderr,
                 "xipy stats: peak_bytes_in_use=%zu bytes_in_use=%zu limit_bytes=%zu "
                 "stack_bytes=%zu bytes_allocated=%llu allocations=%llu collections=%llu\n",
                 heap.peak_bytes_in_use, heap.bytes_in_use, heap.limit_bytes, heap.stack_bytes,
                 static_cast<unsigned long long>(heap.bytes_allocated),
                 static_cast<unsigned long long>(heap.allocations),
                 static_cast<unsigned long long>(heap.collections));
    std::fprintf(stderr,
                 "xipy stats: name_cache_bytes=%zu name_caches=%zu class_lookup_bytes=%zu "
                 "spare_page_bytes=%zu peak_spare_page_bytes=%zu\n",
                 tables.name_cache_bytes, tables.name_caches, tables.class_lookup_bytes,
                 tables.spare_page_bytes, tables.peak_spare_page_bytes);
}

int usage_error(const std::string& reason) {
    std::fprintf(stderr, "xipy run: %s\n%s", reason.c_str(), run_usage.data());
    return exit_usage;
}

// Parses a decimal count with an optional K or M suffix (binary units); nothing on overflow,
// zero or junk.
std::optional<std::uint64_t> parse_size(std::string_view text, bool allow_suffix) {
    std::uint64_t multiplier = 1;
    if (allow_suffix && !text.empty()) {
        const char last = text.back();
        if (last == 'K' || last == 'k') {
            multiplier = 1024;
        } else if (last == 'M' || last == 'm') {
            multiplier = 1024 * 1024;
        }
        if (multiplier != 1) {
            text.remove_suffix(1);
        }
    }
    if (text.empty()) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    constexpr std::uint64_t largest = std::numeric_limits<std::uint64_t>::max();
    for (char digit : text) {
        if (digit < '0' || digit > '9') {
            return std::nullopt;
        }
        const auto digit_value = static_cast<std::uint64_t>(digit - '0');
        if (value > (largest - digit_value) / 10) {
            return std::nullopt;
        }
        value = value * 10 + digit_value;
    }
    if (value == 0 || value > largest / multiplier) {
        return std::nullopt;
    }
    return value * multiplier;
}

// The VM a SIGINT interrupts. A signal handler can reach nothing else, so this one piece of
// process-wide state is unavoidable; it is only set while a run is in progress.
std::atomic<xipy_vm*> interrupted_vm{nullptr};
static_assert(std::atomic<xipy_vm*>::is_always_lock_free, "signal handlers need lock-free");

extern "C" void interrupt_running_vm(int) { xipy_vm_interrupt(interrupted_vm.load()); }

void write_stdout(void*, const char* data, std::size_t length) {
    std::fwrite(data, 1, length, stdout);
}

// One byte of standard input, unbuffered so nothing past the line input() returns is consumed
// by the process. SIGINT is installed without SA_RESTART, so Ctrl-C ends a blocked read: it
// answers "end" and the VM then raises the pending KeyboardInterrupt.
int read_stdin(void*) {
    // input() prompts without a newline; show the prompt before waiting for the user.
    std::fflush(stdout);
    unsigned char byte = 0;
    return ::read(STDIN_FILENO, &byte, 1) == 1 ? byte : -1;
}

void write_stderr(void*, const char* data, std::size_t length) {
    // Keep the order the program wrote in when both streams go to one terminal or file.
    std::fflush(stdout);
    std::fwrite(data, 1, length, stderr);
}

// Everything a file descriptor gives until its end.
std::string read_all(int descriptor) {
    std::string text;
    char block[4096];
    for (;;) {
        const ssize_t count = ::read(descriptor, block, sizeof block);
        if (count > 0) {
            text.append(block, static_cast<std::size_t>(count));
        } else if (count < 0 && errno == EINTR) {
            continue;
        } else {
            return text;
        }
    }
}

// -X compile-only: compiles `source` (the file at `name` when it is not given) as the run
// would, and reports a compile error as the run's traceback would; nothing runs.
int compile_without_running(std::optional<std::string> source, const std::string& name,
                            unsigned optimisation_level, std::size_t memory_limit) {
    if (!source) {
        auto opened = FileMapping::open(name);
        if (!opened) {
            std::fprintf(stderr, "xipy: %s: %s\n", name.c_str(), opened.error().describe().c_str());
            return exit_usage;
        }
        const auto bytes = opened->bytes();
        source.emplace(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    compiler::CompileOptions options;
    options.optimisation = optimisation_level;
    options.memory_limit = memory_limit;
    const compiler::CompileResult result = compiler::compile_source(*source, name, options);
    if (!result.ok()) {
        print_compile_error(result.error(), name, name);
        return exit_failure;
    }
    return exit_success;
}

// -O: the level lives where micropython.opt_level() keeps it, so compiling the program, its
// .py imports, exec() and eval() all see it, as in MicroPython. Set through the same call a
// program would make, without binding a name in __main__.
bool set_optimisation_level(xipy_vm* vm, unsigned level) {
    const std::string statement =
        "__import__('micropython').opt_level(" + std::to_string(level) + ")";
    return xipy_vm_run_source(vm, statement.data(), statement.size(), "<stdin>",
                              XIPY_SOURCE_FILE) == XIPY_OK;
}

// Whether MICROPYINSPECT is set (not empty) once the program has ended, in the process's
// environment or by the program's os.putenv(): then the REPL starts, as with -i.
bool inspection_requested(xipy_vm* vm) {
    const char* variable = std::getenv("MICROPYINSPECT");
    if (variable != nullptr && variable[0] != '\0') {
        return true;
    }
    const xipy_scope scope = xipy_scope_begin(vm);
    xipy_value os;
    xipy_value getenv;
    xipy_value value;
    const xipy_value name = xipy_str(vm, "MICROPYINSPECT", 14);
    const char* text = nullptr;
    size_t length = 0;
    const bool requested =
        xipy_import(vm, "os", &os) == XIPY_OK &&
        xipy_get_attribute(vm, os, "getenv", &getenv) == XIPY_OK &&
        xipy_call(vm, getenv, &name, 1, nullptr, nullptr, 0, &value) == XIPY_OK &&
        xipy_to_str(vm, value, &text, &length) == XIPY_OK && length != 0;
    xipy_clear_exception(vm);
    xipy_scope_end(vm, scope);
    return requested;
}

}  // namespace

int run_run_command(std::span<const std::string_view> arguments) {
    xipy_config config;
    xipy_config_init(&config);
    // Testing aid, hidden from the usage text: the environment form lets tools that only
    // know `xipy run FILE` (tools/run_conformance.py) run a whole corpus under GC stress.
    const char* gc_stress = std::getenv("XIPY_GC_STRESS");
    if (gc_stress != nullptr && std::string_view(gc_stress) == "1") {
        config.collect_on_every_allocation = 1;
    }
    std::vector<std::string> program_arguments;
    // A command-line program is the user's own, so it gets what micropython's unix port has,
    // its files limited to the current directory (or --fs-root) unless --no-fs.
    std::string filesystem_root = ".";
    std::vector<std::string> module_folders;
    std::vector<std::string> romfs_images;
    std::optional<std::string> main_module;
    std::optional<std::string> command;
    bool inspect = false;
    bool compile_only = false;
    bool statistics = false;  // --stats
    unsigned optimisation_level = 0;
    bool filesystem_write = false;
    bool environment = true;
    bool clock = true;
    bool standard_input = true;
    bool threads = true;
    // Sockets reach other machines, so they are asked for, as writing files is.
    int network = XIPY_NETWORK_NONE;
    std::size_t index = 0;
    // Options come before the file; everything after the file belongs to the program.
    for (; index < arguments.size(); ++index) {
        std::string_view argument = arguments[index];
        if (argument == "--help" || argument == "-h") {
            std::fputs(run_usage.data(), stdout);
            return exit_success;
        }
        if (argument == "--") {
            ++index;
            break;
        }
        // Hidden (not in the usage text): the conformance run's GC stress step uses it.
        if (argument == "--gc-stress") {
            config.collect_on_every_allocation = 1;
            continue;
        }
        if (argument == "--no-side-tables") {
            config.side_tables = 0;
            continue;
        }
        if (argument == "--stats") {
            statistics = true;
            continue;
        }
        if (argument == "--fs-root") {
            if (index + 1 == arguments.size() || arguments[index + 1].empty()) {
                return usage_error("--fs-root needs a directory");
            }
            filesystem_root = std::string(arguments[++index]);
            continue;
        }
        if (argument == "--path" || argument == "--romfs") {
            if (index + 1 == arguments.size() || arguments[index + 1].empty()) {
                return usage_error(std::string(argument) + " needs a value");
            }
            (argument == "--path" ? module_folders : romfs_images).emplace_back(arguments[++index]);
            continue;
        }
        if (argument == "-m") {
            if (index + 1 == arguments.size() || arguments[index + 1].empty()) {
                return usage_error("-m needs a module name");
            }
            main_module = std::string(arguments[++index]);
            ++index;
            break;
        }
        if (argument == "-c") {
            if (index + 1 == arguments.size()) {
                return usage_error("-c needs the code to run");
            }
            command = std::string(arguments[++index]);
            ++index;
            break;
        }
        if (argument == "-i") {
            inspect = true;
            continue;
        }
        if (argument == "-X") {
            if (index + 1 == arguments.size() || arguments[index + 1] != "compile-only") {
                return usage_error("-X takes compile-only");
            }
            ++index;
            compile_only = true;
            continue;
        }
        if (argument.starts_with("-O")) {
            // As micropython: -O3 is level 3, and -O, -OO, -OOO count their O's.
            const std::string_view level = argument.substr(2);
            if (level.size() == 1 && level[0] >= '0' && level[0] <= '9') {
                optimisation_level = static_cast<unsigned>(level[0] - '0');
            } else if (level.find_first_not_of('O') == std::string_view::npos) {
                optimisation_level = static_cast<unsigned>(argument.size() - 1);
            } else {
                return usage_error("bad optimisation level " + std::string(argument));
            }
            continue;
        }
        if (argument == "--no-fs" || argument == "--sandbox") {
            filesystem_root.clear();
        }
        if (argument == "--no-env" || argument == "--sandbox") {
            environment = false;
        }
        if (argument == "--no-clock" || argument == "--sandbox") {
            clock = false;
        }
        if (argument == "--no-stdin" || argument == "--sandbox") {
            standard_input = false;
        }
        if (argument == "--no-threads" || argument == "--sandbox") {
            threads = false;
        }
        if (argument == "--fs-write") {
            filesystem_write = true;
        }
        if (argument == "--net" || argument == "--net-loopback" || argument == "--sandbox") {
            network = argument == "--net"            ? XIPY_NETWORK_ANY
                      : argument == "--net-loopback" ? XIPY_NETWORK_LOOPBACK
                                                     : XIPY_NETWORK_NONE;
        }
        if (argument == "--no-fs" || argument == "--no-env" || argument == "--no-clock" ||
            argument == "--no-stdin" || argument == "--no-threads" || argument == "--sandbox" ||
            argument == "--fs-write" || argument == "--net" || argument == "--net-loopback") {
            continue;
        }
        if (argument == "--max-steps") {
            if (index + 1 == arguments.size()) {
                return usage_error("--max-steps needs a value");
            }
            const std::string_view value = arguments[++index];
            const auto parsed = parse_size(value, false);
            if (!parsed) {
                return usage_error("bad value for --max-steps: " + std::string(value));
            }
            config.max_steps = *parsed;
            continue;
        }
        if (argument == "--heap-size" || argument == "--max-depth") {
            if (index + 1 == arguments.size()) {
                return usage_error(std::string(argument) + " needs a value");
            }
            const std::string_view value = arguments[++index];
            const bool heap = argument == "--heap-size";
            const auto parsed = parse_size(value, heap);
            const std::uint64_t largest = heap ? std::numeric_limits<std::size_t>::max()
                                               : std::numeric_limits<std::uint32_t>::max();
            if (!parsed || *parsed > largest) {
                return usage_error("bad value for " + std::string(argument) + ": " +
                                   std::string(value));
            }
            if (heap) {
                config.heap_limit_bytes = static_cast<std::size_t>(*parsed);
            } else {
                config.max_depth = static_cast<std::uint32_t>(*parsed);
            }
            continue;
        }
        if (argument.size() > 1 && argument.front() == '-') {
            return usage_error("unknown option " + std::string(argument));
        }
        break;
    }
    // Neither a file, -m nor -c: the REPL, or standard input run as a file when it is no
    // terminal, as the unix port does.
    const bool no_program = !main_module && !command && index == arguments.size();
    if (main_module) {
        // As micropython -m: sys.argv[0] is the module's name until it is found.
        program_arguments.push_back(*main_module);
    } else if (command) {
        program_arguments.push_back("-c");
    } else if (no_program) {
        program_arguments.emplace_back();
    }
    for (; index < arguments.size(); ++index) {
        program_arguments.emplace_back(arguments[index]);
    }
    const std::string& path = program_arguments.front();
    // As micropython, any file but a .mpy is source, whatever its name.
    const bool source_file = !main_module && !command && !no_program && !path.ends_with(".mpy");
    const bool repl = no_program && (inspect || ::isatty(STDIN_FILENO) == 1);
    if (no_program && !repl) {
        // The source is read before the program may read standard input itself.
        command = read_all(STDIN_FILENO);
    }

    if (compile_only) {
        if (main_module || (!command && !source_file)) {
            return usage_error("-X compile-only needs a .py file, -c CODE or standard input");
        }
        return compile_without_running(command ? *command : std::optional<std::string>(),
                                       command ? "<stdin>" : path, optimisation_level,
                                       config.heap_limit_bytes);
    }

    std::optional<FileMapping> mapping;
    if (!main_module && !command && !no_program) {
        auto opened = FileMapping::open(path);
        if (!opened) {
            std::fprintf(stderr, "xipy: %s: %s\n", path.c_str(), opened.error().describe().c_str());
            return exit_usage;
        }
        mapping.emplace(std::move(*opened));
    }
    std::vector<FileMapping> images;
    for (const std::string& image : romfs_images) {
        auto opened = FileMapping::open(image);
        if (!opened) {
            std::fprintf(stderr, "xipy: %s: %s\n", image.c_str(),
                         opened.error().describe().c_str());
            return exit_usage;
        }
        images.push_back(std::move(*opened));
    }
    std::vector<const char*> argument_values;
    for (const std::string& argument : program_arguments) {
        argument_values.push_back(argument.c_str());
    }
    config.argument_count = static_cast<int>(argument_values.size());
    config.argument_values = argument_values.data();
    config.write_stdout = write_stdout;
    config.write_stderr = write_stderr;
    config.filesystem_root = filesystem_root.c_str();
    config.allow_filesystem_write = filesystem_write ? 1 : 0;
    config.allow_clock = clock ? 1 : 0;
    config.allow_environment = environment ? 1 : 0;
    config.allow_threads = threads ? 1 : 0;
    config.allow_network = network;
    config.read_stdin = standard_input ? read_stdin : nullptr;

    xipy_vm* vm = nullptr;
    const xipy_status created = xipy_vm_create(&config, &vm);
    if (created == XIPY_INVALID_ARGUMENT && !filesystem_root.empty()) {
        std::fprintf(stderr, "xipy: %s: not a directory\n", filesystem_root.c_str());
        return exit_usage;
    }
    if (created != XIPY_OK) {
        std::fprintf(stderr, "xipy: cannot create a VM: %s\n", xipy_status_name(created));
        return exit_usage;
    }
    // sys.path as micropython builds it: the main file's folder first (spelled as given,
    // "" for the current one), then the extra folders, then a mounted image's /rom, /rom/lib.
    std::vector<std::string> folders;
    if (!main_module && !command && !no_program) {
        const std::size_t slash = path.rfind('/');
        folders.push_back(slash == std::string::npos ? std::string() : path.substr(0, slash + 1));
        if (folders.back().size() > 1) {
            folders.back().pop_back();
        }
    } else {
        folders.emplace_back();
    }
    folders.insert(folders.end(), module_folders.begin(), module_folders.end());
    for (const std::string& folder : folders) {
        if (xipy_vm_add_module_folder(vm, folder.c_str()) != XIPY_OK) {
            std::fprintf(stderr, "xipy: %s: not a directory\n", folder.c_str());
            xipy_vm_destroy(vm);
            return exit_usage;
        }
    }
    for (std::size_t image = 0; image < images.size(); ++image) {
        const auto bytes = images[image].bytes();
        const char* point = image == 0 ? "/rom" : nullptr;
        std::string numbered = "/rom" + std::to_string(image);
        if (xipy_vm_mount_romfs(vm, bytes.data(), bytes.size(),
                                point != nullptr ? point : numbered.c_str()) != XIPY_OK) {
            std::fprintf(stderr, "xipy: %s: %s\n", romfs_images[image].c_str(),
                         xipy_vm_load_error(vm));
            xipy_vm_destroy(vm);
            return exit_usage;
        }
    }
    if (optimisation_level != 0 && !set_optimisation_level(vm, optimisation_level)) {
        std::fprintf(stderr, "xipy: cannot set the optimisation level\n");
        xipy_vm_destroy(vm);
        return exit_usage;
    }
    interrupted_vm.store(vm);
    struct sigaction interrupt_action {};
    interrupt_action.sa_handler = interrupt_running_vm;
    sigemptyset(&interrupt_action.sa_mask);
    interrupt_action.sa_flags = 0;  // no SA_RESTART: a blocked read returns on Ctrl-C
    struct sigaction previous_action {};
    ::sigaction(SIGINT, &interrupt_action, &previous_action);
    xipy_status status = XIPY_OK;
    if (main_module) {
        status = xipy_vm_run_module(vm, main_module->c_str());
    } else if (command) {
        status =
            xipy_vm_run_source(vm, command->data(), command->size(), "<stdin>", XIPY_SOURCE_FILE);
    } else if (source_file) {
        const auto bytes = mapping->bytes();
        status = xipy_vm_run_source(vm, reinterpret_cast<const char*>(bytes.data()), bytes.size(),
                                    path.c_str(), XIPY_SOURCE_FILE);
    } else if (!repl) {
        const auto bytes = mapping->bytes();
        status = xipy_vm_run_mpy_file(vm, bytes.data(), bytes.size(), path.c_str());
    }
    if (!repl && !inspect && status != XIPY_BAD_IMAGE) {
        inspect = inspection_requested(vm);
    }
    if (repl || inspect) {
        // After a program, as `micropython -i`: its exception is reported and the REPL starts
        // unless it raised SystemExit.
        std::fflush(stdout);
        const bool exited = status == XIPY_EXCEPTION &&
                            std::string_view(xipy_vm_exception_type(vm)) == "SystemExit";
        if (!repl || !exited) {
            if (status != XIPY_OK) {
                std::fputs(xipy_vm_exit_report(vm), stderr);
            }
        }
        if (!exited) {
            const int exit_code = run_repl(vm);
            ::sigaction(SIGINT, &previous_action, nullptr);
            interrupted_vm.store(nullptr);
            if (statistics) {
                print_statistics(vm);
            }
            xipy_vm_destroy(vm);
            std::fflush(stdout);
            return exit_code;
        }
    }
    ::sigaction(SIGINT, &previous_action, nullptr);
    interrupted_vm.store(nullptr);
    std::fflush(stdout);
    if (status == XIPY_BAD_IMAGE) {
        std::fprintf(stderr, "xipy: %s: %s\n", path.c_str(), xipy_vm_load_error(vm));
    } else {
        std::fputs(xipy_vm_exit_report(vm), stderr);
    }
    const int exit_code = status == XIPY_OK || status == XIPY_EXCEPTION || status == XIPY_STEP_LIMIT
                              ? xipy_vm_exit_code(vm)
                              : exit_usage;
    if (statistics) {
        print_statistics(vm);
    }
    xipy_vm_destroy(vm);
    if (std::fflush(stdout) != 0) {
        return exit_failure;
    }
    return exit_code;
}

}  // namespace xipy::cli
