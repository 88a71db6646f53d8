// slice objects and the index arithmetic of sequence slicing.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type slice_type;

struct SliceObject : Object {
    Value start;
    Value stop;
    Value step;

    SliceObject(Value first, Value last, Value increment, std::uint8_t flags = 0)
        : Object(&slice_type, flags), start(first), stop(last), step(increment) {}
};

bool is_slice(Value value);
// True when subscripting `target` with a slice never keeps the slice (the exact built-in
// sequences), so the caller may pass a SliceObject on the C++ stack, made with
// gc::Cell::flag_static, whose start, stop and step it keeps rooted itself.
bool subscript_allows_stack_slice(Value target);
Result<Value> make_slice(Runtime& runtime, Value start, Value stop, Value step);

// A slice resolved against a sequence length, as slice.indices() does.
struct SliceIndices {
    std::int64_t start = 0;
    std::int64_t stop = 0;
    std::int64_t step = 1;
    std::int64_t count = 0;  // items selected
};
std::optional<SliceIndices> resolve_slice(Runtime& runtime, Value slice, std::int64_t length);

// The items a resolved slice selects, in order. `indices` must come from
// resolve_slice() with items.size() as the length, so every position is in range.
template <typename Item>
std::vector<Item> select_slice(std::span<const Item> items, const SliceIndices& indices) {
    std::vector<Item> selected;
    selected.reserve(static_cast<std::size_t>(indices.count));
    for (std::int64_t count = 0, position = indices.start; count < indices.count;
         ++count, position += indices.step) {
        selected.push_back(items[static_cast<std::size_t>(position)]);
    }
    return selected;
}
// Normalises a possibly negative index; empty optional with IndexError
// "<what> index out of range" pending when outside [0, length).
std::optional<std::int64_t> normalize_index(Runtime& runtime, Value index, std::int64_t length,
                                            std::string_view what);

}  // namespace xipy::object
