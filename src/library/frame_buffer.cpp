// Pixel drawing in framebuf's formats: the same pixels as MicroPython's framebuf draws.
#include "library/frame_buffer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "library/frame_buffer_font.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::library {
namespace {

constexpr std::int64_t largest_dimension = 0xffff;

// MicroPython does this arithmetic in machine words that wrap on overflow (undefined in C, in
// practice two's complement); these give the same results without undefined behaviour.
std::int64_t wrapping_add(std::int64_t left, std::int64_t right) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(left) +
                                     static_cast<std::uint64_t>(right));
}

std::int64_t wrapping_subtract(std::int64_t left, std::int64_t right) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(left) -
                                     static_cast<std::uint64_t>(right));
}

std::int64_t wrapping_multiply(std::int64_t left, std::int64_t right) {
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(left) *
                                     static_cast<std::uint64_t>(right));
}

// C's division, truncating towards zero; the one quotient that overflows wraps.
std::int64_t truncating_divide(std::int64_t dividend, std::int64_t divisor) {
    if (divisor == -1) {
        return wrapping_subtract(0, dividend);
    }
    return dividend / divisor;
}

// The end of a span that starts at `start` and is `length` long, saturated to 64 bits.
std::int64_t span_end(std::int64_t start, std::int64_t length) {
    std::int64_t end = 0;
    if (__builtin_add_overflow(start, length, &end)) {
        return length > 0 ? std::numeric_limits<std::int64_t>::max()
                          : std::numeric_limits<std::int64_t>::min();
    }
    return end;
}

// Where an edge from (x1, y1) to (x2, y2) crosses `row`: x1 + (x2 - x1) * (row - y1) / (y2 - y1)
// worked in 1/32 pixels and rounded, with C's truncating divisions, as the reference does.
std::int64_t edge_crossing(std::int64_t x1, std::int64_t y1, std::int64_t x2, std::int64_t y2,
                           std::int64_t row) {
    std::int64_t numerator = wrapping_multiply(wrapping_multiply(32, wrapping_subtract(x2, x1)),
                                               wrapping_subtract(row, y1));
    std::int64_t scaled =
        wrapping_add(wrapping_add(wrapping_multiply(32, x1),
                                  truncating_divide(numerator, wrapping_subtract(y2, y1))),
                     16);
    return truncating_divide(scaled, 32);
}

// Where pixel (x, y) of a grid lives: its byte and its bit position inside that byte.
struct PixelPlace {
    std::uint64_t byte;
    unsigned shift;
};

PixelPlace place_of(const PixelGrid& grid, std::uint64_t x, std::uint64_t y) {
    auto stride = static_cast<std::uint64_t>(grid.stride);
    std::uint64_t linear = x + y * stride;
    switch (grid.format) {
        case PixelFormat::mono_vlsb:
            return {(y >> 3) * stride + x, static_cast<unsigned>(y & 7)};
        case PixelFormat::mono_hlsb:
            return {linear >> 3, static_cast<unsigned>(7 - (x & 7))};
        case PixelFormat::mono_hmsb:
            return {linear >> 3, static_cast<unsigned>(x & 7)};
        case PixelFormat::gs2_hmsb:
            return {linear >> 2, static_cast<unsigned>((x & 3) * 2)};
        case PixelFormat::gs4_hmsb:
            return {linear >> 1, (x & 1) != 0 ? 0u : 4u};
        case PixelFormat::gs8:
            return {linear, 0};
        case PixelFormat::rgb565:
            break;
    }
    return {linear * 2, 0};
}

// Bits per pixel inside a byte, for the formats that pack several.
std::uint8_t packed_mask(PixelFormat format) {
    switch (format) {
        case PixelFormat::gs2_hmsb:
            return 0x3;
        case PixelFormat::gs4_hmsb:
            return 0xf;
        case PixelFormat::gs8:
            return 0xff;
        default:
            return 0x1;
    }
}

}  // namespace

std::optional<PixelFormat> pixel_format(std::int64_t number) {
    if (number < 0 || number > static_cast<std::int64_t>(PixelFormat::gs8)) {
        return std::nullopt;
    }
    return static_cast<PixelFormat>(number);
}

