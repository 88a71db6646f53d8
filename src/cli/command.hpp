// The subcommands of the xipy program and how the dispatcher finds them.
#pragma once

#include <span>
#include <string_view>

namespace xipy::compiler {
struct CompileError;
}

namespace xipy::cli {

// Exit statuses shared by every subcommand.
inline constexpr int exit_success = 0;
inline constexpr int exit_failure = 1;  // the input was bad or the program failed
inline constexpr int exit_usage = 2;    // the command line was bad

// One subcommand. `run` receives the arguments after the subcommand's name.
// Adding a subcommand means writing its run function and adding one entry
// to the table in main.cpp.
struct Command {
    std::string_view name;
    std::string_view summary;  // one line for `xipy --help`
    int (*run)(std::span<const std::string_view> arguments);
};

int run_embed_command(std::span<const std::string_view> arguments);
int run_dis_command(std::span<const std::string_view> arguments);
int run_romfs_command(std::span<const std::string_view> arguments);
int run_run_command(std::span<const std::string_view> arguments);
int run_verify_command(std::span<const std::string_view> arguments);
int run_parse_command(std::span<const std::string_view> arguments);
int run_compile_command(std::span<const std::string_view> arguments);

// Prints a compile error to stderr as MicroPython's traceback: the file line names
// `parsed_file` for an error the parser found and `source_name` for one of the compile pass
// (which also names the function it was in).
void print_compile_error(const compiler::CompileError& error, std::string_view parsed_file,
                         std::string_view source_name);

}  // namespace xipy::cli
