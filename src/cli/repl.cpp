// The REPL: prompts, continuation lines, paste mode and running each statement in __main__.
#include "cli/repl.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/line_editor.hpp"

namespace xipy::cli {

namespace {

bool starts_with_word(std::string_view text, std::string_view word) {
    if (text.substr(0, word.size()) != word) {
        return false;
    }
    if (text.size() == word.size()) {
        return true;
    }
    const char next = text[word.size()];
    return !(next == '_' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
             (next >= '0' && next <= '9'));
}

// The terminal's settings while a line is read: no echo, no line buffering and no signals
// (Ctrl-C arrives as a byte), output processing kept, as the unix port's raw mode. Restored
// while a statement runs, so Ctrl-C is SIGINT there. Switching never drops typed-ahead input.
class RawTerminal {
  public:
    explicit RawTerminal(int descriptor) : descriptor_(descriptor) {
        active_ = ::tcgetattr(descriptor_, &original_) == 0;
    }
    void enter() {
        if (!active_) {
            return;
        }
        termios raw = original_;
        raw.c_iflag &= static_cast<tcflag_t>(~(BRKINT | INPCK | ISTRIP | IXON));
        raw.c_cflag = static_cast<tcflag_t>((raw.c_cflag & ~(CSIZE | PARENB)) | CS8);
        raw.c_lflag = 0;
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        ::tcsetattr(descriptor_, TCSANOW, &raw);
    }
    void leave() {
        if (active_) {
            ::tcsetattr(descriptor_, TCSANOW, &original_);
        }
    }

