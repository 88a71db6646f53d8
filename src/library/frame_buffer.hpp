// Pixel drawing on raw memory in framebuf's formats: pixels, rectangles, lines, ellipses,
// polygons, text, scrolling and blitting, with no Python objects.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "support/work_meter.hpp"

namespace xipy::library {

// The pixel formats, numbered as MicroPython's framebuf constants are (MONO_VLSB is 0 ...).
enum class PixelFormat : std::uint8_t {
    mono_vlsb = 0,  // 1 bit, a byte is 8 rows of one column, bit 0 on top
    rgb565 = 1,     // 16 bits in the host's byte order
    gs4_hmsb = 2,   // 4 bits, the left pixel of a byte in its high nibble
    mono_hlsb = 3,  // 1 bit, a byte is 8 columns of one row, bit 7 on the left
    mono_hmsb = 4,  // 1 bit, a byte is 8 columns of one row, bit 0 on the left
    gs2_hmsb = 5,   // 2 bits, the left pixel of a byte in its low bits
    gs8 = 6,        // 8 bits
};

// The format numbered `number`, or nullopt when it names none.
std::optional<PixelFormat> pixel_format(std::int64_t number);

// The shape of a frame buffer. Invariants (checked by plan_grid): 1 <= width, height <= 65535;
// stride (in pixels, rounded up to whole bytes per row for the packed formats) >= width.
struct PixelGrid {
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t stride = 0;
    PixelFormat format = PixelFormat::mono_vlsb;
};

// A grid and the bytes it needs, as the constructor checks them.
struct GridPlan {
    PixelGrid grid;
    std::uint64_t bytes_needed = 0;
};

// Why plan_grid refused: a dimension or stride out of range, or an unknown format (MicroPython
// raises ValueError() for the first and ValueError "invalid format" for the second).
enum class GridProblem : std::uint8_t { none, bad_dimensions, bad_format };

// Checks width, height and stride (the width when not given) in MicroPython's order and rounds
// the stride up for the packed formats; `problem` says what was wrong when it returns nullopt.
std::optional<GridPlan> plan_grid(std::int64_t width, std::int64_t height, std::int64_t format,
                                  std::optional<std::int64_t> stride, GridProblem& problem);

// Pixels to read: a grid over memory. Reads that would fall outside `memory` give 0, so a
// buffer that shrank after the grid was planned is never read past its end.
struct PixelSource {
    PixelGrid grid;
    std::span<const std::uint8_t> memory;

    // The pixel at (x, y), which need not lie inside the grid (a palette is read that way).
    std::uint32_t get(std::uint64_t x, std::uint64_t y) const;
};

// Pixels to draw on. Writes that would fall outside `memory` are dropped; every drawing
// function clips to the grid first, so with a large enough buffer none is.
struct PixelTarget {
    PixelGrid grid;
    std::span<std::uint8_t> memory;

    PixelSource source() const { return PixelSource{grid, memory}; }
    std::uint32_t get(std::int64_t x, std::int64_t y) const { return source().get(x, y); }
    // Precondition: 0 <= x < width, 0 <= y < height. Stores the colour's low bits.
    void set(std::int64_t x, std::int64_t y, std::uint32_t colour) const;
    // set() when (x, y) is inside the grid; nothing otherwise.
    void set_clipped(std::int64_t x, std::int64_t y, std::uint32_t colour) const;
};

// The drawing operations. Coordinates are any 64-bit values; all clip to the target's grid.
// Those whose work grows with their arguments rather than the grid take a meter and return
// false when it says stop (the caller raises what the meter left pending).
void fill_rectangle(const PixelTarget& target, std::int64_t x, std::int64_t y, std::int64_t width,
                    std::int64_t height, std::uint32_t colour);
bool draw_line(const PixelTarget& target, std::int64_t x1, std::int64_t y1, std::int64_t x2,
               std::int64_t y2, std::uint32_t colour, support::WorkMeter* meter);

// Quadrant bits of ellipse(): 1 upper right, 2 upper left, 4 lower left, 8 lower right.
inline constexpr unsigned all_quadrants = 0x0f;
bool draw_ellipse(const PixelTarget& target, std::int64_t centre_x, std::int64_t centre_y,
                  std::int64_t radius_x, std::int64_t radius_y, std::uint32_t colour, bool filled,
                  unsigned quadrants, support::WorkMeter* meter);

// `points` holds x0, y0, x1, y1, ... (an odd last value is ignored), offset by (x, y).
bool draw_polygon(const PixelTarget& target, std::int64_t x, std::int64_t y,
                  std::span<const std::int64_t> points, std::uint32_t colour, bool filled,
                  support::WorkMeter* meter);

// Draws each byte of `text` as an 8x8 glyph, left to right from (x, y); bytes outside 32..127
// draw glyph 127. Only the glyphs' set pixels are drawn.
void draw_text(const PixelTarget& target, std::string_view text, std::int64_t x, std::int64_t y,
               std::uint32_t colour);

// Moves the picture by (step_x, step_y); the pixels uncovered keep their old values.
void scroll(const PixelTarget& target, std::int64_t step_x, std::int64_t step_y);

// Copies `source` with its top-left corner at (x, y), skipping pixels equal to `key` (after the
// palette, when given, maps each source value v to its pixel (v, 0)).
void blit(const PixelTarget& target, const PixelSource& source, std::int64_t x, std::int64_t y,
          std::int64_t key, const PixelSource* palette);

}  // namespace xipy::library
