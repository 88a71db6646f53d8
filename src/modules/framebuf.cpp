// The framebuf module: FrameBuffer drawing over any writable buffer, as MicroPython 1.29's.
#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "library/frame_buffer.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "object/text_methods.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::modules {

using object::Arguments;
using object::Attribute;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

extern const object::Type frame_buffer_type;

// A frame buffer: a pixel grid over another object's memory. Invariants: once `initialised`,
// `buffer` is an object with a writable buffer that was at least as large as the grid needs
// when the grid was set; the memory is looked up again on every use (a bytearray may have been
// resized since), and the library never touches a byte beyond it. A subclass's instance holds
// one that starts uninitialised until its __init__ calls FrameBuffer's.
struct FrameBufferObject : object::Object {
    Value buffer;
    library::PixelGrid grid;
    bool initialised = false;

    explicit FrameBufferObject(const object::Type* type) : Object(type) {}
};

void trace_frame_buffer(gc::Cell* cell, gc::Tracer& tracer) {
    auto* frame_buffer = static_cast<FrameBufferObject*>(cell);
    if (frame_buffer->buffer.is_object()) {
        tracer.mark(frame_buffer->buffer.as_object());
    }
}

// ---- arguments

// Coordinates and sizes: MicroPython works on them in C ints, so nothing beyond 32 bits draws
// differently from the nearest 32-bit value; clamping keeps every sum in range.
std::optional<std::int64_t> coordinate(object::Runtime& runtime, Value value) {
    std::optional<std::int64_t> number = object::to_integer(runtime, value);
    if (!number) {
        return std::nullopt;
    }
    return std::clamp<std::int64_t>(*number, std::numeric_limits<std::int32_t>::min(),
                                    std::numeric_limits<std::int32_t>::max());
}

// A colour keeps its low 32 bits, as MicroPython passes it on.
std::optional<std::uint32_t> colour(object::Runtime& runtime, Value value) {
    std::optional<std::int64_t> number = object::to_integer(runtime, value);
    if (!number) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(*number);
}

// Converts arguments[first, first + count) as coordinates into `numbers`.
bool coordinates(object::Runtime& runtime, Arguments arguments, std::uint32_t first,
                 std::uint32_t count, std::int64_t* numbers) {
    for (std::uint32_t index = 0; index < count; ++index) {
        std::optional<std::int64_t> number = coordinate(runtime, arguments[first + index]);
        if (!number) {
            return false;
        }
        numbers[index] = *number;
    }
    return true;
}

// The reference's argument-count messages for a constructor taking `minimum` to `maximum`
// positional arguments and no keywords.
object::Status check_count(object::Runtime& runtime, Arguments arguments, std::uint32_t minimum,
                           std::uint32_t maximum) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&object::type_error_type,
                                 "function doesn't take keyword arguments");
    }
    std::uint32_t count = arguments.positional_count;
    if (count < minimum) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function missing ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(minimum - count)),
             " required positional arguments"});
    }
    if (count > maximum) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(maximum)), " arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(count))});
    }
    return object::succeeded();
}

// Width, height, format and an optional stride (absent or given), checked as the constructor
// checks them: ValueError() for sizes, ValueError "invalid format" for the format.
std::optional<library::GridPlan> plan_from(object::Runtime& runtime, const Value* values,
                                           bool has_stride) {
    std::int64_t numbers[4] = {};
    for (int index = 0; index < (has_stride ? 4 : 3); ++index) {
        std::optional<std::int64_t> number = object::to_integer(runtime, values[index]);
        if (!number) {
            return std::nullopt;
        }
        numbers[index] = *number;
    }
    library::GridProblem problem = library::GridProblem::none;
    std::optional<library::GridPlan> plan = library::plan_grid(
        numbers[0], numbers[1], numbers[2],
        has_stride ? std::optional<std::int64_t>(numbers[3]) : std::nullopt, problem);
    if (!plan) {
        if (problem == library::GridProblem::bad_format) {
            runtime.raise_new(&object::value_error_type, "invalid format");
        } else {
            runtime.raise_type(&object::value_error_type);
        }
    }
    return plan;
}

