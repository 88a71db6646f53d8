// The heapq module: a binary min-heap kept in a list, with MicroPython's three functions.
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// 1 when left < right, 0 when not, -1 when the comparison raised.
int is_less(object::Runtime& runtime, Value left, Value right) {
    // Only the verdict outlives a comparison: heapify's n comparisons hold no roots.
    object::RootScope scope(runtime);
    Value result = object::binary_operation(runtime, object::BinaryOperator::less, left, right);
    if (result.is_empty()) {
        return -1;
    }
    return object::truth(runtime, result);
}

object::ListObject* heap_argument(object::Runtime& runtime, Value value) {
    if (!object::is_list(value)) {
        runtime.raise_new(&object::type_error_type, "heap must be a list");
        return nullptr;
    }
    return object::as_list(value);
}

// Moves the item at `position` towards `start` while it is smaller than its parent.
bool sift_down(object::Runtime& runtime, object::ListObject* heap, std::uint32_t start,
               std::uint32_t position) {
    Value* items = heap->items();
    Value item = items[position];
    while (position > start) {
        std::uint32_t parent = (position - 1) / 2;
        int less = is_less(runtime, item, items[parent]);
        if (less < 0) {
            return false;
        }
        if (less == 0) {
            break;
        }
        items[position] = items[parent];
        position = parent;
    }
    items[position] = item;
    return true;
}

// Walks the smaller children up from `position` to a leaf, then sifts the displaced item
// back down: the comparison order of MicroPython's (and CPython's) heapq, which decides
// which operands a failing comparison names.
bool sift_up(object::Runtime& runtime, object::ListObject* heap, std::uint32_t position) {
    Value* items = heap->items();
    std::uint32_t length = heap->length;
    std::uint32_t start = position;
    Value item = items[position];
    for (std::uint32_t child = 2 * position + 1; child < length; child = 2 * position + 1) {
        if (child + 1 < length) {
            int left_smaller = is_less(runtime, items[child], items[child + 1]);
            if (left_smaller < 0) {
                return false;
            }
            child += left_smaller == 0 ? 1 : 0;
        }
        items[position] = items[child];
        position = child;
    }
    items[position] = item;
    return sift_down(runtime, heap, start, position);
}

object::Result<Value> heapq_heappush(object::Runtime& runtime, Arguments arguments) {
    object::ListObject* heap = heap_argument(runtime, arguments[0]);
    if (heap == nullptr || !object::list_append(runtime, arguments[0], arguments[1])) {
        return Value::empty();
    }
    return sift_down(runtime, heap, 0, heap->length - 1) ? Value::none() : Value::empty();
}

object::Result<Value> heapq_heappop(object::Runtime& runtime, Arguments arguments) {
    object::ListObject* heap = heap_argument(runtime, arguments[0]);
    if (heap == nullptr) {
        return Value::empty();
    }
    if (heap->length == 0) {
        return runtime.raise_new(&object::index_error_type, "empty heap");
    }
    Value* items = heap->items();
    Value smallest = items[0];
    heap->length -= 1;
    items[0] = items[heap->length];
    items[heap->length] = Value::none();
    if (heap->length > 0 && !sift_up(runtime, heap, 0)) {
        return Value::empty();
    }
    return smallest;
}

object::Result<Value> heapq_heapify(object::Runtime& runtime, Arguments arguments) {
    object::ListObject* heap = heap_argument(runtime, arguments[0]);
    if (heap == nullptr) {
        return Value::empty();
    }
    for (std::uint32_t position = heap->length / 2; position-- > 0;) {
        if (!sift_up(runtime, heap, position)) {
            return Value::empty();
        }
    }
    return Value::none();
}

constexpr NativeFunction heapq_functions[] = {
    {names::heappush, NativeKind::function, 2, 2, heapq_heappush},
    {names::heappop, NativeKind::function, 1, 1, heapq_heappop},
    {names::heapify, NativeKind::function, 1, 1, heapq_heapify},
};

}  // namespace

constinit const vm::ModuleDefinition heapq_module{
    .name = names::heapq, .functions = heapq_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