std::optional<GridPlan> plan_grid(std::int64_t width, std::int64_t height, std::int64_t format,
                                  std::optional<std::int64_t> stride, GridProblem& problem) {
    std::int64_t row_pixels = stride.value_or(width);
    if (width < 1 || height < 1 || width > largest_dimension || height > largest_dimension ||
        row_pixels > largest_dimension || row_pixels < width) {
        problem = GridProblem::bad_dimensions;
        return std::nullopt;
    }
    std::optional<PixelFormat> kind = pixel_format(format);
    if (!kind) {
        problem = GridProblem::bad_format;
        return std::nullopt;
    }
    // The last row (or, for MONO_VLSB, the last band of 8 rows) needs only the width, rounded
    // up to whole bytes; every row before it needs a whole stride.
    std::int64_t bits_per_pixel = 1;
    std::int64_t rows = height;
    std::int64_t full_rows = height - 1;
    std::int64_t last_row_pixels = width;
    switch (*kind) {
        case PixelFormat::mono_vlsb:
            rows = (height + 7) & ~std::int64_t{7};
            full_rows = rows - 8;
            break;
        case PixelFormat::mono_hlsb:
        case PixelFormat::mono_hmsb:
            row_pixels = (row_pixels + 7) & ~std::int64_t{7};
            last_row_pixels = (width + 7) & ~std::int64_t{7};
            break;
        case PixelFormat::gs2_hmsb:
            row_pixels = (row_pixels + 3) & ~std::int64_t{3};
            last_row_pixels = (width + 3) & ~std::int64_t{3};
            bits_per_pixel = 2;
            break;
        case PixelFormat::gs4_hmsb:
            row_pixels = (row_pixels + 1) & ~std::int64_t{1};
            last_row_pixels = (width + 1) & ~std::int64_t{1};
            bits_per_pixel = 4;
            break;
        case PixelFormat::gs8:
            bits_per_pixel = 8;
            break;
        case PixelFormat::rgb565:
            bits_per_pixel = 16;
            break;
    }
    std::int64_t pixels = full_rows * row_pixels + (rows - full_rows) * last_row_pixels;
    problem = GridProblem::none;
    return GridPlan{PixelGrid{width, height, row_pixels, *kind},
                    static_cast<std::uint64_t>(pixels * bits_per_pixel / 8)};
}

std::uint32_t PixelSource::get(std::uint64_t x, std::uint64_t y) const {
    PixelPlace place = place_of(grid, x, y);
    if (grid.format == PixelFormat::rgb565) {
        if (place.byte >= memory.size() || memory.size() - place.byte < 2) {
            return 0;
        }
        std::uint16_t value = 0;
        std::memcpy(&value, memory.data() + place.byte, sizeof value);
        return value;
    }
    if (place.byte >= memory.size()) {
        return 0;
    }
    return (memory[place.byte] >> place.shift) & packed_mask(grid.format);
}

void PixelTarget::set(std::int64_t x, std::int64_t y, std::uint32_t colour) const {
    PixelPlace place = place_of(grid, static_cast<std::uint64_t>(x), static_cast<std::uint64_t>(y));
    if (grid.format == PixelFormat::rgb565) {
        if (place.byte < memory.size() && memory.size() - place.byte >= 2) {
            auto value = static_cast<std::uint16_t>(colour);
            std::memcpy(memory.data() + place.byte, &value, sizeof value);
        }
        return;
    }
    if (place.byte >= memory.size()) {
        return;
    }
    std::uint8_t mask = packed_mask(grid.format);
    // The one-bit formats light a pixel for any nonzero colour; the others keep low bits.
    std::uint8_t bits =
        mask == 1 ? (colour != 0 ? 1 : 0) : static_cast<std::uint8_t>(colour & mask);
    std::uint8_t& cell = memory[place.byte];
    cell = static_cast<std::uint8_t>((cell & ~(mask << place.shift)) | (bits << place.shift));
}

void PixelTarget::set_clipped(std::int64_t x, std::int64_t y, std::uint32_t colour) const {
    if (0 <= x && x < grid.width && 0 <= y && y < grid.height) {
        set(x, y, colour);
    }
}

void fill_rectangle(const PixelTarget& target, std::int64_t x, std::int64_t y, std::int64_t width,
                    std::int64_t height, std::uint32_t colour) {
    if (width < 1 || height < 1) {
        return;
    }
    std::int64_t x_end = std::min(target.grid.width, span_end(x, width));
    std::int64_t y_end = std::min(target.grid.height, span_end(y, height));
    for (std::int64_t row = std::max<std::int64_t>(y, 0); row < y_end; ++row) {
        for (std::int64_t column = std::max<std::int64_t>(x, 0); column < x_end; ++column) {
            target.set(column, row, colour);
        }
    }
}