// The memory of a buffer argument: writable for a frame buffer's own pixels, readable (bytes
// and str too) for what blit reads. Empty with TypeError "object with buffer protocol
// required" pending when there is none.
std::optional<std::span<std::uint8_t>> writable_memory(object::Runtime& runtime, Value value) {
    std::optional<object::BufferView> view = object::get_buffer(value);
    if (!view || !view->writable) {
        runtime.raise_new(&object::type_error_type, "object with buffer protocol required");
        return std::nullopt;
    }
    return std::span<std::uint8_t>(view->data, view->size);
}

std::optional<std::span<const std::uint8_t>> readable_memory(object::Runtime& runtime,
                                                             Value value) {
    if (object::is_str(value)) {
        std::string_view text = object::str_view(runtime, value);
        return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                             text.size());
    }
    std::optional<object::BufferView> view = object::require_buffer(runtime, value);
    if (!view) {
        return std::nullopt;
    }
    return std::span<const std::uint8_t>(view->data, view->size);
}

// ---- construction

// Sets up `frame_buffer` from (buffer, width, height, format[, stride]): the checks and the
// errors in MicroPython's order (numbers, then sizes, then the format, then the buffer).
object::Status initialise(object::Runtime& runtime, FrameBufferObject* frame_buffer,
                          Arguments arguments) {
    XIPY_CHECK(check_count(runtime, arguments, 4, 5));
    std::optional<library::GridPlan> plan =
        plan_from(runtime, arguments.values + 1, arguments.positional_count == 5);
    if (!plan) {
        return object::Raised{};
    }
    std::optional<std::span<std::uint8_t>> memory = writable_memory(runtime, arguments[0]);
    if (!memory) {
        return object::Raised{};
    }
    if (memory->size() < plan->bytes_needed) {
        return runtime.raise_type(&object::value_error_type);
    }
    frame_buffer->buffer = arguments[0];
    frame_buffer->grid = plan->grid;
    frame_buffer->initialised = true;
    return object::succeeded();
}

object::Result<Value> frame_buffer_make_new(object::Runtime& runtime, const object::Type* type,
                                            Arguments arguments) {
    auto* frame_buffer = runtime.make<FrameBufferObject>(0, type);
    if (frame_buffer == nullptr) {
        return Value::empty();
    }
    Value result = Value::from_object(frame_buffer);
    // A subclass with its own __init__ makes its FrameBuffer with no arguments, to be set up
    // when that __init__ calls FrameBuffer.__init__ (see object::instance_make_new).
    if (arguments.positional_count == 0 && arguments.keyword_count == 0) {
        return result;
    }
    XIPY_CHECK(initialise(runtime, frame_buffer, arguments));
    return result;
}

// The FrameBuffer behind `self` (a FrameBuffer or an instance of a subclass), or null with
// AttributeError pending when a subclass's __init__ never set it up.
FrameBufferObject* frame_buffer_of(object::Runtime& runtime, Value self) {
    Value native = object::native_self(self);
    if (!native.is_object() || object::type_of(native) != &frame_buffer_type) {
        runtime.raise_new(&object::type_error_type, "FrameBuffer required");
        return nullptr;
    }
    auto* frame_buffer = static_cast<FrameBufferObject*>(native.as_object());
    if (!frame_buffer->initialised) {
        runtime.raise_new(&object::attribute_error_type, "call super().__init__() first");
        return nullptr;
    }
    return frame_buffer;
}

// Where to draw, looked up now: call it after the last allocation of the operation.
library::PixelTarget target_of(const FrameBufferObject* frame_buffer) {
    std::optional<object::BufferView> view = object::get_buffer(frame_buffer->buffer);
    std::span<std::uint8_t> memory;
    if (view && view->writable) {
        memory = {view->data, view->size};
    }
    return library::PixelTarget{frame_buffer->grid, memory};
}

object::Result<Value> frame_buffer_init(object::Runtime& runtime, Arguments arguments) {
    Value native = object::native_self(arguments[0]);
    if (!native.is_object() || object::type_of(native) != &frame_buffer_type) {
        return runtime.raise_new(&object::type_error_type, "FrameBuffer required");
    }
    Arguments rest = arguments.without_first();
    XIPY_CHECK(initialise(runtime, static_cast<FrameBufferObject*>(native.as_object()), rest));
    return Value::none();
}

