// LineEditor: the REPL's line editing, with MicroPython's keys, echo and auto-indent.
#include "cli/line_editor.hpp"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <optional>
#include <string>

namespace xipy::cli {

namespace {

constexpr std::size_t history_size = 8;  // MicroPython's default readline history
constexpr int control_a = 1;
constexpr int control_b = 2;
constexpr int control_c = 3;
constexpr int control_d = 4;
constexpr int control_e = 5;
constexpr int control_f = 6;
constexpr int control_k = 11;
constexpr int control_n = 14;
constexpr int control_p = 16;
constexpr int control_u = 21;
constexpr int control_w = 23;
constexpr int escape = 27;

enum class EscapeState { none, escape, bracket, bracket_digit, letter_o };

}  // namespace

int LineEditor::read_byte() {
    unsigned char byte = 0;
    for (;;) {
        const ssize_t count = ::read(input_, &byte, 1);
        if (count == 1) {
            return byte == '\n' ? '\r' : byte;
        }
        if (count < 0 && errno == EINTR) {
            continue;
        }
        return -1;
    }
}

void LineEditor::write(std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(output_, text.data(), text.size());
        if (written <= 0) {
            if (written < 0 && errno == EINTR) {
                continue;
            }
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

void LineEditor::move_back(std::size_t columns) {
    if (columns == 0) {
        return;
    }
    if (columns <= 4) {
        write(std::string_view("\b\b\b\b", columns));
    } else {
        write("\x1b[" + std::to_string(columns) + "D");
    }
}

// After a prompt: the new line starts with the previous line's indent, one level more after
// a ':'; none when the last two lines were blank (so two Enters end a block).
void LineEditor::auto_indent(std::string& buffer) {
    if (!auto_indent_enabled_ || buffer.size() < 2 || buffer.back() != '\n') {
        return;
    }
    const std::size_t previous_end = buffer.size() - 1;
    const std::size_t previous_start = buffer.rfind('\n', previous_end - 1) == std::string::npos
                                           ? 0
                                           : buffer.rfind('\n', previous_end - 1) + 1;
    std::size_t first_text = previous_start;
    while (first_text < buffer.size() && buffer[first_text] == ' ') {
        ++first_text;
    }
    if (previous_start > 0 && first_text == previous_end) {
        // The previous line is blank: no indent when the one before it is blank too.
        for (std::size_t index = previous_start - 1; index > 0; --index) {
            const char character = buffer[index - 1];
            if (character == '\n') {
                return;
            }
            if (character != ' ') {
                break;
            }
        }
    }
    std::size_t levels = (first_text - previous_start) / 4;
    if (buffer[buffer.size() - 2] == ':') {
        ++levels;
    }
    for (; levels > 0; --levels) {
        buffer += "    ";
        write("    ");
        just_indented_ = true;
    }
}

std::string LineEditor::complete(std::string_view line, bool& listed) {
    listed = false;
    if (!lister_) {
        return {};
    }
    // The dotted chain ending at the cursor: "a.b.pa" is the object a.b and the partial "pa".
    std::size_t start = line.size();
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(line[start - 1])) ||
                         line[start - 1] == '_' || line[start - 1] == '.')) {
        --start;
    }
    const std::string_view chain = line.substr(start);
    const std::size_t dot = chain.rfind('.');
    const std::string_view path = dot == std::string_view::npos ? "" : chain.substr(0, dot);
    const std::string_view partial = dot == std::string_view::npos ? chain : chain.substr(dot + 1);
    std::vector<std::string> matches;
    if (std::optional<std::vector<std::string>> names = lister_(path)) {
        for (std::string& name : *names) {
            // Private names show only when the partial asks for them.
            if (name.starts_with(partial) && (partial.starts_with('_') || !name.starts_with('_'))) {
                matches.push_back(std::move(name));
            }
        }
    } else {
        return {};
    }
    if (matches.empty()) {
        // Nothing else fits the first word of a line: it may be the start of `import`.
        constexpr std::string_view import_word = "import ";
        if (start == 0 && dot == std::string_view::npos && import_word.starts_with(partial)) {
            return std::string(import_word.substr(partial.size()));
        }
        return {};
    }
    std::size_t common = matches.front().size();
    for (const std::string& match : matches) {
        std::size_t length = 0;
        while (length < common && length < match.size() &&
               match[length] == matches.front()[length]) {
            ++length;
        }
        common = length;
    }
    if (matches.size() == 1 || common > partial.size()) {
        return matches.front().substr(partial.size(), common - partial.size());
    }
    // Several: listed in columns of 16, four to a line, as the reference lays them out.
    constexpr std::size_t column = 16;
    constexpr std::size_t line_width = 4 * column;
    std::string listing;
    std::size_t width = line_width;
    for (const std::string& match : matches) {
        std::size_t gap = (width + column - 1) / column * column - width;
        if (gap < 2) {
            gap += column;
        }
        if (width + gap + match.size() <= line_width) {
            listing.append(gap, ' ');
            listing += match;
            width += gap + match.size();
        } else {
            listing += "\n" + match;
            width = match.size();
        }
    }
    write(listing + "\n");
    listed = true;
    return {};
}