bool draw_line(const PixelTarget& target, std::int64_t x1, std::int64_t y1, std::int64_t x2,
               std::int64_t y2, std::uint32_t colour, support::WorkMeter* meter) {
    // Bresenham's algorithm along the axis of greater change (the major axis), stepping the
    // minor axis whenever the error term says so. The end point is always drawn.
    std::int64_t delta_major = wrapping_subtract(x2, x1);
    std::int64_t step_major = delta_major > 0 ? 1 : -1;
    delta_major = delta_major > 0 ? delta_major : wrapping_subtract(0, delta_major);
    std::int64_t delta_minor = wrapping_subtract(y2, y1);
    std::int64_t step_minor = delta_minor > 0 ? 1 : -1;
    delta_minor = delta_minor > 0 ? delta_minor : wrapping_subtract(0, delta_minor);
    std::int64_t major = x1;
    std::int64_t minor = y1;
    bool steep = delta_minor > delta_major;
    if (steep) {
        std::swap(major, minor);
        std::swap(delta_major, delta_minor);
        std::swap(step_major, step_minor);
    }
    std::int64_t major_limit = steep ? target.grid.height : target.grid.width;
    std::int64_t error = wrapping_subtract(wrapping_multiply(2, delta_minor), delta_major);
    support::WorkBatch work(meter);
    for (std::int64_t index = 0; index < delta_major; ++index) {
        // Past the grid along the major axis, no later point can land inside it.
        if ((step_major > 0 && major >= major_limit) || (step_major < 0 && major < 0)) {
            break;
        }
        if (!work.add(1)) {
            return false;
        }
        if (steep) {
            target.set_clipped(minor, major, colour);
        } else {
            target.set_clipped(major, minor, colour);
        }
        while (error >= 0) {
            minor = wrapping_add(minor, step_minor);
            error = wrapping_subtract(error, wrapping_multiply(2, delta_major));
        }
        major = wrapping_add(major, step_major);
        error = wrapping_add(error, wrapping_multiply(2, delta_minor));
    }
    target.set_clipped(x2, y2, colour);
    return true;
}

namespace {

// The four mirror images of one ellipse point (dx, dy) about the centre, or the spans from
// the centre column to them when filled, for the quadrants asked for.
void ellipse_points(const PixelTarget& target, std::int64_t centre_x, std::int64_t centre_y,
                    std::int64_t dx, std::int64_t dy, std::uint32_t colour, bool filled,
                    unsigned quadrants) {
    std::int64_t left = wrapping_subtract(centre_x, dx);
    std::int64_t right = wrapping_add(centre_x, dx);
    std::int64_t top = wrapping_subtract(centre_y, dy);
    std::int64_t bottom = wrapping_add(centre_y, dy);
    std::int64_t span = wrapping_add(dx, 1);
    if (filled) {
        if ((quadrants & 1) != 0) {
            fill_rectangle(target, centre_x, top, span, 1, colour);
        }
        if ((quadrants & 2) != 0) {
            fill_rectangle(target, left, top, span, 1, colour);
        }
        if ((quadrants & 4) != 0) {
            fill_rectangle(target, left, bottom, span, 1, colour);
        }
        if ((quadrants & 8) != 0) {
            fill_rectangle(target, centre_x, bottom, span, 1, colour);
        }
        return;
    }
    if ((quadrants & 1) != 0) {
        target.set_clipped(right, top, colour);
    }
    if ((quadrants & 2) != 0) {
        target.set_clipped(left, top, colour);
    }
    if ((quadrants & 4) != 0) {
        target.set_clipped(left, bottom, colour);
    }
    if ((quadrants & 8) != 0) {
        target.set_clipped(right, bottom, colour);
    }
}

}  // namespace

