// The xipy program: finds the subcommand named on the command line and runs it.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.hpp"
#include "xipy/xipy.h"

namespace xipy::cli {

namespace {

constexpr std::array<Command, 6> commands = {{
    {"run", "run a .mpy or .py file, a module (-m), source (-c), or the REPL", run_run_command},
    {"compile", "compile a .py file to .mpy, as mpy-cross does", run_compile_command},
    {"dis", "print the disassembly of a .mpy file", run_dis_command},
    {"verify", "check a .mpy file's bytecode before running it", run_verify_command},
    {"romfs", "ROMFS images: build SRC_DIR [-o IMAGE], ls IMAGE, extract IMAGE DIR",
     run_romfs_command},
    {"embed", "write a file's bytes as a C array header", run_embed_command},
}};

void print_usage(std::FILE* stream) {
    std::fputs(
        "usage: xipy COMMAND [OPTIONS] [ARGUMENTS]\n"
        "       xipy [-i] [-O[N]] [-X compile-only] [-c CODE | -m MODULE | FILE.py | FILE.mpy]\n"
        "            [ARGS...]\n"
        "                                  (as `xipy run`; no arguments: the REPL)\n"
        "       xipy --help | --version\n"
        "Runs, inspects and compiles MicroPython .mpy v6 files.\n"
        "commands:\n",
        stream);
    for (const Command& command : commands) {
        std::fprintf(stream, "  %-8.*s %.*s\n", static_cast<int>(command.name.size()),
                     command.name.data(), static_cast<int>(command.summary.size()),
                     command.summary.data());
    }
    std::fputs("Run `xipy COMMAND --help` for a command's options.\n", stream);
}

int run(std::span<const std::string_view> arguments) {
    // As `micropython`: no command is the REPL, a file name runs it, and -c, -i, -m are
    // `xipy run`'s.
    if (arguments.empty() || arguments.front() == "-c" || arguments.front() == "-i" ||
        arguments.front() == "-m" || arguments.front() == "-X" ||
        arguments.front().starts_with("-O") || arguments.front().ends_with(".py") ||
        arguments.front().ends_with(".mpy")) {
        return run_run_command(arguments);
    }
    const std::string_view first = arguments.front();
    if (first == "--help" || first == "-h") {
        print_usage(stdout);
        return exit_success;
    }
    if (first == "--version") {
        std::printf("xipy %s\n", xipy_version());
        return exit_success;
    }
    for (const Command& command : commands) {
        if (command.name == first) {
            return command.run(arguments.subspan(1));
        }
    }
    if (first == "parse") {
        // Hidden from --help: a debugging aid for the compiler's parse-tree checks.
        return run_parse_command(arguments.subspan(1));
    }
    if (!first.starts_with("-") && ::access(std::string(first).c_str(), F_OK) == 0) {
        // As micropython, a file of any name is a program to run.
        return run_run_command(arguments);
    }
    std::fprintf(stderr, "xipy: unknown command '%.*s'\n", static_cast<int>(first.size()),
                 first.data());
    print_usage(stderr);
    return exit_usage;
}

}  // namespace

}  // namespace xipy::cli

int main(int argument_count, char** argument_values) {
    std::vector<std::string_view> arguments;
    for (int index = 1; index < argument_count; ++index) {
        arguments.emplace_back(argument_values[index]);
    }
    return xipy::cli::run(arguments);
}
