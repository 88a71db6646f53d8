// LimbVector and ScratchScope: limbs past the inline ones come from the running VM's scratch
// memory.
#include <gtest/gtest.h>

#include <cstddef>

#include "number/limb_vector.hpp"
#include "support/counting_source.hpp"
#include "support/scratch_scope.hpp"

namespace xipy::number {
namespace {

TEST(LimbVectorScratchTest, LongValuesDrawOnTheScopesMemoryAndGiveItBack) {
    support::CountingSource source;
    {
        support::ScratchScope scope(source);
        LimbVector limbs(LimbVector::inline_capacity);
        EXPECT_EQ(source.live_bytes, 0u);  // inline
        limbs.resize(40);
        EXPECT_EQ(source.live_bytes, 40 * sizeof(LimbVector::Limb));
        limbs[39] = 7;
        // A moved vector takes its storage, and with it where the storage goes back.
        LimbVector moved(std::move(limbs));
        EXPECT_EQ(moved[39], 7u);
        EXPECT_EQ(source.live_bytes, 40 * sizeof(LimbVector::Limb));
        LimbVector copy(moved);
        EXPECT_EQ(source.live_bytes, 80 * sizeof(LimbVector::Limb));
    }
    EXPECT_EQ(source.live_bytes, 0u);
    EXPECT_EQ(support::current_scratch_memory(), nullptr);
}

TEST(LimbVectorScratchTest, WithoutAScopeOrWhenRefusedTheCppHeapServes) {
    LimbVector outside(100);
    EXPECT_EQ(outside.size(), 100u);
    support::CountingSource source;
    source.refusing = true;
    support::ScratchScope scope(source);
    LimbVector refused(100);
    refused[99] = 1;
    EXPECT_EQ(source.live_bytes, 0u);
    // Storage from the C++ heap goes back there even once the source gives memory again.
    source.refusing = false;
    refused = LimbVector(3);
    EXPECT_EQ(source.live_bytes, 0u);
}

TEST(LimbVectorScratchTest, NestedScopesPutBackTheOneTheyReplaced) {
    support::CountingSource outer;
    support::CountingSource inner;
    support::ScratchScope outer_scope(outer);
    {
        support::ScratchScope inner_scope(inner);
        EXPECT_EQ(support::current_scratch_memory(), &inner);
    }
    EXPECT_EQ(support::current_scratch_memory(), &outer);
}

}  // namespace
}  // namespace xipy::number
