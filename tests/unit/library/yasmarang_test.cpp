// Checks that Yasmarang draws the reference's random-module sequences bit for bit.
#include <gtest/gtest.h>

#include <string>

#include "library/vectors.hpp"
#include "library/yasmarang.hpp"

namespace xipy::library {
namespace {

using testing::bits_of;
using testing::double_of;

TEST(Yasmarang, ReferenceSequences) {
    Yasmarang generator;
    int seeds = 0;
    int checked = 0;
    for (const std::string& line : testing::read_vector_lines("reference_vectors.txt")) {
        auto fields = testing::split_fields(line);
        const std::string& kind = fields[0];
        if (kind == "seed") {
            generator.seed(static_cast<std::uint32_t>(testing::low_bits_of(fields[1])));
            ++seeds;
            continue;
        }
        if (kind == "getrandbits") {
            EXPECT_EQ(generator.random_bits(std::stoi(fields[1])), std::stoul(fields[2])) << line;
        } else if (kind == "below") {
            EXPECT_EQ(generator.below(static_cast<std::uint32_t>(std::stoul(fields[1]))),
                      std::stoul(fields[2]))
                << line;
        } else if (kind == "random") {
            EXPECT_EQ(bits_of(generator.random_float()), bits_of(double_of(fields[1]))) << line;
        } else if (kind == "uniform") {
            double value = generator.uniform(double_of(fields[1]), double_of(fields[2]));
            EXPECT_EQ(bits_of(value), bits_of(double_of(fields[3]))) << line;
        } else {
            continue;
        }
        ++checked;
    }
    EXPECT_EQ(seeds, 8);
    EXPECT_EQ(checked, 8 * 23);
}

}  // namespace
}  // namespace xipy::library