// FrameBuffer1(buffer, width, height[, stride]): the old name for a MONO_VLSB FrameBuffer.
object::Result<Value> frame_buffer_one(object::Runtime& runtime, Arguments arguments) {
    Value values[5] = {arguments[0], arguments[1], arguments[2],
                       Value::from_small_int(static_cast<int>(library::PixelFormat::mono_vlsb)),
                       arguments.positional_count > 3 ? arguments[3] : Value::none()};
    return frame_buffer_make_new(runtime, &frame_buffer_type,
                                 Arguments{values, arguments.positional_count > 3 ? 5u : 4u, 0});
}

// ---- drawing

object::Result<Value> frame_buffer_fill(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::optional<std::uint32_t> fill_colour =
        frame_buffer ? colour(runtime, arguments[1]) : std::nullopt;
    if (!fill_colour) {
        return Value::empty();
    }
    library::PixelTarget target = target_of(frame_buffer);
    library::fill_rectangle(target, 0, 0, target.grid.width, target.grid.height, *fill_colour);
    return Value::none();
}

// fill_rect, hline and vline: a rectangle from `count` coordinates (x, y, then the sizes not
// fixed at 1) and a colour.
enum class RectangleShape { box, row, column };

object::Result<Value> draw_rectangle(object::Runtime& runtime, Arguments arguments,
                                     RectangleShape shape) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    if (frame_buffer == nullptr) {
        return Value::empty();
    }
    std::uint32_t count = shape == RectangleShape::box ? 4 : 3;
    std::int64_t numbers[4] = {0, 0, 1, 1};
    if (!coordinates(runtime, arguments, 1, count, numbers)) {
        return Value::empty();
    }
    if (shape == RectangleShape::column) {
        numbers[3] = numbers[2];
        numbers[2] = 1;
    }
    std::optional<std::uint32_t> fill_colour = colour(runtime, arguments[1 + count]);
    if (!fill_colour) {
        return Value::empty();
    }
    library::fill_rectangle(target_of(frame_buffer), numbers[0], numbers[1], numbers[2], numbers[3],
                            *fill_colour);
    return Value::none();
}

object::Result<Value> frame_buffer_fill_rect(object::Runtime& runtime, Arguments arguments) {
    return draw_rectangle(runtime, arguments, RectangleShape::box);
}

object::Result<Value> frame_buffer_hline(object::Runtime& runtime, Arguments arguments) {
    return draw_rectangle(runtime, arguments, RectangleShape::row);
}

object::Result<Value> frame_buffer_vline(object::Runtime& runtime, Arguments arguments) {
    return draw_rectangle(runtime, arguments, RectangleShape::column);
}

// rect(x, y, w, h, c[, f]): the outline, or the whole rectangle when f is true.
object::Result<Value> frame_buffer_rect(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[4];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 4, numbers)) {
        return Value::empty();
    }
    std::optional<std::uint32_t> rectangle_colour = colour(runtime, arguments[5]);
    if (!rectangle_colour) {
        return Value::empty();
    }
    int filled = arguments.positional_count > 6 ? object::truth(runtime, arguments[6]) : 0;
    if (filled < 0) {
        return Value::empty();
    }
    auto [x, y, width, height] = numbers;
    library::PixelTarget target = target_of(frame_buffer);
    if (filled != 0) {
        library::fill_rectangle(target, x, y, width, height, *rectangle_colour);
        return Value::none();
    }
    library::fill_rectangle(target, x, y, width, 1, *rectangle_colour);
    library::fill_rectangle(target, x, y + height - 1, width, 1, *rectangle_colour);
    library::fill_rectangle(target, x, y, 1, height, *rectangle_colour);
    library::fill_rectangle(target, x + width - 1, y, 1, height, *rectangle_colour);
    return Value::none();
}

// pixel(x, y) reads a pixel (None off the grid); pixel(x, y, c) sets one.
object::Result<Value> frame_buffer_pixel(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[2];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 2, numbers)) {
        return Value::empty();
    }
    auto [x, y] = numbers;
    const library::PixelGrid& grid = frame_buffer->grid;
    if (x < 0 || x >= grid.width || y < 0 || y >= grid.height) {
        return Value::none();
    }
    if (arguments.positional_count == 3) {
        return Value::from_small_int(target_of(frame_buffer).get(x, y));
    }
    std::optional<std::uint32_t> pixel_colour = colour(runtime, arguments[3]);
    if (!pixel_colour) {
        return Value::empty();
    }
    target_of(frame_buffer).set(x, y, *pixel_colour);
    return Value::none();
}

