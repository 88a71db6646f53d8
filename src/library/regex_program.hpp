// re patterns compiled to re1.5's byte program and run by an iterative backtracking matcher.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "support/result.hpp"
#include "support/scratch_allocator.hpp"
#include "support/work_meter.hpp"

namespace xipy::library {

// Bounds on one match attempt. MicroPython's matcher recurses once per pending alternative
// and raises RuntimeError "maximum recursion depth exceeded" when the C stack runs low (the
// reference build crashes instead); here the pending alternatives live in a vector whose
// length is capped, and the number of instructions run is capped too, so neither
// `(a*)*` nor an exponential pattern can exhaust the host.
struct RegexLimits {
    std::size_t max_depth = 100000;
    std::uint64_t max_steps = 100000000;
    // Told of the instructions run every few thousand; the match ends with an error when it
    // says stop (the meter's owner knows why).
    support::WorkMeter* meter = nullptr;
};

// A compiled pattern of MicroPython's re (re1.5): literals, `.` (any byte, newline too),
// `[...]` and `[^...]` with ranges and \d \w \s inside, \d \D \w \W \s \S, `* + ?` and
// their lazy forms, `|`, `(...)` and `(?:...)`, `^` (start of the whole string) and `$`
// (end of the subject only). There are no `{m,n}` counts (`{` is a literal), no `\b`,
// `\n` or other escapes (a backslash before any other character makes it literal), no
// flags, and matching is byte by byte (a str's UTF-8 bytes; class ranges compare bytes as
// signed chars, as the reference's do).
//
// Invariants: code_ is re1.5's program: the 5-byte unanchored prefix, Save 0, the body,
// Save 1, Match; jump offsets are signed bytes and capture slots unsigned bytes, which is
// why long or many-grouped patterns are "regex too complex" exactly when the reference
// says so. code_ views storage_ for a program compile() made, or bytes its owner keeps (a
// pattern object keeps them in its own cell, so a program lives as long as the object
// without holding memory outside the heap); a program is moved, never copied.
class RegexProgram {
  public:
    static constexpr std::size_t unset = static_cast<std::size_t>(-1);

    // Errors are MicroPython's ValueError texts: "regex too complex" for anything the
    // compiler rejects (unclosed group or class, nothing to repeat, trailing backslash,
    // offsets or counts that do not fit a byte, groups nested deeper than 256) and "error in
    // regex" for an unmatched `)` at the top level. The pattern ends at its first NUL.
    static support::Result<RegexProgram> compile(std::string_view pattern);
    // A program over code another program's code() gave, kept by the caller for as long as
    // this program is used.
    static RegexProgram over(std::span<const std::uint8_t> code, std::size_t group_count) {
        RegexProgram program;
        program.code_ = code;
        program.groups_ = group_count;
        return program;
    }

    RegexProgram(RegexProgram&&) noexcept = default;
    RegexProgram& operator=(RegexProgram&&) noexcept = default;
    RegexProgram(const RegexProgram&) = delete;
    RegexProgram& operator=(const RegexProgram&) = delete;

    // Groups including group 0, the whole match; captures need 2 * group_count() slots.
    std::size_t group_count() const { return groups_; }
    std::span<const std::uint8_t> code() const { return code_; }

    // Runs the program on subject[begin, end) (`^` still means offset 0, `$` means `end`),
    // anchored at `begin` (match) or trying every start (search). On a match returns true
    // and fills `captures` with start/end byte offsets per group, `unset` for groups that
    // took no part. Errors: "maximum recursion depth exceeded" (MicroPython's
    // RuntimeError) when max_depth is passed, "regex step limit exceeded" past max_steps.
    support::Result<bool> execute(std::string_view subject, std::size_t begin, std::size_t end,
                                  bool anchored, std::span<std::size_t> captures,
                                  RegexLimits limits = {}) const;

  private:
    RegexProgram() = default;

    support::ScratchVector<std::uint8_t> storage_;
    std::span<const std::uint8_t> code_;
    std::size_t groups_ = 1;
};

// Appends re.sub's replacement for one match to `out`: `\N` and `\g<N>` insert group N
// (nothing for a group that did not take part), `\\` inserts a backslash, a backslash
// before anything else is dropped, and the template ends at its first NUL. Returns the
// number of a group that does not exist (MicroPython raises IndexError(N) with it), or
// nothing when the whole template was appended. re.sub itself stays with the caller:
// search from the end of the last match, stop at no match or an empty match, or when
// `count` (> 0) substitutions are done; split likewise stops at an empty match.
std::optional<std::uint32_t> expand_regex_replacement(std::string_view replacement,
                                                      std::string_view subject,
                                                      std::span<const std::size_t> captures,
                                                      support::ScratchString& out);

}  // namespace xipy::library
