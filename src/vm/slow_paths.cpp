// Rare interpreter operations: constants, function creation, unpacking, star calls, yield from.
#include "vm/slow_paths.hpp"

#include "number/big_integer.hpp"
#include "object/builtins.hpp"
#include "object/bytes_object.hpp"
#include "object/cell_object.hpp"
#include "object/class_object.hpp"
#include "object/complex_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"
#include "vm/function_object.hpp"
#include "vm/generator_object.hpp"

namespace xipy::vm {

using object::Value;

namespace {

object::Result<Value> materialise(Interpreter& interpreter, ModuleContext& context,
                                  const image::Constant& constant) {
    switch (constant.kind) {
        case image::ConstantKind::none:
            return Value::none();
        case image::ConstantKind::false_value:
            return Value::false_value();
        case image::ConstantKind::true_value:
            return Value::true_value();
        case image::ConstantKind::ellipsis:
            return Value::ellipsis();
        case image::ConstantKind::string:
            // Interned in place: the text stays in the image, uncopied (unless the image may
            // go before the VM does).
            return Value::from_interned_string(
                context.transient ? interpreter.interned().intern_copy(constant.text)
                                  : interpreter.interned().intern_in_place(constant.text));
        case image::ConstantKind::bytes:
            return object::make_bytes(interpreter, constant.text);
        case image::ConstantKind::small_int:
            return object::make_int(interpreter, constant.small_int);
        case image::ConstantKind::big_int:
            return object::parse_int(interpreter, constant.text, 10);
        case image::ConstantKind::float_value:
            return object::make_float(interpreter, constant.real);
        case image::ConstantKind::complex_value:
            return object::make_complex(interpreter, constant.real, constant.imaginary);
        case image::ConstantKind::tuple: {
            // Filled in place: its None items keep it valid for a collection that materialising
            // an item may run (make() roots it as a temporary meanwhile).
            const image::ConstantList items = context.image.items(constant);
            if (items.size() == 0) {
                return object::empty_tuple();
            }
            object::TupleObject* tuple = object::new_tuple_uninitialized(
                interpreter, static_cast<std::uint32_t>(items.size()));
            if (tuple == nullptr) {
                return Value::empty();
            }
            std::uint32_t index = 0;
            for (const image::Constant& item : items) {
                Value value = materialise(interpreter, context, item);
                if (value.is_empty()) {
                    return Value::empty();
                }
                tuple->items()[index++] = value;
            }
            return Value::from_object(tuple);
        }
    }
    return Value::none();
}

}  // namespace

object::Result<Value> load_constant(Interpreter& interpreter, ModuleContext& context,
                                    std::uint32_t index) {
    if (index >= context.constants.size()) {
        return interpreter.raise_new(&object::runtime_error_type, "bad constant index");
    }
    Value& slot = context.constants[index];
    if (slot.is_empty()) {
        // Loading the constant is load work, so the program's heap_lock() does not refuse it.
        gc::Heap::LockExemption exemption(interpreter.heap());
        slot = materialise(interpreter, context, context.image.constant(index));
    }
    return slot;
}

object::Result<Value> make_function(Interpreter& interpreter, const Frame& frame,
                                    std::uint32_t child, Value defaults, Value keyword_defaults,
                                    std::span<const Value> cells) {
    std::span<const image::RawCode> children = frame.context->image.children(*frame.code);
    if (child >= children.size()) {
        return interpreter.raise_new(&object::runtime_error_type, "bad child index");
    }
    // A compiler passes a tuple and a dict (or None); a corrupt file may pass anything, which
    // binding arguments would then read as a tuple or dict.
    if (!defaults.is_empty() && !defaults.is_none() && !object::is_tuple(defaults)) {
        return interpreter.raise_new(&object::type_error_type, "function defaults must be a tuple");
    }
    if (!keyword_defaults.is_empty() && !keyword_defaults.is_none() &&
        !object::is_dict(keyword_defaults)) {
        return interpreter.raise_new(&object::type_error_type,
                                     "function keyword defaults must be a dict");
    }
    if (cells.size() > UINT8_MAX) {
        return interpreter.raise_new(&object::runtime_error_type, "too many closure cells");
    }
    const image::RawCode* code = &children[child];
    std::uint8_t extras = frame.context->is_verified(*code) ? FunctionObject::verified : 0;
    if (!defaults.is_empty() && !defaults.is_none()) {
        extras |= FunctionObject::has_defaults;
    }
    if (!keyword_defaults.is_empty() && !keyword_defaults.is_none()) {
        extras |= FunctionObject::has_keyword_defaults;
    }
    auto* function = interpreter.make<FunctionObject>(
        FunctionObject::extra_bytes(extras, cells.size()), code, frame.context,
        frame.context->qstr_id(frame.context->image.name_qstr(*code)), extras,
        static_cast<std::uint8_t>(cells.size()));
    if (function == nullptr) {
        return Value::empty();
    }
    Value* extra = function->extra_values().data();
    if ((extras & FunctionObject::has_defaults) != 0) {
        *extra++ = defaults;
    }
    if ((extras & FunctionObject::has_keyword_defaults) != 0) {
        *extra++ = keyword_defaults;
    }
    for (Value cell : cells) {
        *extra++ = cell;
    }
    return Value::from_object(function);
}

namespace {

// All items of an iterable, in a list (so they stay rooted).
object::Result<Value> items_of(Interpreter& interpreter, Value iterable) {
    return object::list_from_iterable(interpreter, iterable);
}

}  // namespace

object::Status unpack_sequence(Interpreter& interpreter, Value* top, std::uint32_t count) {
    Value sequence = top[0];
    // The items are read in place: nothing below allocates between taking the span and the
    // last read, so no collection can move or free them, and top[0] keeps the sequence alive.
    std::span<const Value> items;
    if (object::is_tuple(sequence)) {
        auto span = object::as_tuple(sequence)->span();
        items = span;
    } else if (object::is_list(sequence)) {
        auto span = object::as_list(sequence)->span();
        items = span;
    } else {
        Value iterator = object::get_iterator(interpreter, sequence);
        if (iterator.is_empty()) {
            return object::Raised{};
        }
        Value list = object::make_list(interpreter, {});
        if (list.is_empty()) {
            return object::Raised{};
        }
        for (std::uint32_t index = 0; index <= count; ++index) {
            Value item = object::iterate_next(interpreter, iterator);
            if (item.is_empty()) {
                return object::Raised{};
            }
            if (item.is_stop_iteration()) {
                break;
            }
            if (!object::list_append(interpreter, list, item)) {
                return object::Raised{};
            }
        }
        auto span = object::as_list(list)->span();
        items = span;
    }
    if (items.size() < count) {
        interpreter.raise_joined(
            &object::value_error_type,
            {"need more than ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(items.size())),
             " values to unpack"});
        return object::Raised{};
    }
    if (items.size() > count) {
        interpreter.raise_joined(
            &object::value_error_type,
            {"too many values to unpack (expected ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(count)), ")"});
        return object::Raised{};
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        top[count - 1 - index] = items[index];
    }
    return object::succeeded();
}

object::Status unpack_extended(Interpreter& interpreter, Value* top, std::uint32_t operand) {
    std::uint32_t before = operand & 0xff;
    std::uint32_t after = (operand >> 8) & 0xff;
    Value list = items_of(interpreter, top[0]);
    if (list.is_empty()) {
        return object::Raised{};
    }
    // Read in place: the list is rooted (items_of) and nothing changes it while the middle
    // list is made, and a collection never moves a cell.
    const std::span<const Value> items = object::as_list(list)->span();
    if (items.size() < before + after) {
        interpreter.raise_joined(
            &object::value_error_type,
            {"need more than ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(items.size())),
             " values to unpack"});
        return object::Raised{};
    }
    Value middle = object::make_list(
        interpreter, std::span<const Value>(items.data() + before, items.size() - before - after));
    if (middle.is_empty()) {
        return object::Raised{};
    }
    for (std::uint32_t index = 0; index < before; ++index) {
        top[before + after - index] = items[index];
    }
    top[after] = middle;
    for (std::uint32_t index = 0; index < after; ++index) {
        top[after - 1 - index] = items[items.size() - after + index];
    }
    return object::succeeded();
}

object::Status expand_star_arguments(Interpreter& interpreter, Value self, const Value* first,
                                     std::uint32_t positional, std::uint32_t keywords,
                                     Value star_bitmap, ArgumentValues& storage,
                                     object::Arguments& arguments) {
    std::uint64_t bitmap =
        star_bitmap.is_small_int() ? static_cast<std::uint64_t>(star_bitmap.as_small_int()) : 0;
    ArgumentValues keyword_pairs(interpreter.scratch_memory());
    storage.clear();
    if (!self.is_empty() && !storage.push_back(self)) {
        return interpreter.raise_memory_error();
    }
    // Keep everything unpacked reachable while more iterables run.
    Value keep_alive = object::make_list(interpreter, {});
    if (keep_alive.is_empty()) {
        return object::Raised{};
    }
    for (std::uint32_t index = 0; index < positional; ++index) {
        if (index < 64 && ((bitmap >> index) & 1) != 0) {
            Value list = items_of(interpreter, first[index]);
            if (list.is_empty() || !object::list_append(interpreter, keep_alive, list)) {
                return object::Raised{};
            }
            if (!storage.append(object::as_list(list)->span())) {
                return interpreter.raise_memory_error();
            }
        } else if (!storage.push_back(first[index])) {
            return interpreter.raise_memory_error();
        }
    }
    for (std::uint32_t index = 0; index < keywords; ++index) {
        Value name = first[positional + 2 * index];
        Value value = first[positional + 2 * index + 1];
        if (!name.is_empty()) {
            if (!keyword_pairs.push_back(name) || !keyword_pairs.push_back(value)) {
                return interpreter.raise_memory_error();
            }
            continue;
        }
        // **mapping: always into a fresh dict, even from a dict. A later mapping's keys() or
        // __getitem__ may change this one, and the values taken from it must stay reachable.
        Value dict = object::make_dict(interpreter);
        if (dict.is_empty() || !object::dict_update(interpreter, dict, value)) {
            return object::Raised{};
        }
        if (!object::list_append(interpreter, keep_alive, dict)) {
            return object::Raised{};
        }
        std::uint32_t position = 0;
        object::DictEntry* entry = nullptr;
        while (object::dict_next(object::as_dict(dict), position, entry)) {
            Value key = entry->key;
            if (!object::is_str(key)) {
                interpreter.raise_new(&object::type_error_type, "keywords must be strings");
                return object::Raised{};
            }
            if (!key.is_interned_string()) {
                key = interpreter.intern(object::str_view(interpreter, key));
            }
            if (!keyword_pairs.push_back(key) || !keyword_pairs.push_back(entry->value)) {
                return interpreter.raise_memory_error();
            }
        }
    }
    const auto positional_count = static_cast<std::uint32_t>(storage.size());
    if (!storage.append(keyword_pairs.span())) {
        return interpreter.raise_memory_error();
    }
    arguments = object::Arguments{storage.data(), positional_count,
                                  static_cast<std::uint32_t>(keyword_pairs.size() / 2)};
    interpreter.keep(keep_alive);
    return object::succeeded();
}

bool thrown_matches(Value thrown, const object::Type* type) {
    return object::is_type(thrown) ? object::is_subtype(object::as_type(thrown), type)
                                   : object::is_instance(thrown, type);
}

DelegationResult delegate(Interpreter& interpreter, Value iterator, Value send_value,
                          Value thrown) {
    if (is_generator(iterator)) {
        auto* generator = static_cast<GeneratorObject*>(iterator.as_object());
        ExecutionResult result =
            interpreter.resume(generator, thrown.is_empty() ? send_value : Value::none(), thrown);
        return {result.kind, result.value};
    }
    auto stop_value = [&]() -> DelegationResult {
        if (object::is_instance(interpreter.exception(), &object::stop_iteration_type)) {
            Value value = object::stop_iteration_value(interpreter.take_exception());
            return {ExitKind::returned, value};
        }
        return {ExitKind::raised, Value::empty()};
    };
    if (!thrown.is_empty()) {
        // GeneratorExit (from close()) closes the target: its close() if it has one, never
        // its throw(). Anything else goes to its throw(). Without the method, it is raised here.
        const bool closing = thrown_matches(thrown, &object::generator_exit_type);
        Value method = object::find_attribute(
            interpreter, iterator, closing ? object::names::close : object::names::throw_);
        if (method.is_empty()) {
            if (interpreter.has_exception()) {
                return {ExitKind::raised, Value::empty()};
            }
            interpreter.raise(thrown);
            return {ExitKind::raised, Value::empty()};
        }
        if (closing) {
            Value result = object::call_positional(interpreter, method, {});
            if (result.is_empty()) {
                return {ExitKind::raised, Value::empty()};
            }
            return {ExitKind::returned, result};
        }
        Value result = object::call_positional(interpreter, method, {thrown});
        if (result.is_empty()) {
            return stop_value();
        }
        return {ExitKind::yielded, result};
    }
    if (send_value.is_none()) {
        Value result = object::iterate_next_keeping_stop(interpreter, iterator);
        if (result.is_empty()) {
            return stop_value();
        }
        if (result.is_stop_iteration()) {
            return {ExitKind::returned, Value::none()};
        }
        return {ExitKind::yielded, result};
    }
    Value result = object::call_method(interpreter, iterator, object::names::send, {send_value});
    if (result.is_empty()) {
        return stop_value();
    }
    return {ExitKind::yielded, result};
}

object::Status import_all(Interpreter& interpreter, Value module, Value target) {
    // With __all__ (on any object standing in for a module), exactly the names it lists.
    Value all_name = interpreter.intern("__all__");
    if (all_name.is_empty()) {
        return object::Raised{};
    }
    Value listed = object::find_attribute(interpreter, module, all_name.as_interned_string());
    if (interpreter.has_exception()) {
        // A module-level __getattr__ that raises AttributeError for __all__ means "no __all__".
        if (!object::is_instance(interpreter.exception(), &object::attribute_error_type)) {
            return object::Raised{};
        }
        interpreter.clear_exception();
        listed = Value::empty();
    }
    if (!listed.is_empty()) {
        Value iterator = object::get_iterator(interpreter, listed);
        if (iterator.is_empty()) {
            return object::Raised{};
        }
        interpreter.keep(listed);
        interpreter.keep(iterator);
        for (;;) {
            Value name = object::iterate_next(interpreter, iterator);
            if (name.is_empty()) {
                return object::Raised{};
            }
            if (name.is_stop_iteration()) {
                return object::succeeded();
            }
            if (!object::is_str(name)) {
                interpreter.raise_new(&object::type_error_type, "__all__ must hold strings");
                return object::Raised{};
            }
            if (!name.is_interned_string()) {
                name = interpreter.intern(object::str_view(interpreter, name));
            }
            Value value = object::load_attribute(interpreter, module, name.as_interned_string());
            if (value.is_empty() ||
                !object::dict_store(interpreter, object::as_dict(target), name, value)) {
                return object::Raised{};
            }
        }
    }
    Value globals = object::find_attribute(interpreter, module, object::names::dunder_dict);
    if (globals.is_empty() || !object::is_dict(globals)) {
        if (!interpreter.has_exception()) {
            interpreter.raise_new(&object::import_error_type, "module has no __dict__");
        }
        return object::Raised{};
    }
    // Gathered first (a key, then its value), since storing may grow `target`, which can be
    // the very dict being walked; the module's dict keeps every gathered value alive.
    support::SmallVector<Value, 32> entries(interpreter.scratch_memory());
    std::uint32_t position = 0;
    object::DictEntry* entry = nullptr;
    while (object::dict_next(object::as_dict(globals), position, entry)) {
        if (object::is_str(entry->key) &&
            !object::str_view(interpreter, entry->key).starts_with("_")) {
            if (!entries.push_back(entry->key) || !entries.push_back(entry->value)) {
                return interpreter.raise_memory_error();
            }
        }
    }
    for (std::size_t index = 0; index < entries.size(); index += 2) {
        if (!object::dict_store(interpreter, object::as_dict(target), entries[index],
                                entries[index + 1])) {
            return object::Raised{};
        }
    }
    return object::succeeded();
}

}  // namespace xipy::vm