object::Result<Value> frame_buffer_line(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[4];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 4, numbers)) {
        return Value::empty();
    }
    std::optional<std::uint32_t> line_colour = colour(runtime, arguments[5]);
    if (!line_colour) {
        return Value::empty();
    }
    object::NativeWorkMeter meter(runtime);
    if (!library::draw_line(target_of(frame_buffer), numbers[0], numbers[1], numbers[2], numbers[3],
                            *line_colour, &meter)) {
        return Value::empty();
    }
    return Value::none();
}

// ellipse(x, y, xr, yr, c[, f[, m]]): m picks quadrants (bit 0 upper right, then anticlockwise).
object::Result<Value> frame_buffer_ellipse(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[4];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 4, numbers)) {
        return Value::empty();
    }
    std::optional<std::uint32_t> ellipse_colour = colour(runtime, arguments[5]);
    if (!ellipse_colour) {
        return Value::empty();
    }
    int filled = arguments.positional_count > 6 ? object::truth(runtime, arguments[6]) : 0;
    if (filled < 0) {
        return Value::empty();
    }
    unsigned quadrants = library::all_quadrants;
    if (arguments.positional_count > 7) {
        std::optional<std::int64_t> mask = object::to_integer(runtime, arguments[7]);
        if (!mask) {
            return Value::empty();
        }
        quadrants = static_cast<unsigned>(*mask) & library::all_quadrants;
    }
    object::NativeWorkMeter meter(runtime);
    if (!library::draw_ellipse(target_of(frame_buffer), numbers[0], numbers[1], numbers[2],
                               numbers[3], *ellipse_colour, filled != 0, quadrants, &meter)) {
        return Value::empty();
    }
    return Value::none();
}

// poly(x, y, coords, c[, f]): coords is any buffer of integers (an array('h'), bytes...).
object::Result<Value> frame_buffer_poly(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[2];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 2, numbers)) {
        return Value::empty();
    }
    std::optional<object::BufferView> view = object::require_buffer(runtime, arguments[3]);
    if (!view) {
        return Value::empty();
    }
    std::size_t count = view->count() / 2 * 2;
    if (count == 0) {
        return Value::none();
    }
    std::optional<std::uint32_t> polygon_colour = colour(runtime, arguments[4]);
    if (!polygon_colour) {
        return Value::empty();
    }
    int filled = arguments.positional_count > 5 ? object::truth(runtime, arguments[5]) : 0;
    if (filled < 0) {
        return Value::empty();
    }
    // The points are read once, before drawing; reading an item may allocate (a 64-bit item
    // becomes an int object), so the view is fetched again for each.
    XIPY_CHECK(runtime.make_room_for_result(count * sizeof(std::int64_t), 1));
    support::ScratchVector<std::int64_t> points;
    points.reserve(count);
    object::LoopRoots rounds(runtime);
    for (std::size_t index = 0; index < count; ++index, rounds.next_round()) {
        view = object::get_buffer(arguments[3]);
        if (!view || index >= view->count()) {
            break;
        }
        Value item = object::buffer_load_item(runtime, *view, index);
        if (item.is_empty()) {
            return Value::empty();
        }
        std::optional<std::int64_t> number = object::to_integer(runtime, item);
        if (!number) {
            return Value::empty();
        }
        points.push_back(*number);
    }
    object::NativeWorkMeter meter(runtime);
    if (!library::draw_polygon(target_of(frame_buffer), numbers[0], numbers[1], points,
                               *polygon_colour, filled != 0, &meter)) {
        return Value::empty();
    }
    return Value::none();
}

// text(s, x, y[, c]): s is a str (its UTF-8 bytes are drawn, one glyph each) or bytes.
object::Result<Value> frame_buffer_text(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    if (frame_buffer == nullptr) {
        return Value::empty();
    }
    Value text_value = arguments[1];
    if (!object::is_str(text_value) && !object::is_bytes(text_value)) {
        object::text_argument(runtime, text_value, text::TextKind::str);
        return Value::empty();
    }
    std::int64_t numbers[2];
    if (!coordinates(runtime, arguments, 2, 2, numbers)) {
        return Value::empty();
    }
    std::optional<std::uint32_t> text_colour =
        arguments.positional_count > 4 ? colour(runtime, arguments[4]) : std::uint32_t{1};
    if (!text_colour) {
        return Value::empty();
    }
    std::string_view text = object::is_str(text_value) ? object::str_view(runtime, text_value)
                                                       : object::bytes_view(text_value);
    library::draw_text(target_of(frame_buffer), text, numbers[0], numbers[1], *text_colour);
    return Value::none();
}