void LineEditor::push_history(std::string_view line) {
    if (line.empty() || (!history_.empty() && history_.front() == line)) {
        return;
    }
    history_.insert(history_.begin(), std::string(line));
    if (history_.size() > history_size) {
        history_.pop_back();
    }
}

LineEnding LineEditor::read(std::string& buffer, std::string_view prompt) {
    const std::size_t origin = buffer.size();
    std::size_t cursor = origin;
    int history_index = -1;
    EscapeState state = EscapeState::none;
    char escape_digit = 0;
    if (buffer.empty()) {
        auto_indent_enabled_ = true;
    }
    just_indented_ = false;
    write(prompt);
    auto_indent(buffer);
    cursor = buffer.size();
    for (;;) {
        const int byte = read_byte();
        if (byte < 0) {
            return LineEnding::end_of_input;
        }
        const std::size_t old_size = buffer.size();
        std::size_t step_back = 0;
        std::size_t step_forward = 0;
        bool redraw = false;
        // The editing actions several keys share.
        auto home = [&] { step_back = cursor - origin; };
        auto end = [&] { step_forward = buffer.size() - cursor; };
        auto left = [&] {
            if (cursor > origin) {
                step_back = 1;
            }
        };
        auto right = [&] {
            if (cursor < buffer.size()) {
                step_forward = 1;
            }
        };
        auto erase_at_cursor = [&] {
            if (cursor < buffer.size()) {
                buffer.erase(cursor, 1);
                redraw = true;
            }
        };
        auto show_history = [&](int index) {
            history_index = index;
            buffer.resize(origin);
            if (index >= 0) {
                buffer += history_[static_cast<std::size_t>(index)];
            }
            step_back = cursor - origin;
            redraw = true;
            step_forward = buffer.size() - origin;
        };
        // Columns from the cursor over the next word (and what precedes it), backwards or
        // forwards: the span Alt-B, Alt-F, Alt-D and Ctrl-W act on.
        auto word_span = [&](bool forward) {
            std::size_t position = cursor;
            bool in_word = false;
            while (forward ? position < buffer.size() : position > 0) {
                const auto character =
                    static_cast<unsigned char>(buffer[forward ? position : position - 1]);
                if (std::isalnum(character)) {
                    in_word = true;
                } else if (in_word) {
                    break;
                }
                position = forward ? position + 1 : position - 1;
            }
            return forward ? position - cursor : cursor - position;
        };
        auto kill_word_back = [&] {
            step_back = word_span(false);
            buffer.erase(cursor - step_back, step_back);
            redraw = true;
        };
        auto older = [&] {
            if (history_index + 1 < static_cast<int>(history_.size())) {
                show_history(history_index + 1);
            }
        };
        auto newer = [&] {
            if (history_index >= 0) {
                show_history(history_index - 1);
            }
        };
        if (state == EscapeState::none) {
            if (byte >= control_a && byte <= control_e && buffer.size() == origin) {
                if (byte == control_c) {
                    return LineEnding::interrupt;
                }
                if (byte == control_d) {
                    return LineEnding::end_of_input;
                }
                return byte == control_e ? LineEnding::paste : LineEnding::other_control;
            }
            if (byte == control_a) {
                home();
            } else if (byte == control_b) {
                left();
            } else if (byte == control_c) {
                return LineEnding::interrupt;
            } else if (byte == control_d) {
                erase_at_cursor();
            } else if (byte == control_e) {
                end();
            } else if (byte == control_f) {
                right();
            } else if (byte == control_k) {
                buffer.resize(cursor);
                redraw = true;
            } else if (byte == control_n) {
                newer();
            } else if (byte == control_p) {
                older();
            } else if (byte == control_w) {
                kill_word_back();
            } else if (byte == control_u) {
                buffer.erase(origin, cursor - origin);
                step_back = cursor - origin;
                redraw = true;
            } else if (byte == '\r') {
                write("\r\n");
                push_history(std::string_view(buffer).substr(origin));
                return LineEnding::line;
            } else if (byte == escape) {
                state = EscapeState::escape;
            } else if (byte == 8 || byte == 127) {
                if (cursor > origin) {
                    // Four spaces of indent go at once.
                    bool all_spaces = true;
                    for (std::size_t index = origin; index < cursor; ++index) {
                        all_spaces = all_spaces && buffer[index] == ' ';
                    }
                    const std::size_t count = all_spaces && cursor - origin >= 4 ? 4 : 1;
                    buffer.erase(cursor - count, count);
                    step_back = count;
                    redraw = true;
                }
            } else if (just_indented_ && (byte == '\t' || byte == ' ')) {
                // Typing indent by hand right after an auto-indent: a tab keeps it, a space
                // takes three of its four spaces back, and auto-indent stops.
                auto_indent_enabled_ = false;
                if (byte == ' ') {
                    step_back = 3;
                    buffer.resize(buffer.size() - 3);
                }
            } else if (byte == '\t') {
                // After whitespace a tab indents; elsewhere it completes the name before it.
                std::string insertion;
                bool listed = false;
                if (cursor > 0 && std::isspace(static_cast<unsigned char>(buffer[cursor - 1]))) {
                    insertion = "    ";
                } else {
                    insertion =
                        complete(std::string_view(buffer).substr(origin, cursor - origin), listed);
                }
                if (listed) {
                    // The matches were listed below: show the line again.
                    write(prompt);
                    write(std::string_view(buffer).substr(origin, cursor - origin));
                    redraw = true;
                } else if (!insertion.empty()) {
                    buffer.insert(cursor, insertion);
                    redraw = true;
                    step_forward = insertion.size();
                }
            } else if (byte >= 32 && byte <= 126) {
                buffer.insert(cursor, 1, static_cast<char>(byte));
                redraw = true;
                step_forward = 1;
            }
        } else if (state == EscapeState::escape) {
            state = byte == '['   ? EscapeState::bracket
                    : byte == 'O' ? EscapeState::letter_o
                                  : EscapeState::none;
            if (byte == 'b') {
                step_back = word_span(false);
            } else if (byte == 'f') {
                step_forward = word_span(true);
            } else if (byte == 'd') {
                buffer.erase(cursor, word_span(true));
                redraw = true;
            } else if (byte == 127) {
                kill_word_back();
            }
        } else if (state == EscapeState::bracket) {
            state = EscapeState::none;
            if (byte >= '0' && byte <= '9') {
                state = EscapeState::bracket_digit;
                escape_digit = static_cast<char>(byte);
            } else if (byte == 'A') {
                older();
            } else if (byte == 'B') {
                newer();
            } else if (byte == 'C') {
                right();
            } else if (byte == 'D') {
                left();
            } else if (byte == 'H') {
                home();
            } else if (byte == 'F') {
                end();
            }
        } else if (state == EscapeState::bracket_digit) {
            state = EscapeState::none;
            if (byte == ';' && escape_digit == '1') {
                // ESC [ 1 ; 5 C and D: Ctrl-Right and Ctrl-Left, read as ESC [ 5 C and D.
                state = EscapeState::bracket;
            } else if (escape_digit == '5' && byte == 'C') {
                step_forward = word_span(true);
            } else if (escape_digit == '5' && byte == 'D') {
                step_back = word_span(false);
            } else if (byte == '~') {
                if (escape_digit == '1' || escape_digit == '7') {
                    home();
                } else if (escape_digit == '4' || escape_digit == '8') {
                    end();
                } else if (escape_digit == '3') {
                    erase_at_cursor();
                }
            }
        } else {
            state = EscapeState::none;
            if (byte == 'H') {
                home();
            } else if (byte == 'F') {
                end();
            }
        }
        // Redraw only what changed, as the reference does, so the echo is the same bytes.
        if (step_back > 0) {
            move_back(step_back);
            cursor -= step_back;
        }
        if (redraw) {
            if (buffer.size() < old_size) {
                write("\x1b[K");
            }
            write(std::string_view(buffer).substr(cursor));
            move_back(buffer.size() - (cursor + step_forward));
            cursor += step_forward;
        } else if (step_forward > 0) {
            write(std::string_view(buffer).substr(cursor, step_forward));
            cursor += step_forward;
        }
        just_indented_ = false;
    }
}

}  // namespace xipy::cli
