// SourceAllocator: blocks from the source while it gives them, from the C library when not.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "support/counting_source.hpp"
#include "support/source_allocator.hpp"

namespace xipy::support {
namespace {

TEST(SourceAllocatorTest, LongTextsComeFromTheSourceAndGoBack) {
    CountingSource source;
    {
        SourceString text{SourceAllocator<char>(&source)};
        text.assign(300, 'x');
        EXPECT_GE(source.live_bytes, 300u);
        text += " and more";
        EXPECT_EQ(text.size(), 309u);
        text.clear();
        text.shrink_to_fit();
        EXPECT_EQ(source.live_bytes, 0u);
        text = std::string(100, 'y');
        EXPECT_GT(source.live_bytes, 0u);
    }
    EXPECT_EQ(source.live_bytes, 0u);
}

// A full heap must not lose the report: the block comes from the C library, and goes back
// there (not to the source) when the text is done with, even once the source gives again.
TEST(SourceAllocatorTest, ARefusingSourceFallsBackToTheCLibrary) {
    CountingSource source;
    source.refusing = true;
    SourceString text{SourceAllocator<char>(&source)};
    text.assign(500, 'z');
    EXPECT_EQ(std::string_view(text), std::string(500, 'z'));
    EXPECT_EQ(source.live_bytes, 0u);
    source.refusing = false;
    text.assign(2000, 'w');  // a new block from the source; the old one goes to free()
    EXPECT_GE(source.live_bytes, 2000u);
    text.clear();
    text.shrink_to_fit();
    EXPECT_EQ(source.live_bytes, 0u);
}

// A string moved into one made with the VM's allocator keeps that allocator's source.
TEST(SourceAllocatorTest, MovingAStringInAdoptsItsSource) {
    CountingSource source;
    SourceString kept;
    kept = SourceString(SourceAllocator<char>(&source));
    kept.assign(64, 'a');
    EXPECT_GE(source.live_bytes, 64u);
    EXPECT_EQ(kept.get_allocator().source(), &source);
    kept = SourceString(SourceAllocator<char>(&source));
    EXPECT_TRUE(kept.empty());
    kept.shrink_to_fit();  // an empty string moved in may leave the old block's room in place
    EXPECT_EQ(source.live_bytes, 0u);
}

}  // namespace
}  // namespace xipy::support