object::Result<Value> frame_buffer_scroll(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    std::int64_t numbers[2];
    if (frame_buffer == nullptr || !coordinates(runtime, arguments, 1, 2, numbers)) {
        return Value::empty();
    }
    library::scroll(target_of(frame_buffer), numbers[0], numbers[1]);
    return Value::none();
}

// What blit reads: a FrameBuffer (or subclass instance), or a tuple or list
// (buffer, width, height, format[, stride]) checked as the constructor checks its arguments.
// The memory is looked up by memory_of() once nothing more allocates.
struct BlitSource {
    library::PixelGrid grid;
    Value buffer;
};

std::optional<BlitSource> blit_source(object::Runtime& runtime, Value value) {
    Value native = object::native_self(value);
    if (native.is_object() && object::type_of(native) == &frame_buffer_type) {
        FrameBufferObject* frame_buffer = frame_buffer_of(runtime, value);
        if (frame_buffer == nullptr) {
            return std::nullopt;
        }
        return BlitSource{frame_buffer->grid, frame_buffer->buffer};
    }
    if (!object::is_tuple(native) && !object::is_list(native)) {
        runtime.raise_joined(
            &object::type_error_type,
            {"object '", object::type_name_of(runtime, value), "' isn't a tuple or list"});
        return std::nullopt;
    }
    std::span<const Value> items = object::sequence_items(native);
    if (items.size() < 4 || items.size() > 5) {
        runtime.raise_type(&object::value_error_type);
        return std::nullopt;
    }
    std::optional<library::GridPlan> plan = plan_from(runtime, &items[1], items.size() == 5);
    if (!plan) {
        return std::nullopt;
    }
    std::optional<std::span<const std::uint8_t>> memory = readable_memory(runtime, items[0]);
    if (!memory) {
        return std::nullopt;
    }
    if (memory->size() < plan->bytes_needed) {
        runtime.raise_type(&object::value_error_type);
        return std::nullopt;
    }
    return BlitSource{plan->grid, items[0]};
}

