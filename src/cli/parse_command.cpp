// `xipy parse FILE.py`: prints the parse tree of Python source, for checking the compiler.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/command.hpp"
#include "compiler/parser.hpp"

namespace xipy::cli {

// Prints the tree in MicroPython's `-v -v -v` format, or the error as MicroPython reports
// it ("SyntaxError: invalid syntax" after a "line N" note). A debugging aid for the
// compiler, left out of `xipy --help`.
int run_parse_command(std::span<const std::string_view> arguments) {
    if (arguments.size() != 1 || arguments[0] == "--help") {
        std::fputs("usage: xipy parse FILE.py\n", arguments.size() == 1 ? stdout : stderr);
        return arguments.size() == 1 ? exit_success : exit_usage;
    }
    std::string path(arguments[0]);
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        std::fprintf(stderr, "xipy: cannot open '%s'\n", path.c_str());
        return exit_failure;
    }
    std::string source((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    // The tree MicroPython's unix port prints: its small ints are 63 bits wide, so every
    // integer literal up to that width stays a leaf.
    compiler::ParseOptions options;
    options.small_int_bits = 63;
    compiler::ParseResult result = compiler::parse(source, options);
    if (!result.ok()) {
        const compiler::CompileError& error = result.error();
        std::string_view type = compiler::compile_error_type(error.kind);
        if (error.line != 0) {
            std::printf("  File \"%s\", line %zu\n", path.c_str(), error.line);
        }
        std::printf("%.*s: %s\n", static_cast<int>(type.size()), type.data(),
                    error.message.c_str());
        return exit_failure;
    }
    // fwrite, not fputs: a string leaf may hold NUL characters.
    const compiler::Text dump = compiler::dump_parse_tree(result.tree());
    std::fwrite(dump.data(), 1, dump.size(), stdout);
    return exit_success;
}

}  // namespace xipy::cli
