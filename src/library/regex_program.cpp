// Compiles re patterns the way re1.5 does and runs them without recursion.
#include "library/regex_program.hpp"

#include <algorithm>

#include "support/small_vector.hpp"

namespace xipy::library {
namespace {

// re1.5's instruction bytes. Consumers (below 0x50) fail at the end of the subject.
enum Opcode : std::uint8_t {
    op_char = 1,
    op_any = 2,
    op_class = 3,
    op_class_not = 4,
    op_named_class = 5,
    op_line_start = 0x50,
    op_line_end = 0x51,
    op_jump = 0x60,
    op_split = 0x61,
    op_reverse_split = 0x62,
    op_save = 0x7e,
    op_match = 0x7f,
};

// A class item whose first byte is 0 names \d, \w or \s (a literal NUL cannot occur in a
// pattern, which ends at its first NUL).
constexpr std::uint8_t named_class_marker = 0;
constexpr int max_nesting = 256;
// Bytes before the body: RSplit +3, Any, Jmp -5 (skipped when anchored), then Save 0.
constexpr std::size_t unanchored_prefix = 5;

bool is_named_class(char letter) {
    char lower = static_cast<char>(letter | 0x20);
    return lower == 'd' || lower == 'w' || lower == 's';
}

bool in_named_class(std::uint8_t letter, std::int8_t subject_byte) {
    int byte = subject_byte;
    bool inside;
    switch (letter | 0x20) {
        case 'd':
            inside = byte >= '0' && byte <= '9';
            break;
        case 's':
            inside = byte == ' ' || (byte >= '\t' && byte <= '\r');
            break;
        default:
            inside = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                     (byte >= '0' && byte <= '9') || byte == '_';
            break;
    }
    // Lower-case letters name the class, upper-case its complement.
    bool positive = (letter & 0x20) != 0;
    return inside == positive;
}

// One pass of re1.5's compiler over a NUL-free pattern. A failed byte-range check marks
// the whole compile failed but, as in the reference, does not stop it early.
class Compiler {
  public:
    explicit Compiler(std::string_view pattern, support::ScratchVector<std::uint8_t>& code)
        : pattern_(pattern), code_(code) {}

    // Compiles up to the `)` or end that closes this level; returns its position, or
    // nothing when the compile failed.
    std::optional<std::size_t> sequence(std::size_t position, int depth);

    std::size_t groups() const { return groups_; }

  private:
    char at(std::size_t position) const {
        return position < pattern_.size() ? pattern_[position] : '\0';
    }
    std::size_t here() const { return code_.size(); }
    void emit(std::uint8_t byte) { code_.push_back(byte); }
    void set_checked(std::size_t at, long value) {
        if (value < -128 || value > 127) {
            out_of_range_ = true;
        }
        code_[at] = static_cast<std::uint8_t>(value);
    }
    void emit_checked(long value) {
        emit(0);
        set_checked(here() - 1, value);
    }
    void insert_two(std::size_t at) { code_.insert(code_.begin() + static_cast<long>(at), 2, 0); }
    // The offset stored at `at + 1` by an instruction at `at` that lands on `target`.
    static long relative(std::size_t at, std::size_t target) {
        return static_cast<long>(target) - static_cast<long>(at) - 2;
    }

