// Checks the re compiler and matcher against what the reference prints.
#include <gtest/gtest.h>

#include <string>

#include "library/regex_program.hpp"
#include "library/vectors.hpp"

namespace xipy::library {
namespace {

using testing::hex_of;
using testing::text_of;

std::string group_text(std::string_view subject, const std::vector<std::size_t>& captures,
                       std::size_t group) {
    if (captures[2 * group] == RegexProgram::unset) {
        return "none";
    }
    return hex_of(
        subject.substr(captures[2 * group], captures[2 * group + 1] - captures[2 * group]));
}

// re.sub as modre.c loops: search from the end of the last match, stop at no match or an
// empty match, or after `count` substitutions.
std::string substitute(const RegexProgram& program, std::string_view replacement,
                       std::string_view subject, int count) {
    std::vector<std::size_t> captures(2 * program.group_count());
    support::ScratchString out;
    std::size_t begin = 0;
    for (;;) {
        auto found = program.execute(subject, begin, subject.size(), false, captures);
        EXPECT_TRUE(found.ok());
        if (!found.ok() || !*found || captures[0] == captures[1]) {
            break;
        }
        out.append(subject.substr(begin, captures[0] - begin));
        if (auto missing = expand_regex_replacement(replacement, subject, captures, out)) {
            return "error IndexError " + std::to_string(*missing);
        }
        begin = captures[1];
        if (count > 0 && --count == 0) {
            break;
        }
    }
    out.append(subject.substr(begin));
    return hex_of(out);
}

std::string split(const RegexProgram& program, std::string_view subject, int limit) {
    std::vector<std::size_t> captures(2 * program.group_count());
    std::string out;
    std::size_t begin = 0;
    for (;;) {
        auto found = program.execute(subject, begin, subject.size(), false, captures);
        EXPECT_TRUE(found.ok());
        if (!found.ok() || !*found || captures[0] == captures[1]) {
            break;
        }
        out += hex_of(subject.substr(begin, captures[0] - begin)) + " ";
        if (program.group_count() > 1) {
            return "error NotImplementedError splitting with sub-captures";
        }
        begin = captures[1];
        if (limit > 0 && --limit == 0) {
            break;
        }
    }
    return out + hex_of(subject.substr(begin));
}

TEST(RegexProgram, ReferenceVectors) {
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("reference_vectors.txt")) {
        auto fields = testing::split_fields(line);
        const std::string& kind = fields[0];
        if (kind.rfind("regex_", 0) != 0) {
            continue;
        }
        ++checked;
        auto program = RegexProgram::compile(text_of(fields[1]));
        if (kind == "regex_compile") {
            ASSERT_FALSE(program.ok()) << line;
            EXPECT_EQ(testing::error_text_of(line),
                      "ValueError " + std::string(program.error().message));
            continue;
        }
        ASSERT_TRUE(program.ok()) << line;
        std::vector<std::size_t> captures(2 * program->group_count());
        if (kind == "regex_match" || kind == "regex_search") {
            std::string subject = text_of(fields[2]);
            auto found =
                program->execute(subject, 0, subject.size(), kind == "regex_match", captures);
            ASSERT_TRUE(found.ok()) << line;
            std::string groups = "0";
            if (*found) {
                groups = std::to_string(program->group_count());
                for (std::size_t group = 0; group < program->group_count(); ++group) {
                    groups += " " + group_text(subject, captures, group);
                }
            }
            std::string expected = fields[3];
            for (std::size_t index = 4; index < fields.size(); ++index) {
                expected += " " + fields[index];
            }
            EXPECT_EQ(groups, expected) << line;
        } else if (kind == "regex_search_range") {
            std::string subject = text_of(fields[2]);
            // modre.c clamps the start to [0, len] and the end to [start, len].
            long length = static_cast<long>(subject.size());
            long start = std::clamp(std::stol(fields[3]), 0L, length);
            long end =
                fields[4] == "none" ? length : std::clamp(std::stol(fields[4]), start, length);
            auto found = program->execute(subject, static_cast<std::size_t>(start),
                                          static_cast<std::size_t>(end), false, captures);
            ASSERT_TRUE(found.ok()) << line;
            EXPECT_EQ(*found ? group_text(subject, captures, 0) : "none", fields[5]) << line;
        } else if (kind == "regex_sub") {
            std::string expected = fields[5];
            for (std::size_t index = 6; index < fields.size(); ++index) {
                expected += " " + fields[index];
            }
            EXPECT_EQ(
                substitute(*program, text_of(fields[2]), text_of(fields[3]), std::stoi(fields[4])),
                expected)
                << line;
        } else if (kind == "regex_split") {
            std::string expected = fields[4];
            for (std::size_t index = 5; index < fields.size(); ++index) {
                expected += " " + fields[index];
            }
            EXPECT_EQ(split(*program, text_of(fields[2]), std::stoi(fields[3])), expected) << line;
        } else {
            ADD_FAILURE() << "unknown vector " << line;
        }
    }
    EXPECT_GT(checked, 180);
}

TEST(RegexProgram, EmptyLoopBodyHitsTheDepthLimitInsteadOfTheStack) {
    // re1.5 recurses forever here (the reference overflows its stack).
    auto program = RegexProgram::compile("(a*)*b");
    ASSERT_TRUE(program.ok());
    std::vector<std::size_t> captures(2 * program->group_count());
    std::string subject = "aac";
    auto found = program->execute(subject, 0, subject.size(), false, captures, {1000, 1000000});
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().message, "maximum recursion depth exceeded");
}

TEST(RegexProgram, StepLimitStopsExponentialBacktracking) {
    auto program = RegexProgram::compile("(a|aa)+$");
    ASSERT_TRUE(program.ok());
    std::vector<std::size_t> captures(2 * program->group_count());
    std::string subject(60, 'a');
    subject += 'b';
    auto found = program->execute(subject, 0, subject.size(), true, captures, {100000, 100000});
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().message, "regex step limit exceeded");
}

TEST(RegexProgram, DeepNestingIsRefusedNotRecursedInto) {
    std::string pattern;
    for (int index = 0; index < 100000; ++index) {
        pattern += "(?:";
    }
    auto program = RegexProgram::compile(pattern);
    ASSERT_FALSE(program.ok());
    EXPECT_EQ(program.error().message, "regex too complex");
}

TEST(RegexProgram, LongSubjectsNeedDepthOnlyForPendingAlternatives) {
    auto program = RegexProgram::compile("b");
    ASSERT_TRUE(program.ok());
    std::vector<std::size_t> captures(2);
    std::string subject(200000, 'a');
    subject += 'b';
    auto found = program->execute(subject, 0, subject.size(), false, captures, {100, 10000000});
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(*found);
    EXPECT_EQ(captures[0], 200000u);
}

}  // namespace
}  // namespace xipy::library
