// The collections module: deque, OrderedDict, defaultdict and namedtuple.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/class_object.hpp"
#include "object/descriptor_objects.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::modules {

using object::Arguments;
using object::Attribute;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// ---- deque

extern const object::Type deque_type;

// A bounded double-ended queue kept in a list (front first). Invariants: `items` is a
// list we own and never hand out; its length never exceeds `maximum_length`.
struct DequeObject : object::Object {
    Value items;
    std::uint32_t maximum_length;
    bool raise_when_full;

    DequeObject(Value list, std::uint32_t maximum, bool strict)
        : Object(&deque_type), items(list), maximum_length(maximum), raise_when_full(strict) {}
    object::ListObject* list() const { return object::as_list(items); }
};

DequeObject* self_deque(Value value) {
    return static_cast<DequeObject*>(object::native_self(value).as_object());
}

void remove_front(object::ListObject* list) {
    Value* items = list->items();
    for (std::uint32_t index = 1; index < list->length; ++index) {
        items[index - 1] = items[index];
    }
    list->length -= 1;
    items[list->length] = Value::none();
}

bool deque_push(object::Runtime& runtime, DequeObject* deque, Value item, bool at_front) {
    object::ListObject* list = deque->list();
    if (list->length >= deque->maximum_length) {
        if (deque->raise_when_full) {
            runtime.raise_new(&object::index_error_type, "full");
            return false;
        }
        if (deque->maximum_length == 0) {
            return true;
        }
        // A full deque drops the item at the opposite end.
        if (at_front) {
            list->length -= 1;
            list->items()[list->length] = Value::none();
        } else {
            remove_front(list);
        }
    }
    if (!object::list_reserve(runtime, list, 1)) {
        return false;
    }
    Value* items = list->items();
    if (at_front) {
        for (std::uint32_t index = list->length; index > 0; --index) {
            items[index] = items[index - 1];
        }
        items[0] = item;
    } else {
        items[list->length] = item;
    }
    list->length += 1;
    return true;
}

object::Result<Value> deque_append(object::Runtime& runtime, Arguments arguments) {
    return deque_push(runtime, self_deque(arguments[0]), arguments[1], false) ? Value::none()
                                                                              : Value::empty();
}

object::Result<Value> deque_appendleft(object::Runtime& runtime, Arguments arguments) {
    return deque_push(runtime, self_deque(arguments[0]), arguments[1], true) ? Value::none()
                                                                             : Value::empty();
}

bool deque_extend_with(object::Runtime& runtime, DequeObject* deque, Value iterable) {
    return object::for_each_item(runtime, iterable, [&](Value item) {
               return deque_push(runtime, deque, item, false) ? object::Step::next
                                                              : object::Step::raised;
           }) != object::Finish::raised;
}

object::Result<Value> deque_extend(object::Runtime& runtime, Arguments arguments) {
    return deque_extend_with(runtime, self_deque(arguments[0]), arguments[1]) ? Value::none()
                                                                              : Value::empty();
}

object::Result<Value> deque_pop(object::Runtime& runtime, Arguments arguments) {
    object::ListObject* list = self_deque(arguments[0])->list();
    if (list->length == 0) {
        return runtime.raise_new(&object::index_error_type, "empty");
    }
    list->length -= 1;
    Value item = list->items()[list->length];
    list->items()[list->length] = Value::none();
    return item;
}

object::Result<Value> deque_popleft(object::Runtime& runtime, Arguments arguments) {
    object::ListObject* list = self_deque(arguments[0])->list();
    if (list->length == 0) {
        return runtime.raise_new(&object::index_error_type, "empty");
    }
    Value item = list->items()[0];
    remove_front(list);
    return item;
}