    std::string_view pattern_;
    support::ScratchVector<std::uint8_t>& code_;
    std::size_t groups_ = 0;
    bool out_of_range_ = false;
};

std::optional<std::size_t> Compiler::sequence(std::size_t position, int depth) {
    if (depth > max_nesting) {
        return std::nullopt;
    }
    std::size_t start = here();
    std::size_t term = here();
    std::optional<std::size_t> alternative_jump;
    for (; position < pattern_.size() && pattern_[position] != ')'; ++position) {
        char character = pattern_[position];
        switch (character) {
            case '\\':
                ++position;
                if (position >= pattern_.size()) {
                    return std::nullopt;
                }
                term = here();
                if (is_named_class(pattern_[position])) {
                    emit(op_named_class);
                } else {
                    emit(op_char);
                }
                emit(static_cast<std::uint8_t>(pattern_[position]));
                break;
            case '.':
                term = here();
                emit(op_any);
                break;
            case '[': {
                term = here();
                ++position;
                if (at(position) == '^') {
                    emit(op_class_not);
                    ++position;
                } else {
                    emit(op_class);
                }
                emit(0);
                long pairs = 0;
                for (; at(position) != ']'; ++position, ++pairs) {
                    char low = at(position);
                    if (low == '\\') {
                        ++position;
                        low = at(position);
                        if (is_named_class(low)) {
                            emit(named_class_marker);
                            emit(static_cast<std::uint8_t>(low));
                            continue;
                        }
                    }
                    if (low == '\0') {
                        return std::nullopt;
                    }
                    if (at(position + 1) == '-' && at(position + 2) != ']') {
                        position += 2;
                        // The reference reads past the pattern's end for "[a-"; refuse.
                        if (position >= pattern_.size()) {
                            return std::nullopt;
                        }
                    }
                    emit(static_cast<std::uint8_t>(low));
                    emit(static_cast<std::uint8_t>(pattern_[position]));
                }
                set_checked(term + 1, pairs);
                break;
            }
            case '(': {
                term = here();
                bool capture = !(at(position + 1) == '?' && at(position + 2) == ':');
                std::size_t group = 0;
                if (capture) {
                    group = ++groups_;
                    emit(op_save);
                    emit_checked(static_cast<long>(2 * group));
                } else {
                    position += 2;
                }
                std::optional<std::size_t> close = sequence(position + 1, depth + 1);
                if (!close || at(*close) != ')') {
                    return std::nullopt;
                }
                position = *close;
                if (capture) {
                    emit(op_save);
                    emit_checked(static_cast<long>(2 * group + 1));
                }
                break;
            }
            case '?': {
                if (here() == term) {
                    return std::nullopt;
                }
                insert_two(term);
                bool lazy = at(position + 1) == '?';
                position += lazy ? 1 : 0;
                code_[term] = lazy ? op_reverse_split : op_split;
                set_checked(term + 1, relative(term, here()));
                term = here();
                break;
            }
            case '*': {
                if (here() == term) {
                    return std::nullopt;
                }
                insert_two(term);
                emit(op_jump);
                emit_checked(relative(here() - 1, term));
                bool lazy = at(position + 1) == '?';
                position += lazy ? 1 : 0;
                code_[term] = lazy ? op_reverse_split : op_split;
                set_checked(term + 1, relative(term, here()));
                term = here();
                break;
            }
            case '+': {
                if (here() == term) {
                    return std::nullopt;
                }
                bool lazy = at(position + 1) == '?';
                position += lazy ? 1 : 0;
                emit(lazy ? op_split : op_reverse_split);
                emit_checked(relative(here() - 1, term));
                term = here();
                break;
            }
            case '|': {
                if (alternative_jump) {
                    set_checked(*alternative_jump, relative(*alternative_jump, here()) + 1);
                }
                insert_two(start);
                emit(op_jump);
                emit(0);
                alternative_jump = here() - 1;
                code_[start] = op_split;
                set_checked(start + 1, relative(start, here()));
                term = here();
                break;
            }
            case '^':
                emit(op_line_start);
                term = here();
                break;
            case '$':
                emit(op_line_end);
                term = here();
                break;
            default:
                term = here();
                emit(op_char);
                emit(static_cast<std::uint8_t>(character));
                break;
        }
    }
    if (alternative_jump) {
        set_checked(*alternative_jump, relative(*alternative_jump, here()) + 1);
    }
    if (out_of_range_) {
        return std::nullopt;
    }
    return position;
}

// A pending alternative (resume at `program_counter`, `position`) or a capture slot to
// restore when backtracking passes it.
struct BacktrackEntry {
    std::size_t program_counter;  // unset for a restore entry
    std::size_t value;            // subject position, or the slot's old value
    std::size_t slot;
};

}  // namespace

support::Result<RegexProgram> RegexProgram::compile(std::string_view pattern) {
    std::size_t nul = pattern.find('\0');
    if (nul != std::string_view::npos) {
        pattern = pattern.substr(0, nul);
    }
    RegexProgram program;
    support::ScratchVector<std::uint8_t>& code = program.storage_;
    code = {op_reverse_split, 3, op_any, op_jump, static_cast<std::uint8_t>(-5), op_save, 0};
    Compiler compiler(pattern, code);
    std::optional<std::size_t> end = compiler.sequence(0, 0);
    if (!end) {
        return support::make_error(support::Error::no_offset, "regex too complex");
    }
    if (*end != pattern.size()) {
        return support::make_error(*end, "error in regex");
    }
    code.push_back(op_save);
    code.push_back(1);
    code.push_back(op_match);
    program.groups_ = compiler.groups() + 1;
    program.code_ = code;
    return program;
}

support::Result<bool> RegexProgram::execute(std::string_view subject, std::size_t begin,
                                            std::size_t end, bool anchored,
                                            std::span<std::size_t> captures,
                                            RegexLimits limits) const {
    for (std::size_t& capture : captures) {
        capture = unset;
    }
    end = std::min(end, subject.size());
    begin = std::min(begin, end);
    const std::uint8_t* code = code_.data();
    // Most matches backtrack only a little: the first 32 entries stay on the C stack.
    support::SmallVector<BacktrackEntry, 32> stack;
    std::size_t program_counter = anchored ? unanchored_prefix : 0;
    std::size_t position = begin;
    std::uint64_t steps = 0;
    for (;;) {
        if (++steps > limits.max_steps) {
            return support::make_error(support::Error::no_offset, "regex step limit exceeded");
        }
        // An instruction (a dispatch, a compare, perhaps a push) costs about eight simple
        // operations.
        constexpr std::uint64_t metered_steps = 4096;
        constexpr std::uint64_t units_per_instruction = 8;
        if (steps % metered_steps == 0 && limits.meter != nullptr &&
            !limits.meter->charge(metered_steps * units_per_instruction)) {
            return support::make_error(support::Error::no_offset, "stopped by the work meter");
        }
        std::uint8_t opcode = code[program_counter];
        bool failed = false;
        if (opcode < op_line_start && position >= end) {
            failed = true;
        } else {
            switch (opcode) {
                case op_char:
                    failed =
                        static_cast<std::uint8_t>(subject[position]) != code[program_counter + 1];
                    program_counter += 2;
                    ++position;
                    break;
                case op_any:
                    ++program_counter;
                    ++position;
                    break;
                case op_class:
                case op_class_not: {
                    std::size_t pairs = code[program_counter + 1];
                    const std::uint8_t* pair = code + program_counter + 2;
                    auto subject_byte = static_cast<std::int8_t>(subject[position]);
                    bool inside = false;
                    for (std::size_t index = 0; index < pairs && !inside; ++index, pair += 2) {
                        if (pair[0] == named_class_marker) {
                            inside = in_named_class(pair[1], subject_byte);
                        } else {
                            inside = subject_byte >= static_cast<std::int8_t>(pair[0]) &&
                                     subject_byte <= static_cast<std::int8_t>(pair[1]);
                        }
                    }
                    failed = inside != (opcode == op_class);
                    program_counter += 2 + 2 * pairs;
                    ++position;
                    break;
                }
                case op_named_class:
                    failed = !in_named_class(code[program_counter + 1],
                                             static_cast<std::int8_t>(subject[position]));
                    program_counter += 2;
                    ++position;
                    break;
                case op_match: {
                    return true;
                }
                case op_jump:
                    program_counter += 2 + static_cast<std::int8_t>(code[program_counter + 1]);
                    break;
                case op_split:
                case op_reverse_split: {
                    std::size_t next = program_counter + 2;
                    std::size_t target = next + static_cast<std::int8_t>(code[program_counter + 1]);
                    // Split tries the next instruction first, RSplit the jump target.
                    bool next_first = opcode == op_split;
                    if (stack.size() >= limits.max_depth) {
                        return support::make_error(support::Error::no_offset,
                                                   "maximum recursion depth exceeded");
                    }
                    if (!stack.push_back({next_first ? target : next, position, 0})) {
                        return support::make_error(support::Error::no_offset, "out of memory");
                    }
                    program_counter = next_first ? next : target;
                    break;
                }
                case op_save: {
                    std::size_t slot = code[program_counter + 1];
                    program_counter += 2;
                    if (slot >= captures.size()) {
                        break;
                    }
                    if (stack.size() >= limits.max_depth) {
                        return support::make_error(support::Error::no_offset,
                                                   "maximum recursion depth exceeded");
                    }
                    if (!stack.push_back({unset, captures[slot], slot})) {
                        return support::make_error(support::Error::no_offset, "out of memory");
                    }
                    captures[slot] = position;
                    break;
                }
                case op_line_start:
                    failed = position != 0;
                    ++program_counter;
                    break;
                default:
                    failed = position != end;
                    ++program_counter;
                    break;
            }
        }
        if (!failed) {
            continue;
        }
        for (;;) {
            if (stack.empty()) {
                return false;
            }
            BacktrackEntry entry = stack.back();
            stack.pop_back();
            if (entry.program_counter == unset) {
                captures[entry.slot] = entry.value;
                continue;
            }
            program_counter = entry.program_counter;
            position = entry.value;
            break;
        }
    }
}

std::optional<std::uint32_t> expand_regex_replacement(std::string_view replacement,
                                                      std::string_view subject,
                                                      std::span<const std::size_t> captures,
                                                      support::ScratchString& out) {
    std::size_t nul = replacement.find('\0');
    if (nul != std::string_view::npos) {
        replacement = replacement.substr(0, nul);
    }
    auto at = [replacement](std::size_t position) {
        return position < replacement.size() ? replacement[position] : '\0';
    };
    std::size_t position = 0;
    while (position < replacement.size()) {
        if (replacement[position] != '\\') {
            out += replacement[position++];
            continue;
        }
        ++position;
        bool angle_form = false;
        if (at(position) == 'g' && at(position + 1) == '<') {
            position += 2;
            angle_form = true;
        }
        char next = at(position);
        if (next >= '0' && next <= '9') {
            // The reference accumulates in an unsigned int and lets it wrap.
            std::uint32_t group = 0;
            while (at(position) >= '0' && at(position) <= '9') {
                group = group * 10 + static_cast<std::uint32_t>(at(position) - '0');
                ++position;
            }
            if (angle_form && at(position) == '>') {
                ++position;
            }
            if (group >= captures.size() / 2) {
                return group;
            }
            std::size_t start = captures[2 * group];
            if (start != RegexProgram::unset) {
                out.append(subject.substr(start, captures[2 * group + 1] - start));
            }
        } else if (next == '\\') {
            out += '\\';
            ++position;
        }
    }
    return std::nullopt;
}

}  // namespace xipy::library
