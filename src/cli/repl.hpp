// The interactive prompt of `xipy` (no file), as MicroPython's unix port runs it.
#pragma once

#include <string_view>

#include "xipy/xipy.h"

namespace xipy::cli {

// Whether a statement typed so far (lines joined by '\n') needs another line before it can
// run, by MicroPython's rules: an open bracket or triple quote, a trailing backslash, or a
// compound statement (if, while, for, try, with, def, class, async, a decorator) whose last
// line is not empty.
bool statement_continues(std::string_view input);

// Runs the REPL on standard input and output until Ctrl-D or an uncaught SystemExit, in
// `vm`'s __main__: the banner, `>>> ` and `... ` prompts, line editing (cli/line_editor.hpp),
// tab completion of names, expression values printed and kept in `_`, paste mode (Ctrl-E), Ctrl-C
// cancelling input or (as SIGINT, which the caller routes to the VM) interrupting the running
// statement. The terminal is in raw mode only while a line is read. Returns the process's exit
// status.
int run_repl(xipy_vm* vm);

}  // namespace xipy::cli