// deque(iterable, maxlen[, flags]): bit 0 of flags makes a full deque raise.
object::Result<Value> deque_make_new(object::Runtime& runtime, const object::Type*,
                                     Arguments arguments) {
    if (arguments.keyword_count > 0) {
        return runtime.raise_new(&object::type_error_type,
                                 "function doesn't take keyword arguments");
    }
    if (arguments.positional_count < 2) {
        return runtime.raise_joined(&object::type_error_type,
                                    {"function missing ",
                                     object::Runtime::DecimalText(
                                         static_cast<std::int64_t>(2 - arguments.positional_count)),
                                     " required positional arguments"});
    }
    if (arguments.positional_count > 3) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 3 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    auto maximum = object::to_integer(runtime, arguments[1]);
    if (!maximum) {
        return Value::empty();
    }
    if (*maximum < 0 || *maximum > INT32_MAX) {
        return runtime.raise_new(&object::value_error_type, "maxlen must be non-negative");
    }
    std::int64_t flags = 0;
    if (arguments.positional_count > 2) {
        auto given = object::to_integer(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        flags = *given;
    }
    Value list = object::make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    auto* deque =
        runtime.make<DequeObject>(0, list, static_cast<std::uint32_t>(*maximum), (flags & 1) != 0);
    if (deque == nullptr || !deque_extend_with(runtime, deque, arguments[0])) {
        return Value::empty();
    }
    return Value::from_object(deque);
}

object::Result<Value> deque_unary(object::Runtime&, object::UnaryOperator operation,
                                  Value operand) {
    std::uint32_t length = self_deque(operand)->list()->length;
    switch (operation) {
        case object::UnaryOperator::boolean:
            return Value::boolean(length != 0);
        case object::UnaryOperator::length:
            return Value::from_small_int(length);
        default:
            return Value::not_implemented();
    }
}

// The index of a subscript, or nothing with IndexError pending.
std::optional<std::uint32_t> deque_index(object::Runtime& runtime, DequeObject* deque,
                                         Value index) {
    auto position = object::to_index(runtime, index, "deque");
    if (!position) {
        return std::nullopt;
    }
    std::int64_t length = deque->list()->length;
    std::int64_t resolved = *position < 0 ? *position + length : *position;
    if (resolved < 0 || resolved >= length) {
        runtime.raise_new(&object::index_error_type, "deque index out of range");
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(resolved);
}

object::Result<Value> deque_load_subscript(object::Runtime& runtime, Value self, Value index) {
    DequeObject* deque = self_deque(self);
    auto position = deque_index(runtime, deque, index);
    return position ? deque->list()->items()[*position] : Value::empty();
}

object::Status deque_store_subscript(object::Runtime& runtime, Value self, Value index,
                                     Value value) {
    DequeObject* deque = self_deque(self);
    if (value.is_empty()) {
        runtime.raise_new(&object::type_error_type, "'deque' object doesn't support item deletion");
        return object::Raised{};
    }
    auto position = deque_index(runtime, deque, index);
    if (!position) {
        return object::Raised{};
    }
    deque->list()->items()[*position] = value;
    return object::succeeded();
}

object::Result<Value> deque_get_iterator(object::Runtime& runtime, Value self) {
    return object::get_iterator(runtime, self_deque(self)->items);
}

void trace_deque(gc::Cell* cell, gc::Tracer& tracer) {
    auto* deque = static_cast<DequeObject*>(cell);
    if (deque->items.is_object()) {
        tracer.mark(deque->items.as_object());
    }
}

constexpr NativeFunction deque_methods[] = {
    {names::append, NativeKind::method, 2, 2, deque_append},
    {names::appendleft, NativeKind::method, 2, 2, deque_appendleft},
    {names::extend, NativeKind::method, 2, 2, deque_extend},
    {names::pop, NativeKind::method, 1, 1, deque_pop},
    {names::popleft, NativeKind::method, 1, 1, deque_popleft},
};

constexpr auto deque_attributes = object::native_attributes<deque_methods>();

constinit const object::Type deque_type{names::deque,
                                        &object::object_type,
                                        object::TypeSlots{
                                            .make_new = deque_make_new,
                                            .unary_operation = deque_unary,
                                            .load_subscript = deque_load_subscript,
                                            .store_subscript = deque_store_subscript,
                                            .get_iterator = deque_get_iterator,
                                        },
                                        deque_attributes,
                                        0,
                                        trace_deque};

// ---- OrderedDict and defaultdict: dicts (xipy's dicts keep insertion order already) that
// reuse dict's slots and methods; only construction, printing and missing keys differ.

extern const object::Type ordered_dict_type;
extern const object::Type default_dict_type;

// Invariant: `factory` is None or a callable; the dict part is an ordinary dict.
struct DefaultDictObject : object::DictObject {
    Value factory;

    explicit DefaultDictObject(Value default_factory)
        : DictObject(&default_dict_type), factory(default_factory) {}
};

DefaultDictObject* as_default_dict(Value value) {
    return static_cast<DefaultDictObject*>(object::native_self(value).as_object());
}

// Fills a new dict from dict()-style arguments starting at `first`.
bool fill_dict(object::Runtime& runtime, Value dict, Arguments arguments, std::uint32_t first) {
    if (arguments.positional_count > first + 1) {
        runtime.raise_joined(&object::type_error_type,
                             {"dict expected at most 1 arguments, got ",
                              object::Runtime::DecimalText(
                                  static_cast<std::int64_t>(arguments.positional_count - first))});
        return false;
    }
    if (arguments.positional_count > first &&
        !object::dict_update(runtime, dict, arguments[first])) {
        return false;
    }
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        if (!object::dict_store(runtime, object::as_dict(dict), arguments.keyword_name(index),
                                arguments.keyword_value(index))) {
            return false;
        }
    }
    return true;
}

object::Result<Value> ordered_dict_make_new(object::Runtime& runtime, const object::Type*,
                                            Arguments arguments) {
    auto* dict = runtime.make<object::DictObject>(0, &ordered_dict_type);
    if (dict != nullptr) {
        dict->unhashed = true;
    }
    if (dict == nullptr || !fill_dict(runtime, Value::from_object(dict), arguments, 0)) {
        return Value::empty();
    }
    return Value::from_object(dict);
}

object::Result<Value> default_dict_make_new(object::Runtime& runtime, const object::Type*,
                                            Arguments arguments) {
    Value factory = arguments.positional_count > 0 ? arguments[0] : Value::none();
    if (!factory.is_none() && !object::is_callable(factory)) {
        return runtime.raise_new(&object::type_error_type,
                                 "first argument must be callable or None");
    }
    auto* dict = runtime.make<DefaultDictObject>(0, factory);
    if (dict == nullptr || !fill_dict(runtime, Value::from_object(dict), arguments, 1)) {
        return Value::empty();
    }
    return Value::from_object(dict);
}

object::Status ordered_dict_print(object::Runtime& runtime, Value self, object::Printer& printer,
                                  object::PrintKind kind) {
    printer.write("OrderedDict(");
    if (!object::dict_type.slots.print(runtime, self, printer, kind)) {
        return object::Raised{};
    }
    printer.write_char(')');
    return object::succeeded();
}

object::Status default_dict_print(object::Runtime& runtime, Value self, object::Printer& printer,
                                  object::PrintKind kind) {
    printer.write("defaultdict(");
    if (!object::print_value(runtime, printer, as_default_dict(self)->factory,
                             object::PrintKind::repr)) {
        return object::Raised{};
    }
    printer.write(", ");
    if (!object::dict_type.slots.print(runtime, self, printer, kind)) {
        return object::Raised{};
    }
    printer.write_char(')');
    return object::succeeded();
}

object::Result<Value> mapping_unary(object::Runtime& runtime, object::UnaryOperator operation,
                                    Value operand) {
    return object::dict_type.slots.unary_operation(runtime, operation, operand);
}

// Two OrderedDicts of the same size are equal only with equal items in the same order.
object::Result<Value> ordered_equality(object::Runtime& runtime, object::BinaryOperator operation,
                                       object::DictObject* first, object::DictObject* second) {
    std::uint32_t first_position = 0;
    std::uint32_t second_position = 0;
    object::DictEntry* first_entry = nullptr;
    object::DictEntry* second_entry = nullptr;
    bool same = true;
    while (same && object::dict_next(first, first_position, first_entry) &&
           object::dict_next(second, second_position, second_entry)) {
        // Copied out first: a user __eq__ may change either dict.
        Value first_value = first_entry->value;
        Value second_value = second_entry->value;
        int equal = object::equals(runtime, first_entry->key, second_entry->key);
        if (equal == 1) {
            equal = object::equals(runtime, first_value, second_value);
        }
        if (equal < 0) {
            return Value::empty();
        }
        same = equal == 1;
    }
    return Value::boolean(same == (operation == object::BinaryOperator::equal));
}

// dict's own binary slot only serves exact dicts: `in` and equality are ours.
object::Result<Value> mapping_binary(object::Runtime& runtime, object::BinaryOperator operation,
                                     Value left, Value right) {
    bool left_is_mapping = object::is_instance(left, &object::dict_type);
    if (operation == object::BinaryOperator::contains && left_is_mapping) {
        object::DictLookup found =
            object::dict_find(runtime, object::as_dict(object::native_self(left)), right);
        return found.ok ? Value::boolean(!found.value.is_empty()) : Value::empty();
    }
    bool equality = operation == object::BinaryOperator::equal ||
                    operation == object::BinaryOperator::not_equal;
    if (!equality || !left_is_mapping || !object::is_instance(right, &object::dict_type)) {
        return Value::not_implemented();
    }
    object::DictObject* first = object::as_dict(object::native_self(left));
    object::DictObject* second = object::as_dict(object::native_self(right));
    bool same = first->count == second->count;
    if (same && object::is_instance(left, &ordered_dict_type) &&
        object::is_instance(right, &ordered_dict_type)) {
        return ordered_equality(runtime, operation, first, second);
    }
    std::uint32_t position = 0;
    object::DictEntry* entry = nullptr;
    while (same && object::dict_next(first, position, entry)) {
        Value value = entry->value;
        object::DictLookup found = object::dict_find(runtime, second, entry->key);
        if (!found.ok) {
            return Value::empty();
        }
        int equal = found.value.is_empty() ? 0 : object::equals(runtime, value, found.value);
        if (equal < 0) {
            return Value::empty();
        }
        same = equal == 1;
    }
    return Value::boolean(same == (operation == object::BinaryOperator::equal));
}

object::Result<Value> mapping_load_subscript(object::Runtime& runtime, Value self, Value index) {
    return object::dict_type.slots.load_subscript(runtime, self, index);
}

// d[key] of a defaultdict: a missing key gets factory() stored under it.
object::Result<Value> default_dict_load_subscript(object::Runtime& runtime, Value self,
                                                  Value index) {
    DefaultDictObject* dict = as_default_dict(self);
    object::DictLookup found = object::dict_find(runtime, dict, index);
    if (!found.ok) {
        return Value::empty();
    }
    if (!found.value.is_empty()) {
        return found.value;
    }
    if (dict->factory.is_none()) {
        Value exception = object::make_exception(runtime, &object::key_error_type, {&index, 1});
        return exception.is_empty() ? object::Raised{} : runtime.set_exception(exception);
    }
    Value made = object::call_positional(runtime, dict->factory, std::span<const Value>());
    if (made.is_empty() || !object::dict_store(runtime, dict, index, made)) {
        return Value::empty();
    }
    return made;
}

object::Status mapping_store_subscript(object::Runtime& runtime, Value self, Value index,
                                       Value value) {
    return object::dict_type.slots.store_subscript(runtime, self, index, value);
}

object::Result<Value> mapping_get_iterator(object::Runtime& runtime, Value self) {
    return object::dict_type.slots.get_iterator(runtime, self);
}

Value default_dict_load_attribute(object::Runtime&, Value self, std::uint32_t name) {
    return name == names::default_factory ? as_default_dict(self)->factory : Value::empty();
}

void trace_mapping(gc::Cell* cell, gc::Tracer& tracer) {
    object::trace_dict_storage(static_cast<object::DictObject*>(cell), tracer);
}

void trace_default_dict(gc::Cell* cell, gc::Tracer& tracer) {
    auto* dict = static_cast<DefaultDictObject*>(cell);
    object::trace_dict_storage(dict, tracer);
    if (dict->factory.is_object()) {
        tracer.mark(dict->factory.as_object());
    }
}

constinit const object::Type ordered_dict_type{names::ordered_dict,
                                               &object::dict_type,
                                               object::TypeSlots{
                                                   .make_new = ordered_dict_make_new,
                                                   .print = ordered_dict_print,
                                                   .unary_operation = mapping_unary,
                                                   .binary_operation = mapping_binary,
                                                   .load_subscript = mapping_load_subscript,
                                                   .store_subscript = mapping_store_subscript,
                                                   .get_iterator = mapping_get_iterator,
                                               },
                                               {},
                                               object::type_flag_subclassable,
                                               trace_mapping};

constinit const object::Type default_dict_type{names::defaultdict,
                                               &object::dict_type,
                                               object::TypeSlots{
                                                   .make_new = default_dict_make_new,
                                                   .print = default_dict_print,
                                                   .unary_operation = mapping_unary,
                                                   .binary_operation = mapping_binary,
                                                   .load_attribute = default_dict_load_attribute,
                                                   .load_subscript = default_dict_load_subscript,
                                                   .store_subscript = mapping_store_subscript,
                                                   .get_iterator = mapping_get_iterator,
                                               },
                                               {},
                                               object::type_flag_subclassable,
                                               trace_default_dict};

object::Result<Value> collections_namedtuple(object::Runtime& runtime, Arguments arguments);

// ---- namedtuple: a class deriving from tuple whose dict holds `_fields` (the names, a
// tuple of str), a read-only property per field and native __new__ and __repr__.

object::Result<Value> fields_of(object::Runtime& runtime, Value instance) {
    return object::load_attribute(runtime, Value::from_object(object::type_of(instance)),
                                  names::fields_attribute);
}

object::Result<Value> named_tuple_new(object::Runtime& runtime, Arguments arguments) {
    Value type_value = arguments[0];
    const object::Type* type = object::as_type(type_value);
    Value fields = object::load_attribute(runtime, type_value, names::fields_attribute);
    if (fields.is_empty() || !object::is_tuple(fields)) {
        return runtime.has_exception()
                   ? object::Raised{}
                   : runtime.raise_new(&object::type_error_type, "bad namedtuple");
    }
    std::span<const Value> names_list = object::as_tuple(fields)->span();
    std::uint32_t given = arguments.positional_count - 1 + arguments.keyword_count;
    if (arguments.positional_count - 1 > names_list.size() || given != names_list.size()) {
        return runtime.raise_joined(
            &object::type_error_type,
            {runtime.name_text(type->name), "() takes ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(names_list.size())),
             " positional arguments but ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(given)), " were given"});
    }
    object::TupleObject* values =
        object::new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(names_list.size()));
    if (values == nullptr) {
        return Value::empty();
    }
    for (std::uint32_t index = 0; index < values->length; ++index) {
        values->items()[index] = Value::empty();
    }
    for (std::uint32_t index = 1; index < arguments.positional_count; ++index) {
        values->items()[index - 1] = arguments[index];
    }
    for (std::uint32_t keyword = 0; keyword < arguments.keyword_count; ++keyword) {
        Value name = arguments.keyword_name(keyword);
        std::uint32_t slot = 0;
        while (slot < names_list.size() &&
               names_list[slot].as_interned_string() != name.as_interned_string()) {
            ++slot;
        }
        if (slot == names_list.size()) {
            return runtime.raise_joined(
                &object::type_error_type,
                {"unexpected keyword argument '", object::str_view(runtime, name), "'"});
        }
        if (!values->items()[slot].is_empty()) {
            return runtime.raise_joined(&object::type_error_type,
                                        {"function got multiple values for argument '",
                                         object::str_view(runtime, name), "'"});
        }
        values->items()[slot] = arguments.keyword_value(keyword);
    }
    for (std::uint32_t index = 0; index < values->length; ++index) {
        if (values->items()[index].is_empty()) {
            values->items()[index] = Value::none();
        }
    }
    auto* instance = runtime.make<object::InstanceObject>(0, type);
    if (instance == nullptr) {
        return Value::empty();
    }
    instance->native = Value::from_object(values);
    return Value::from_object(instance);
}

// A field's property getter, bound to the field's index: (index, instance) -> item.
object::Result<Value> named_tuple_field(object::Runtime&, Arguments arguments) {
    Value tuple = object::native_self(arguments[1]);
    return object::as_tuple(tuple)->items()[arguments[0].as_small_int()];
}

object::Result<Value> named_tuple_repr(object::Runtime& runtime, Arguments arguments) {
    Value fields = fields_of(runtime, arguments[0]);
    if (fields.is_empty()) {
        return Value::empty();
    }
    Value tuple = object::native_self(arguments[0]);
    object::Printer printer;
    printer.write(object::type_name_of(runtime, arguments[0]));
    printer.write_char('(');
    std::span<const Value> names_list = object::as_tuple(fields)->span();
    for (std::size_t index = 0; index < names_list.size(); ++index) {
        if (index > 0) {
            printer.write(", ");
        }
        printer.write(object::str_view(runtime, names_list[index]));
        printer.write_char('=');
        if (!object::print_value(runtime, printer, object::as_tuple(tuple)->items()[index],
                                 object::PrintKind::repr)) {
            return Value::empty();
        }
    }
    printer.write_char(')');
    return object::make_str(runtime, printer.text());
}

constexpr NativeFunction named_tuple_new_function{
    names::dunder_new,         NativeKind::static_method, 1,
    NativeFunction::unlimited, named_tuple_new,           true};
constexpr NativeFunction named_tuple_field_function{names::namedtuple, NativeKind::function, 2, 2,
                                                    named_tuple_field};
constexpr NativeFunction named_tuple_repr_function{names::dunder_repr, NativeKind::method, 1, 1,
                                                   named_tuple_repr};

// The field names: a str split at spaces and commas, or an iterable of str.
object::Result<Value> field_names(object::Runtime& runtime, Value spec) {
    Value names_list = object::make_list(runtime, {});
    if (names_list.is_empty()) {
        return Value::empty();
    }
    if (object::is_str(spec)) {
        // A view: `spec` is an argument, so its text stays put while names are interned.
        const std::string_view text = object::str_view(runtime, spec);
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find_first_of(" ,", start);
            if (end == std::string_view::npos) {
                end = text.size();
            }
            if (end > start &&
                !object::list_append(runtime, names_list,
                                     runtime.intern(text.substr(start, end - start)))) {
                return Value::empty();
            }
            start = end + 1;
        }
    } else if (!object::list_extend(runtime, names_list, spec)) {
        return Value::empty();
    }
    object::ListObject* list = object::as_list(names_list);
    for (Value& name : list->span()) {
        if (!object::is_str(name)) {
            return runtime.raise_joined(&object::type_error_type,
                                        {"can't convert '", object::type_name_of(runtime, name),
                                         "' object to str implicitly"});
        }
        name = runtime.intern(object::str_view(runtime, name));
    }
    return object::new_tuple(runtime, list->span());
}

}  // namespace