  private:
    int descriptor_;
    termios original_{};
    bool active_ = false;
};

// The attribute names of the object `path` (dotted, from __main__'s globals; "" for __main__
// itself), sorted, as dir() gives them; nothing when a part is missing.
std::optional<std::vector<std::string>> attribute_names(xipy_vm* vm, std::string_view path) {
    const xipy_scope scope = xipy_scope_begin(vm);
    std::optional<std::vector<std::string>> names;
    xipy_value object;
    xipy_value builtins;
    xipy_value dir;
    bool found = xipy_import(vm, "__main__", &object) == XIPY_OK;
    if (!found && path.empty()) {
        // Before the first statement ran there is no __main__ yet: no names, so far.
        xipy_clear_exception(vm);
        xipy_scope_end(vm, scope);
        return std::vector<std::string>{};
    }
    for (std::size_t start = 0; found && start < path.size();) {
        std::size_t end = path.find('.', start);
        end = end == std::string_view::npos ? path.size() : end;
        const std::string word(path.substr(start, end - start));
        found = xipy_get_attribute(vm, object, word.c_str(), &object) == XIPY_OK;
        start = end + 1;
    }
    xipy_value listed;
    size_t count = 0;
    if (found && xipy_import(vm, "builtins", &builtins) == XIPY_OK &&
        xipy_get_attribute(vm, builtins, "dir", &dir) == XIPY_OK &&
        xipy_call(vm, dir, &object, 1, nullptr, nullptr, 0, &listed) == XIPY_OK &&
        xipy_length(vm, listed, &count) == XIPY_OK) {
        names.emplace();
        for (size_t index = 0; index < count; ++index) {
            xipy_value item;
            const char* text = nullptr;
            size_t length = 0;
            if (xipy_get_item(vm, listed, xipy_int(vm, static_cast<int64_t>(index)), &item) ==
                    XIPY_OK &&
                xipy_to_str(vm, item, &text, &length) == XIPY_OK) {
                names->emplace_back(text, length);
            }
        }
        std::sort(names->begin(), names->end());
    }
    xipy_clear_exception(vm);
    xipy_scope_end(vm, scope);
    return names;
}

// The prompt sys.ps1 or sys.ps2 holds (a program may change them, as in MicroPython);
// `fallback` when it is not a str.
std::string prompt(xipy_vm* vm, const char* name, const char* fallback) {
    const xipy_scope scope = xipy_scope_begin(vm);
    std::string text = fallback;
    xipy_value sys;
    xipy_value value;
    const char* data = nullptr;
    size_t length = 0;
    if (xipy_import(vm, "sys", &sys) == XIPY_OK &&
        xipy_get_attribute(vm, sys, name, &value) == XIPY_OK &&
        xipy_to_str(vm, value, &data, &length) == XIPY_OK) {
        text.assign(data, length);
    }
    xipy_clear_exception(vm);
    xipy_scope_end(vm, scope);
    return text;
}

}  // namespace

bool statement_continues(std::string_view input) {
    if (input.empty()) {
        return false;
    }
    const bool compound = input.front() == '@' || starts_with_word(input, "if") ||
                          starts_with_word(input, "while") || starts_with_word(input, "for") ||
                          starts_with_word(input, "try") || starts_with_word(input, "with") ||
                          starts_with_word(input, "def") || starts_with_word(input, "class") ||
                          starts_with_word(input, "async");
    // Brackets count outside quotes; a quote opens with ' " ''' or """ and closes with the same.
    enum class Quote { none, single, double_, triple_single, triple_double };
    Quote quote = Quote::none;
    int brackets = 0;
    int parentheses = 0;
    int braces = 0;
    for (std::size_t index = 0; index < input.size(); ++index) {
        const char character = input[index];
        const bool tripled = index + 2 < input.size() && input[index + 1] == character &&
                             input[index + 2] == character;
        if (character == '\'' || character == '"') {
            const Quote one = character == '\'' ? Quote::single : Quote::double_;
            const Quote three = character == '\'' ? Quote::triple_single : Quote::triple_double;
            if ((quote == Quote::none || quote == three) && tripled) {
                index += 2;
                quote = quote == three ? Quote::none : three;
            } else if (quote == Quote::none || quote == one) {
                quote = quote == one ? Quote::none : one;
            }
        } else if (character == '\\' && index + 1 < input.size() &&
                   (input[index + 1] == '\'' || input[index + 1] == '"' ||
                    input[index + 1] == '\\')) {
            if (quote != Quote::none) {
                ++index;
            }
        } else if (quote == Quote::none) {
            parentheses += character == '(' ? 1 : character == ')' ? -1 : 0;
            brackets += character == '[' ? 1 : character == ']' ? -1 : 0;
            braces += character == '{' ? 1 : character == '}' ? -1 : 0;
        }
    }
    if (quote == Quote::triple_single || quote == Quote::triple_double) {
        return true;
    }
    if ((parentheses > 0 || brackets > 0 || braces > 0) && quote == Quote::none) {
        return true;
    }
    if (input.back() == '\\') {
        return true;
    }
    return compound && input.back() != '\n';
}

int run_repl(xipy_vm* vm) {
    LineEditor editor(STDIN_FILENO, STDOUT_FILENO);
    editor.set_name_lister([vm](std::string_view path) { return attribute_names(vm, path); });
    RawTerminal terminal(STDIN_FILENO);
    std::fflush(stdout);
    editor.write("xipy " + std::string(xipy_version()) +
                 " (MicroPython 1.29 language) on linux; version\r\n"
                 "Use Ctrl-D to exit, Ctrl-E for paste mode\r\n");
    std::string statement;
    for (;;) {
        statement.clear();
        terminal.enter();
        LineEnding ending = editor.read(statement, prompt(vm, "ps1", ">>> "));
        xipy_source_kind kind = XIPY_SOURCE_STATEMENT;
        if (ending == LineEnding::interrupt) {
            terminal.leave();
            editor.write("\r\n");
            continue;
        }
        if (ending == LineEnding::end_of_input) {
            terminal.leave();
            editor.write("\r\n");
            return exit_success;
        }
        if (ending == LineEnding::other_control) {
            terminal.leave();
            editor.write("\n");
            continue;
        }
        bool cancelled = false;
        if (ending == LineEnding::paste) {
            // Paste mode: every byte as typed, until Ctrl-D runs it all as a module.
            editor.write("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
            for (;;) {
                const int byte = editor.read_byte();
                if (byte == 3) {
                    editor.write("\r\n");
                    cancelled = true;
                    break;
                }
                if (byte < 0 || byte == 4) {
                    editor.write("\r\n");
                    break;
                }
                if (byte == '\r') {
                    statement += '\n';
                    editor.write("\r\n=== ");
                } else {
                    statement += static_cast<char>(byte);
                    editor.write(std::string(1, static_cast<char>(byte)));
                }
            }
            kind = XIPY_SOURCE_FILE;
        } else if (statement.empty()) {
            terminal.leave();
            continue;
        } else {
            while (statement_continues(statement)) {
                statement += '\n';
                ending = editor.read(statement, prompt(vm, "ps2", "... "));
                if (ending == LineEnding::interrupt) {
                    editor.write("\r\n");
                    cancelled = true;
                    break;
                }
                if (ending == LineEnding::end_of_input) {
                    break;  // Ctrl-D ends a compound statement early
                }
            }
        }
        terminal.leave();
        if (cancelled) {
            continue;
        }
        const xipy_status status =
            xipy_vm_run_source(vm, statement.data(), statement.size(), "<stdin>", kind);
        std::fflush(stdout);
        if (status == XIPY_EXCEPTION &&
            std::string_view(xipy_vm_exception_type(vm)) == "SystemExit") {
            std::fputs(xipy_vm_exit_report(vm), stderr);
            return xipy_vm_exit_code(vm);
        }
        std::fputs(xipy_vm_exit_report(vm), stderr);
        std::fflush(stderr);
    }
}

}  // namespace xipy::cli
