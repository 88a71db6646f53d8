// Checks the frame buffer's size rules and that no drawing call touches memory past its buffer.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "library/frame_buffer.hpp"

namespace xipy::library {
namespace {

std::uint64_t bytes_for(std::int64_t width, std::int64_t height, PixelFormat format,
                        std::optional<std::int64_t> stride = std::nullopt) {
    GridProblem problem = GridProblem::none;
    std::optional<GridPlan> plan =
        plan_grid(width, height, static_cast<std::int64_t>(format), stride, problem);
    EXPECT_TRUE(plan.has_value());
    return plan ? plan->bytes_needed : 0;
}

// The sizes below are the smallest buffers the reference accepts for each shape.
TEST(FrameBuffer, BytesNeededMatchTheReference) {
    EXPECT_EQ(bytes_for(1, 9, PixelFormat::mono_vlsb), 2u);
    EXPECT_EQ(bytes_for(1, 9, PixelFormat::mono_vlsb, 10), 11u);
    EXPECT_EQ(bytes_for(8, 10, PixelFormat::mono_hlsb, 9), 19u);
    EXPECT_EQ(bytes_for(10, 10, PixelFormat::mono_hlsb, 16), 20u);
    EXPECT_EQ(bytes_for(7, 2, PixelFormat::gs2_hmsb, 9), 5u);
    EXPECT_EQ(bytes_for(7, 2, PixelFormat::gs4_hmsb, 9), 9u);
    EXPECT_EQ(bytes_for(8, 2, PixelFormat::gs8, 10), 18u);
    EXPECT_EQ(bytes_for(8, 2, PixelFormat::rgb565, 10), 36u);
}

TEST(FrameBuffer, RefusesBadShapesAndFormats) {
    GridProblem problem = GridProblem::none;
    EXPECT_FALSE(plan_grid(0, 8, 0, std::nullopt, problem));
    EXPECT_EQ(problem, GridProblem::bad_dimensions);
    EXPECT_FALSE(plan_grid(8, 8, 0, 7, problem));
    EXPECT_EQ(problem, GridProblem::bad_dimensions);
    EXPECT_FALSE(plan_grid(65536, 1, 6, std::nullopt, problem));
    EXPECT_EQ(problem, GridProblem::bad_dimensions);
    EXPECT_FALSE(plan_grid(8, 8, 7, std::nullopt, problem));
    EXPECT_EQ(problem, GridProblem::bad_format);
}

// A grid drawn over memory shorter than it needs (a buffer that shrank after the frame buffer
// was made): every call with wild arguments must leave the bytes past the memory alone.
TEST(FrameBuffer, DrawingStaysInsideTheMemory) {
    constexpr std::uint8_t guard = 0x5a;
    for (int number = 0; number <= 6; ++number) {
        GridProblem problem = GridProblem::none;
        std::optional<GridPlan> plan = plan_grid(37, 29, number, 40, problem);
        ASSERT_TRUE(plan.has_value());
        std::size_t available = plan->bytes_needed / 3;
        std::vector<std::uint8_t> storage(plan->bytes_needed + 64, guard);
        PixelTarget target{plan->grid, std::span<std::uint8_t>(storage.data(), available)};
        fill_rectangle(target, -5, -5, 1000, 1000, 0xffffffff);
        EXPECT_TRUE(draw_line(target, -100, 3, 200, 40, 0xffff, nullptr));
        EXPECT_TRUE(draw_ellipse(target, 18, 14, 30, 20, 7, true, all_quadrants, nullptr));
        const std::int64_t points[] = {0, 0, 36, 28, -4, 20, 50, -9, 7};
        EXPECT_TRUE(draw_polygon(target, 1, 1, points, 3, true, nullptr));
        draw_text(target, "framebuf", -3, 25, 1);
        scroll(target, 3, -2);
        std::vector<std::uint8_t> source_memory(4, 0xff);
        PixelSource source{PixelGrid{2, 2, 2, PixelFormat::gs8}, source_memory};
        PixelSource palette{PixelGrid{1, 1, 1, PixelFormat::rgb565}, {}};
        blit(target, source, 35, 27, -1, &palette);
        blit(target, source, 35, 27, -1, nullptr);
        for (std::size_t index = available; index < storage.size(); ++index) {
            ASSERT_EQ(storage[index], guard) << "format " << number << " byte " << index;
        }
    }
}

}  // namespace
}  // namespace xipy::library
