// `xipy compile FILE.py`: compiles Python source to a .mpy file, as mpy-cross does.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/command.hpp"
#include "compiler/compile.hpp"
#include "image/format.hpp"

namespace xipy::cli {

namespace {

constexpr const char* compile_usage =
    "usage: xipy compile [OPTIONS] FILE.py   (FILE - reads standard input)\n"
    "Compiles Python source to a .mpy v6 file, byte for byte as MicroPython's mpy-cross.\n"
    "options (mpy-cross's):\n"
    "  -o OUT.mpy              output file (default: FILE.mpy beside FILE.py)\n"
    "  -s NAME                 source name recorded in the file (default: FILE as given)\n"
    "  -O[N]                   optimisation level N (default 1 when N is left out): above 0\n"
    "                          drops asserts and makes __debug__ False; 3 drops line numbers\n"
    "  -msmall-int-bits=N      small-int width of the target (default 31)\n"
    "  -X emit=bytecode        the only emitter xipy has\n"
    "  -X source-lines | -X no-source-lines\n"
    "  --version               print the .mpy version written\n"
    "xipy's own:\n"
    "  --mode file|single|eval  what the source is, as Python's compile(): a module\n"
    "                          (default), one REPL statement (expression values are\n"
    "                          printed) or one expression (whose value is returned)\n";

bool parse_unsigned(std::string_view text, unsigned& value) {
    if (text.empty() || text.size() > 4) {
        return false;
    }
    value = 0;
    for (char digit : text) {
        if (digit < '0' || digit > '9') {
            return false;
        }
        value = value * 10 + static_cast<unsigned>(digit - '0');
    }
    return true;
}

int usage_error(const char* message) {
    std::fprintf(stderr, "xipy compile: %s\n%s", message, compile_usage);
    return exit_usage;
}

}  // namespace

void print_compile_error(const compiler::CompileError& error, std::string_view parsed_file,
                         std::string_view source_name) {
    const std::string_view type = compiler::compile_error_type(error.kind);
    std::fputs("Traceback (most recent call last):\n", stderr);
    if (error.line != 0) {
        const std::string_view file = error.scope.empty() ? parsed_file : source_name;
        std::fprintf(stderr, "  File \"%.*s\", line %zu", static_cast<int>(file.size()),
                     file.data(), error.line);
        if (!error.scope.empty()) {
            std::fprintf(stderr, ", in %s", error.scope.c_str());
        }
        std::fputs("\n", stderr);
    }
    std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(type.size()), type.data(),
                 error.message.c_str());
}