object::Result<Value> make_named_tuple_type(object::Runtime& runtime, Value name,
                                            Value field_spec) {
    Value arguments[2] = {name, field_spec};
    return collections_namedtuple(runtime, Arguments{arguments, 2, 0});
}

namespace {

object::Result<Value> collections_namedtuple(object::Runtime& runtime, Arguments arguments) {
    if (!object::is_str(arguments[0])) {
        return runtime.raise_joined(&object::type_error_type,
                                    {"can't convert '", object::type_name_of(runtime, arguments[0]),
                                     "' object to str implicitly"});
    }
    Value fields = field_names(runtime, arguments[1]);
    Value dict = fields.is_empty() ? Value::empty() : Value(object::make_dict(runtime));
    Value tuple_class = Value::from_object(&object::tuple_type);
    Value bases =
        dict.is_empty() ? Value::empty() : Value(object::new_tuple(runtime, {&tuple_class, 1}));
    if (bases.is_empty()) {
        return Value::empty();
    }
    object::DictObject* entries = object::as_dict(dict);
    bool ok = object::dict_store_name(runtime, entries, names::fields_attribute, fields) &&
              object::dict_store_name(runtime, entries, names::dunder_new,
                                      Value::from_object(&named_tuple_new_function)) &&
              object::dict_store_name(runtime, entries, names::dunder_repr,
                                      Value::from_object(&named_tuple_repr_function));
    std::span<const Value> names_list = object::as_tuple(fields)->span();
    for (std::size_t index = 0; ok && index < names_list.size(); ++index) {
        Value getter =
            object::make_bound_method(runtime, Value::from_object(&named_tuple_field_function),
                                      Value::from_small_int(static_cast<std::int64_t>(index)));
        auto* property = getter.is_empty() ? nullptr
                                           : runtime.make<object::PropertyObject>(
                                                 0, getter, Value::none(), Value::none());
        ok = property != nullptr &&
             object::dict_store_name(runtime, entries, names_list[index].as_interned_string(),
                                     Value::from_object(property));
    }
    if (!ok) {
        return Value::empty();
    }
    Value name = runtime.intern(object::str_view(runtime, arguments[0]));
    return object::make_class(runtime, name, bases, dict);
}

constexpr NativeFunction namedtuple_function{names::namedtuple, NativeKind::function, 2, 2,
                                             collections_namedtuple};

}  // namespace

namespace {

constexpr object::Attribute collections_types[] = {
    {names::ordered_dict, &ordered_dict_type},
    {names::deque, &deque_type},
    {names::defaultdict, &default_dict_type},
};

}  // namespace

constinit const vm::ModuleDefinition collections_module{.name = names::collections,
                                                        .functions = {&namedtuple_function, 1},
                                                        .objects = collections_types,
                                                        .extensible = true,
                                                        .u_alias = true};

}  // namespace xipy::modules