library::PixelSource memory_of(object::Runtime& runtime, const BlitSource& source) {
    std::span<const std::uint8_t> memory;
    if (object::is_str(source.buffer)) {
        std::string_view text = object::str_view(runtime, source.buffer);
        memory = {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
    } else if (std::optional<object::BufferView> view = object::get_buffer(source.buffer)) {
        memory = {view->data, view->size};
    }
    return library::PixelSource{source.grid, memory};
}

// blit(source, x, y[, key[, palette]]): palette (None for none) maps source values to colours.
object::Result<Value> frame_buffer_blit(object::Runtime& runtime, Arguments arguments) {
    FrameBufferObject* frame_buffer = frame_buffer_of(runtime, arguments[0]);
    if (frame_buffer == nullptr) {
        return Value::empty();
    }
    std::optional<BlitSource> source = blit_source(runtime, arguments[1]);
    std::int64_t numbers[2];
    if (!source || !coordinates(runtime, arguments, 2, 2, numbers)) {
        return Value::empty();
    }
    std::int64_t key = -1;
    if (arguments.positional_count > 4) {
        std::optional<std::int64_t> number = object::to_integer(runtime, arguments[4]);
        if (!number) {
            return Value::empty();
        }
        key = *number;
    }
    std::optional<BlitSource> palette;
    if (arguments.positional_count > 5 && !arguments[5].is_none()) {
        palette = blit_source(runtime, arguments[5]);
        if (!palette) {
            return Value::empty();
        }
    }
    library::PixelSource source_pixels = memory_of(runtime, *source);
    std::optional<library::PixelSource> palette_pixels;
    if (palette) {
        palette_pixels = memory_of(runtime, *palette);
    }
    library::blit(target_of(frame_buffer), source_pixels, numbers[0], numbers[1], key,
                  palette_pixels ? &*palette_pixels : nullptr);
    return Value::none();
}

// ---- the type

// The buffer protocol hands out the whole underlying buffer, typecode included, as MicroPython
// 1.29 does.
bool frame_buffer_get_buffer(Value self, object::BufferView& view) {
    Value native = object::native_self(self);
    if (!native.is_object() || object::type_of(native) != &frame_buffer_type) {
        return false;
    }
    auto* frame_buffer = static_cast<FrameBufferObject*>(native.as_object());
    if (!frame_buffer->initialised) {
        return false;
    }
    std::optional<object::BufferView> underlying = object::get_buffer(frame_buffer->buffer);
    if (!underlying) {
        return false;
    }
    view = *underlying;
    return true;
}

object::Status frame_buffer_print(object::Runtime&, Value, object::Printer& printer,
                                  object::PrintKind) {
    printer.write("<FrameBuffer>");
    return object::succeeded();
}

constexpr auto unlimited = NativeFunction::unlimited;

constexpr NativeFunction frame_buffer_methods[] = {
    {names::dunder_init, NativeKind::method, 1, unlimited, frame_buffer_init, true},
    {names::fill, NativeKind::method, 2, 2, frame_buffer_fill},
    {names::fill_rect, NativeKind::method, 6, 6, frame_buffer_fill_rect},
    {names::pixel, NativeKind::method, 3, 4, frame_buffer_pixel},
    {names::hline, NativeKind::method, 5, 5, frame_buffer_hline},
    {names::vline, NativeKind::method, 5, 5, frame_buffer_vline},
    {names::rect, NativeKind::method, 6, 7, frame_buffer_rect},
    {names::line, NativeKind::method, 6, 6, frame_buffer_line},
    {names::ellipse, NativeKind::method, 6, 8, frame_buffer_ellipse},
    {names::poly, NativeKind::method, 5, 6, frame_buffer_poly},
    {names::text, NativeKind::method, 4, 5, frame_buffer_text},
    {names::scroll, NativeKind::method, 3, 3, frame_buffer_scroll},
    {names::blit, NativeKind::method, 4, 6, frame_buffer_blit},
};

constexpr auto frame_buffer_attributes = object::native_attributes<frame_buffer_methods>();

constinit const object::Type frame_buffer_type{names::FrameBuffer,
                                               &object::object_type,
                                               object::TypeSlots{
                                                   .make_new = frame_buffer_make_new,
                                                   .print = frame_buffer_print,
                                                   .get_buffer = frame_buffer_get_buffer,
                                               },
                                               frame_buffer_attributes,
                                               object::type_flag_subclassable,
                                               trace_frame_buffer};

constexpr NativeFunction framebuf_functions[] = {
    {names::FrameBuffer1, NativeKind::function, 3, 4, frame_buffer_one},
};

constexpr Attribute framebuf_types[] = {{names::FrameBuffer, &frame_buffer_type}};

// The format constants are small ints, made per VM like any module global.
bool initialise_framebuf(object::Runtime& runtime, Value globals, void*) {
    struct Constant {
        std::uint32_t name;
        library::PixelFormat format;
    };
    constexpr Constant constants[] = {
        {names::MONO_VLSB, library::PixelFormat::mono_vlsb},
        {names::MVLSB, library::PixelFormat::mono_vlsb},
        {names::MONO_HLSB, library::PixelFormat::mono_hlsb},
        {names::MONO_HMSB, library::PixelFormat::mono_hmsb},
        {names::RGB565, library::PixelFormat::rgb565},
        {names::GS2_HMSB, library::PixelFormat::gs2_hmsb},
        {names::GS4_HMSB, library::PixelFormat::gs4_hmsb},
        {names::GS8, library::PixelFormat::gs8},
    };
    for (const Constant& constant : constants) {
        if (!object::dict_store_name(runtime, object::as_dict(globals), constant.name,
                                     Value::from_small_int(static_cast<int>(constant.format)))) {
            return false;
        }
    }
    return true;
}

}  // namespace

constinit const vm::ModuleDefinition framebuf_module{.name = names::framebuf,
                                                     .functions = framebuf_functions,
                                                     .objects = framebuf_types,
                                                     .initialise = initialise_framebuf};

}  // namespace xipy::modules