int run_compile_command(std::span<const std::string_view> arguments) {
    compiler::CompileOptions options;
    std::string output;
    std::string source_name;
    bool have_source_name = false;
    bool line_numbers = true;
    std::string input;
    for (std::size_t position = 0; position < arguments.size(); ++position) {
        const std::string_view argument = arguments[position];
        if (argument == "--help" || argument == "-h") {
            std::fputs(compile_usage, stdout);
            return exit_success;
        }
        if (argument == "--version") {
            // Bytecode-only files carry no sub-version (the feature byte's bits stay 0), as
            // mpy-cross writes them.
            std::printf("xipy compile emitting mpy v%u (bytecode, no native code)\n",
                        static_cast<unsigned>(image::format::major_version));
            return exit_success;
        }
        if (argument == "--mode") {
            if (position + 1 == arguments.size()) {
                return usage_error("option needs a value");
            }
            const std::string_view mode = arguments[++position];
            if (mode == "file") {
                options.input = compiler::InputKind::file;
            } else if (mode == "single") {
                options.input = compiler::InputKind::single;
            } else if (mode == "eval") {
                options.input = compiler::InputKind::eval;
            } else {
                return usage_error("--mode is file, single or eval");
            }
            continue;
        }
        if (argument == "-o" || argument == "-s" || argument == "-X") {
            if (position + 1 == arguments.size()) {
                return usage_error("option needs a value");
            }
            const std::string_view value = arguments[++position];
            if (argument == "-o") {
                output = std::string(value);
            } else if (argument == "-s") {
                source_name = std::string(value);
                have_source_name = true;
            } else if (value == "emit=bytecode" || value == "source-lines") {
                line_numbers = true;
            } else if (value == "no-source-lines") {
                line_numbers = false;
            } else if (value.substr(0, 5) == "emit=") {
                return usage_error("only emit=bytecode is supported");
            } else if (value.substr(0, 9) != "heapsize=") {
                return usage_error("unknown -X option");
            }
            continue;
        }
        if (argument.substr(0, 2) == "-O") {
            unsigned level = 1;
            if (argument.size() > 2) {
                // -O3, or -OOO as Python's repeated -O.
                if (argument.find_first_not_of('O', 1) == std::string_view::npos) {
                    level = static_cast<unsigned>(argument.size() - 1);
                } else if (!parse_unsigned(argument.substr(2), level)) {
                    return usage_error("bad -O level");
                }
            }
            options.optimisation = level;
            continue;
        }
        constexpr std::string_view bits_option = "-msmall-int-bits=";
        if (argument.substr(0, bits_option.size()) == bits_option) {
            unsigned bits = 0;
            if (!parse_unsigned(argument.substr(bits_option.size()), bits) || bits < 2 ||
                bits > 64) {
                return usage_error("bad -msmall-int-bits value");
            }
            options.small_int_bits = static_cast<std::uint8_t>(bits);
            continue;
        }
        if (argument.substr(0, 7) == "-march=") {
            return usage_error("native code (-march) is not supported");
        }
        if (argument == "--") {
            if (position + 1 < arguments.size()) {
                input = std::string(arguments[position + 1]);
            }
            break;
        }
        if (argument.size() > 1 && argument[0] == '-') {
            return usage_error("unknown option");
        }
        if (!input.empty()) {
            return usage_error("only one input file");
        }
        input = std::string(argument);
    }
    if (input.empty()) {
        return usage_error("no input file");
    }
    options.source_lines = line_numbers;
    // "-" reads standard input, named "<stdin>", and writes standard output, as mpy-cross.
    const bool from_stdin = input == "-";
    std::string source;
    if (from_stdin) {
        // Through stdio: <iostream> would make every start of the program set up its streams.
        char buffer[4096];
        std::size_t count = 0;
        while ((count = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
            source.append(buffer, count);
        }
    } else {
        std::ifstream stream(input, std::ios::binary);
        if (!stream) {
            std::fprintf(stderr, "OSError: (2, \"can't open %s\")\n", input.c_str());
            return exit_failure;
        }
        source.assign(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
    }
    if (!have_source_name) {
        source_name = from_stdin ? "<stdin>" : input;
    }
    compiler::CompileResult result = compiler::compile_source(source, source_name, options);
    if (!result.ok()) {
        // As mpy-cross: the parser names the file it read, the compile pass the name the file
        // records (-s).
        print_compile_error(result.error(), input, source_name);
        return exit_failure;
    }
    const compiler::Vector<std::uint8_t>& image = result.image();
    if (output.empty() && from_stdin) {
        std::fwrite(image.data(), 1, image.size(), stdout);
        return std::ferror(stdout) != 0 ? exit_failure : exit_success;
    }
    if (output.empty()) {
        // FILE.py becomes FILE.mpy beside it. mpy-cross replaces the last two characters
        // with "mpy" whatever they are (a.txt becomes a.tmpy), and so does this.
        output = input.substr(0, input.size() >= 2 ? input.size() - 2 : 0) + "mpy";
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(image.data()),
              static_cast<std::streamsize>(image.size()));
    if (!out) {
        std::fprintf(stderr, "OSError: (2, \"can't write %s\")\n", output.c_str());
        return exit_failure;
    }
    return exit_success;
}

}  // namespace xipy::cli