bool draw_ellipse(const PixelTarget& target, std::int64_t centre_x, std::int64_t centre_y,
                  std::int64_t radius_x, std::int64_t radius_y, std::uint32_t colour, bool filled,
                  unsigned quadrants, support::WorkMeter* meter) {
    if (radius_x == 0 && radius_y == 0) {
        if ((quadrants & all_quadrants) != 0) {
            target.set_clipped(centre_x, centre_y, colour);
        }
        return true;
    }
    // The midpoint method in two runs (J. Kennedy's integer ellipse): from (a, 0) upwards while
    // the slope is steeper than -1, stepping y each time and x when the error says so; then
    // from (0, b) outwards, stepping x each time and y when the error says so.
    auto multiply = wrapping_multiply;
    auto add = wrapping_add;
    std::int64_t a = radius_x;
    std::int64_t b = radius_y;
    std::int64_t two_a_square = multiply(2, multiply(a, a));
    std::int64_t two_b_square = multiply(2, multiply(b, b));
    // The early exits below assume the points move away from the centre, as they do for
    // positive radii.
    bool regular = a > 0 && b > 0;
    support::WorkBatch work(meter);

    std::int64_t x = a;
    std::int64_t y = 0;
    std::int64_t x_change = multiply(multiply(b, b), wrapping_subtract(1, multiply(2, a)));
    std::int64_t y_change = multiply(a, a);
    std::int64_t error = 0;
    std::int64_t stopping_x = multiply(two_b_square, a);
    std::int64_t stopping_y = 0;
    while (stopping_x >= stopping_y) {
        // y only grows here: once both of its rows are off the grid, so are all later ones.
        if (regular && y > centre_y && add(centre_y, y) >= target.grid.height) {
            break;
        }
        if (!work.add(4)) {
            return false;
        }
        ellipse_points(target, centre_x, centre_y, x, y, colour, filled, quadrants);
        y = add(y, 1);
        stopping_y = add(stopping_y, two_a_square);
        error = add(error, y_change);
        y_change = add(y_change, two_a_square);
        if (add(multiply(2, error), x_change) > 0) {
            x = wrapping_subtract(x, 1);
            stopping_x = wrapping_subtract(stopping_x, two_b_square);
            error = add(error, x_change);
            x_change = add(x_change, two_b_square);
        }
    }

    x = 0;
    y = b;
    x_change = multiply(b, b);
    y_change = multiply(multiply(a, a), wrapping_subtract(1, multiply(2, b)));
    error = 0;
    stopping_x = 0;
    stopping_y = multiply(two_a_square, b);
    while (stopping_x <= stopping_y) {
        if (regular) {
            // y only shrinks here: rows wholly above or below the grid stay so.
            if (add(centre_y, y) < 0 || wrapping_subtract(centre_y, y) >= target.grid.height) {
                break;
            }
            // x only grows: unfilled points past both sides stay past them.
            if (!filled && x > centre_x && add(centre_x, x) >= target.grid.width) {
                break;
            }
        }
        if (!work.add(4)) {
            return false;
        }
        ellipse_points(target, centre_x, centre_y, x, y, colour, filled, quadrants);
        x = add(x, 1);
        stopping_x = add(stopping_x, two_b_square);
        error = add(error, x_change);
        x_change = add(x_change, two_b_square);
        if (add(multiply(2, error), y_change) > 0) {
            y = wrapping_subtract(y, 1);
            stopping_y = wrapping_subtract(stopping_y, two_a_square);
            error = add(error, y_change);
            y_change = add(y_change, two_a_square);
        }
    }
    return true;
}

bool draw_polygon(const PixelTarget& target, std::int64_t x, std::int64_t y,
                  std::span<const std::int64_t> points, std::uint32_t colour, bool filled,
                  support::WorkMeter* meter) {
    std::size_t count = points.size() / 2;
    if (count == 0) {
        return true;
    }
    auto point_x = [&](std::size_t index) { return points[index * 2]; };
    auto point_y = [&](std::size_t index) { return points[index * 2 + 1]; };
    support::WorkBatch work(meter);
    // Edges are walked from the first point to the last, then back to the first, as the
    // reference walks them (the order decides nothing but which end a line starts from).
    auto edge_start = [&](std::size_t edge) { return edge == 0 ? 0 : count - edge; };
    auto edge_end = [&](std::size_t edge) { return count - 1 - edge; };
    if (!filled) {
        for (std::size_t edge = 0; edge < count; ++edge) {
            std::size_t from = edge_start(edge);
            std::size_t to = edge_end(edge);
            if (!draw_line(target, wrapping_add(x, point_x(from)), wrapping_add(y, point_y(from)),
                           wrapping_add(x, point_x(to)), wrapping_add(y, point_y(to)), colour,
                           meter)) {
                return false;
            }
        }
        return true;
    }
    // Scan-line filling with integer crossings: on each row, the x where each edge crosses it
    // (an edge's lower end excluded, so a shared vertex counts once), sorted, filled pairwise.
    // Rows off the grid draw nothing, so only the rows on it are scanned.
    std::int64_t lowest = point_y(0);
    std::int64_t highest = point_y(0);
    for (std::size_t index = 1; index < count; ++index) {
        lowest = std::min(lowest, point_y(index));
        highest = std::max(highest, point_y(index));
    }
    std::int64_t first_row = std::max(lowest, wrapping_subtract(0, y));
    std::int64_t last_row = std::min(highest, wrapping_subtract(target.grid.height - 1, y));
    support::ScratchVector<std::int64_t> crossings;
    crossings.reserve(count);
    for (std::int64_t row = first_row; row <= last_row; ++row) {
        if (!work.add(count)) {
            return false;
        }
        crossings.clear();
        for (std::size_t edge = 0; edge < count; ++edge) {
            std::int64_t x1 = point_x(edge_start(edge));
            std::int64_t y1 = point_y(edge_start(edge));
            std::int64_t x2 = point_x(edge_end(edge));
            std::int64_t y2 = point_y(edge_end(edge));
            if (y1 != y2 && ((y1 > row && y2 <= row) || (y1 <= row && y2 > row))) {
                crossings.push_back(edge_crossing(x1, y1, x2, y2, row));
            } else if (row == std::max(y1, y2)) {
                // The lower end of an edge is left out above, which misses the pixels of a
                // local minimum or of a horizontal edge there: draw them directly.
                if (y1 < y2) {
                    target.set_clipped(wrapping_add(x, x2), wrapping_add(y, y2), colour);
                } else if (y2 < y1) {
                    target.set_clipped(wrapping_add(x, x1), wrapping_add(y, y1), colour);
                } else if (!draw_line(target, wrapping_add(x, x1), wrapping_add(y, y1),
                                      wrapping_add(x, x2), wrapping_add(y, y2), colour, meter)) {
                    return false;
                }
            }
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t index = 0; index + 1 < crossings.size(); index += 2) {
            fill_rectangle(
                target, wrapping_add(x, crossings[index]), wrapping_add(y, row),
                wrapping_add(wrapping_subtract(crossings[index + 1], crossings[index]), 1), 1,
                colour);
        }
    }
    return true;
}

