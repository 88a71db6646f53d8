// dir(x): probes every interned name on x in MicroPython's qstr order, as its mp_builtin_dir does.
#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "object/builtins.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"

namespace xipy::object {

namespace {

// The texts of XIPY_EXTRA_NAMES, index i being the name with id first_extra_id + i.
constexpr std::string_view extra_texts[] = {
#define XIPY_NAME_TEXT(identifier, text) text,
    XIPY_EXTRA_NAMES(XIPY_NAME_TEXT)
#undef XIPY_NAME_TEXT
};
constexpr std::uint32_t first_extra_id = last_static_qstr_id + 1;
constexpr std::size_t extra_count = std::size(extra_texts);
static_assert(first_extra_id + extra_count == names::fixed_name_count);

// The names MicroPython's makeqstrdata.py keeps in its first pool after the static ones
// (operator methods, descriptor methods and scope names need ids below 256 there), so
// they get the ids right after the static names, ahead of all other built-in names.
constexpr std::string_view low_id_texts[] = {
    "__bool__",    "__pos__",       "__neg__",      "__invert__",  "__abs__",       "__float__",
    "__complex__", "__sizeof__",    "__lt__",       "__gt__",      "__eq__",        "__le__",
    "__ge__",      "__ne__",        "__contains__", "__iadd__",    "__isub__",      "__imul__",
    "__imatmul__", "__ifloordiv__", "__itruediv__", "__imod__",    "__ipow__",      "__ior__",
    "__ixor__",    "__iand__",      "__ilshift__",  "__irshift__", "__add__",       "__sub__",
    "__mul__",     "__matmul__",    "__floordiv__", "__truediv__", "__mod__",       "__divmod__",
    "__pow__",     "__or__",        "__xor__",      "__and__",     "__lshift__",    "__rshift__",
    "__radd__",    "__rsub__",      "__rmul__",     "__rmatmul__", "__rfloordiv__", "__rtruediv__",
    "__rmod__",    "__rpow__",      "__ror__",      "__rxor__",    "__rand__",      "__rlshift__",
    "__rrshift__", "__get__",       "__set__",      "__delete__",  "<lambda>",      "<listcomp>",
    "<dictcomp>",  "<setcomp>",     "<genexpr>",
};

constexpr bool has_low_id(std::string_view text) {
    return std::find(std::begin(low_id_texts), std::end(low_id_texts), text) !=
           std::end(low_id_texts);
}

// How many of the extra names are low-id names: they come first in extra_ids_in_qstr_order.
constexpr std::size_t low_extra_count = [] {
    std::size_t count = 0;
    for (std::string_view text : extra_texts) {
        count += has_low_id(text) ? 1 : 0;
    }
    return count;
}();

// The ids of xipy's extra names in MicroPython's id order for built-in names: the low-id
// names first, then the others, each group ordered by bytes (makeqstrdata.py sorts the
// names). dir() lists in id order, so probing the extras in this order gives MicroPython's
// order for the names both have.
constexpr auto extra_ids_in_qstr_order = [] {
    std::array<bool, extra_count> low{};
    std::array<std::uint32_t, extra_count> ids{};
    for (std::size_t index = 0; index < extra_count; ++index) {
        low[index] = has_low_id(extra_texts[index]);
        ids[index] = first_extra_id + static_cast<std::uint32_t>(index);
    }
    std::sort(ids.begin(), ids.end(), [&low](std::uint32_t left, std::uint32_t right) {
        std::size_t left_index = left - first_extra_id;
        std::size_t right_index = right - first_extra_id;
        if (low[left_index] != low[right_index]) {
            return low[left_index];
        }
        return extra_texts[left_index] < extra_texts[right_index];
    });
    return ids;
}();

// The state of one dir(x) call. Invariant: `list` is a list that the caller keeps reachable
// (a fresh object stays among the temporaries), so appending names never needs a root.
struct Probe {
    Value object;
    const Type* type;  // x itself when x is a type, else type(x)
    Value own_dict;    // x.__dict__ when it is a dict, else empty
    Value list;
};

// xipy's `object` carries CPython's methods (__init__, __eq__, __repr__...) and every type
// inherits them; in MicroPython only `object` and its direct instances have these. Such names
// are left out elsewhere so that dir() lists what MicroPython lists.
bool inherited_from_object(const Runtime& runtime, const Probe& probe, std::uint32_t name) {
    if (probe.type == &object_type || lookup_in_type(probe.type, name).owner != &object_type) {
        return false;
    }
    return probe.own_dict.is_empty() ||
           dict_find_name(runtime, as_dict(probe.own_dict), name).is_empty();
}

// Whether `name` belongs in the listing; nullopt when the lookup raised something other than
// AttributeError (which propagates, as MicroPython's). When the lookup ran and a __dir__
// method was found, `result` is what calling it returned.
std::optional<bool> probe_name(Runtime& runtime, const Probe& probe, std::uint32_t name,
                               Value& result) {
    Method method;
    if (!load_method(runtime, probe.object, name, method, false)) {
        if (!is_instance(runtime.exception(), &attribute_error_type)) {
            return std::nullopt;
        }
        runtime.clear_exception();
        // MicroPython keeps what its lookup found before the AttributeError (a property whose
        // getter raised it), so such a name is listed; a failed __getattr__ found nothing.
        return !is_type(probe.object) && !lookup_in_type(probe.type, name).value.is_empty() &&
               !inherited_from_object(runtime, probe, name);
    }
    if (method.function.is_empty()) {
        return false;
    }
    if (name == names::dunder_dir && !method.self.is_empty()) {
        result = call_with_self(runtime, method.function, method.self, Arguments{});
        return result.is_empty() ? std::nullopt : std::optional<bool>(true);
    }
    return !inherited_from_object(runtime, probe, name);
}

}  // namespace

Result<Value> directory_of(Runtime& runtime, Value object) {
    Probe probe{object, is_type(object) ? as_type(object) : type_of(object), Value::empty(),
                make_list(runtime, {})};
    if (probe.list.is_empty()) {
        return Value::empty();
    }
    Value dict = find_attribute(runtime, object, names::dunder_dict);
    if (dict.is_empty() && runtime.has_exception()) {
        if (!is_instance(runtime.exception(), &attribute_error_type)) {
            return Value::empty();
        }
        runtime.clear_exception();
    }
    if (!dict.is_empty() && is_dict(dict)) {
        probe.own_dict = dict;
    }
    runtime.intern_image_names();
    // Names interned while probing (by a __getattr__) are not probed, as in MicroPython.
    auto run_time_end = static_cast<std::uint32_t>(runtime.interned().size());
    // Probes one name; a value when dir() is finished (empty: an exception is pending).
    auto visit = [&](std::uint32_t name) -> std::optional<Value> {
        Value result;
        std::optional<bool> listed = probe_name(runtime, probe, name, result);
        if (!listed) {
            return Value::empty();
        }
        if (!result.is_empty()) {
            return result;
        }
        if (*listed && !list_append(runtime, probe.list, name_value(name))) {
            return Value::empty();
        }
        return std::nullopt;
    };
    // MicroPython's order: its static qstrs (ids 2.. here, skipping the empty name), its other
    // built-in names (as MicroPython orders them), then names made at run time in the order they
    // were interned.
    for (std::uint32_t name = names::empty_string + 1; name <= last_static_qstr_id; ++name) {
        if (auto finished = visit(name)) {
            return *finished;
        }
    }
    // The appended names (the modules layer's) are ordinary built-in names to MicroPython, so
    // they merge by text with the extras after the low-id ones.
    std::span<const std::uint32_t> appended = runtime.interned().appended_names().ids_in_qstr_order;
    std::size_t next_appended = 0;
    for (std::size_t index = 0; index < extra_count; ++index) {
        std::uint32_t name = extra_ids_in_qstr_order[index];
        if (index >= low_extra_count) {
            std::string_view text = extra_texts[name - first_extra_id];
            while (next_appended < appended.size() &&
                   runtime.name_text(appended[next_appended]) < text) {
                if (auto finished = visit(appended[next_appended++])) {
                    return *finished;
                }
            }
        }
        if (auto finished = visit(name)) {
            return *finished;
        }
    }
    while (next_appended < appended.size()) {
        if (auto finished = visit(appended[next_appended++])) {
            return *finished;
        }
    }
    const std::uint32_t first_run_time_name = as_list(probe.list)->length;
    for (std::uint32_t name = runtime.interned().first_run_time_id(); name < run_time_end; ++name) {
        if (auto finished = visit(name)) {
            return *finished;
        }
    }
    std::span<Value> run_time_names = as_list(probe.list)->span().subspan(first_run_time_name);
    // No two names share an order, so an unstable sort (which needs no scratch memory) will do.
    std::sort(run_time_names.begin(), run_time_names.end(), [&runtime](Value left, Value right) {
        return runtime.interning_order(left.as_interned_string()) <
               runtime.interning_order(right.as_interned_string());
    });
    return probe.list;
}

}  // namespace xipy::object
