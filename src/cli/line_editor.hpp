// LineEditor: reads one line of a statement from a VT100 terminal, as MicroPython's REPL does.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xipy::cli {

// How a read ended.
enum class LineEnding {
    line,          // Enter: the line is in the buffer (without a newline)
    interrupt,     // Ctrl-C: cancel the statement
    end_of_input,  // Ctrl-D on an empty line, or the input closed
    paste,         // Ctrl-E on an empty line: paste mode
    other_control  // Ctrl-A or Ctrl-B on an empty line (raw REPL: not offered)
};

// Edits the last line of a statement in place, echoing as MicroPython's readline does: the
// keys Ctrl-A/E (home, end), Ctrl-B/F and the arrows (moves), Ctrl-D and Delete (delete),
// Ctrl-K/U (kill to the end, to the start), words (Alt-B/F and Ctrl-Left/Right move,
// Alt-D and Ctrl-W or Alt-Backspace kill), backspace (four spaces of indent at once), history
// (up/down, Ctrl-P/N), and auto-indent (after a line ending in ':' the next starts four spaces
// further in; a space typed right after an auto-indent takes three of them back, a tab keeps
// it) and tab completion of dotted names. Input is read a byte at a time from a file descriptor and
// output written to another.
class LineEditor {
  public:
    // The names an object offers for completion: `path` is the dotted expression before the
    // last '.' ("" for the program's globals); nothing when it does not name an object.
    using NameLister = std::function<std::optional<std::vector<std::string>>(std::string_view)>;

    LineEditor(int input, int output) : input_(input), output_(output) {}

    // Tab completes the dotted name before the cursor with the names `lister` gives, as
    // MicroPython's REPL does; without a lister a tab only indents.
    void set_name_lister(NameLister lister) { lister_ = std::move(lister); }

    // Shows `prompt` and reads the next line onto the end of `buffer`, which holds the earlier
    // lines of the statement, each ending in '\n' (empty for a statement's first line).
    LineEnding read(std::string& buffer, std::string_view prompt);

    // Reads one byte; -1 at the end of the input. Enter arrives as '\r', as on the reference.
    int read_byte();
    void write(std::string_view text);

  private:
    // What a tab at `cursor` inserts: the rest of the one match or of the matches' common
    // prefix; empty when there is none or several were listed (then `listed` is set).
    std::string complete(std::string_view line, bool& listed);
    void auto_indent(std::string& buffer);
    void move_back(std::size_t columns);
    void push_history(std::string_view line);

    int input_;
    int output_;
    NameLister lister_;
    std::vector<std::string> history_;  // most recent first
    bool auto_indent_enabled_ = false;
    bool just_indented_ = false;
};

}  // namespace xipy::cli