void draw_text(const PixelTarget& target, std::string_view text, std::int64_t x, std::int64_t y,
               std::uint32_t colour) {
    for (char character : text) {
        unsigned code = static_cast<unsigned char>(character);
        if (code < frame_buffer_font_first || code > frame_buffer_font_last) {
            code = frame_buffer_font_last;
        }
        const std::uint8_t* glyph = frame_buffer_font[code - frame_buffer_font_first];
        for (int column = 0; column < 8; ++column, x = wrapping_add(x, 1)) {
            if (x < 0 || x >= target.grid.width) {
                continue;
            }
            for (int row = 0; row < 8; ++row) {
                if ((glyph[column] >> row & 1) != 0) {
                    target.set_clipped(x, wrapping_add(y, row), colour);
                }
            }
        }
    }
}

void scroll(const PixelTarget& target, std::int64_t step_x, std::int64_t step_y) {
    std::int64_t width = target.grid.width;
    std::int64_t height = target.grid.height;
    // A step of the whole width or height (or more) leaves the picture as it is.
    if (step_x <= -width || step_x >= width || step_y <= -height || step_y >= height) {
        return;
    }
    // Copy in the order that reads each pixel before it is overwritten.
    std::int64_t x_first = step_x < 0 ? 0 : width - 1;
    std::int64_t x_stop = step_x < 0 ? width + step_x : step_x - 1;
    std::int64_t x_direction = step_x < 0 ? 1 : -1;
    std::int64_t y_first = step_y < 0 ? 0 : height - 1;
    std::int64_t y_stop = step_y < 0 ? height + step_y : step_y - 1;
    std::int64_t y_direction = step_y < 0 ? 1 : -1;
    for (std::int64_t row = y_first; row != y_stop; row += y_direction) {
        for (std::int64_t column = x_first; column != x_stop; column += x_direction) {
            target.set(column, row, target.get(column - step_x, row - step_y));
        }
    }
}

void blit(const PixelTarget& target, const PixelSource& source, std::int64_t x, std::int64_t y,
          std::int64_t key, const PixelSource* palette) {
    if (x >= target.grid.width || y >= target.grid.height || x <= -source.grid.width ||
        y <= -source.grid.height) {
        return;
    }
    std::int64_t column_end = std::min(target.grid.width, x + source.grid.width);
    std::int64_t row_end = std::min(target.grid.height, y + source.grid.height);
    // MicroPython compares a pixel with the key as unsigned 32-bit values.
    auto skipped = static_cast<std::uint32_t>(key);
    std::int64_t source_row = std::max<std::int64_t>(0, -y);
    for (std::int64_t row = std::max<std::int64_t>(0, y); row < row_end; ++row, ++source_row) {
        std::int64_t source_column = std::max<std::int64_t>(0, -x);
        for (std::int64_t column = std::max<std::int64_t>(0, x); column < column_end;
             ++column, ++source_column) {
            std::uint32_t colour = source.get(source_column, source_row);
            if (palette != nullptr) {
                colour = palette->get(colour, 0);
            }
            if (colour != skipped) {
                target.set(column, row, colour);
            }
        }
    }
}

}  // namespace xipy::library
