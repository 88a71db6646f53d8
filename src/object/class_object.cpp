// type, object, super, and the behaviour of user classes and their instances.
#include "object/class_object.hpp"

#include <algorithm>
#include <vector>

#include "object/descriptor_objects.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "support/small_vector.hpp"

namespace xipy::object {

Result<Value> user_descriptor_get(Runtime& runtime, Value found, Value instance, const Type* owner);
Result<Value> instance_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                        Value right, bool reflected);
Result<Value> instance_unary_operation(Runtime& runtime, UnaryOperator operation, Value operand);
Status instance_load_method(Runtime& runtime, Value object, std::uint32_t name, Method& method);
Status instance_store_attribute(Runtime& runtime, Value object, std::uint32_t name, Value value);
Status instance_print(Runtime& runtime, Value object, Printer& printer, PrintKind kind);

namespace {

InstanceObject* as_instance(Value value) { return static_cast<InstanceObject*>(value.as_object()); }

bool is_exception_layout(const Type* type) { return type != nullptr && is_exception_type(type); }

// Calls a function found on a class with `self` first.
Result<Value> call_found(Runtime& runtime, Value function, Value self,
                         std::span<const Value> rest) {
    Arguments arguments{rest.data(), static_cast<std::uint32_t>(rest.size()), 0};
    // A special method may be wrapped: a staticmethod takes no self, a classmethod the class.
    const Type* function_type = type_of(function);
    if (function_type == &staticmethod_type) {
        return call(runtime, static_cast<WrapperObject*>(function.as_object())->function,
                    arguments);
    }
    if (function_type == &classmethod_type) {
        return call_with_self(runtime, static_cast<WrapperObject*>(function.as_object())->function,
                              Value::from_object(type_of(self)), arguments);
    }
    return call_with_self(runtime, function, self, arguments);
}

// ---- type

void trace_type(gc::Cell* cell, gc::Tracer& tracer) {
    auto* type = static_cast<Type*>(cell);
    for (Value value : {type->dict, type->bases, type->mro}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Status type_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    // Only real types reach here (see type_load_attribute()); refuse anything else safely.
    if (!is_type(self)) {
        return runtime.raise_new(&type_error_type, "not a type");
    }
    printer.write("<class '");
    printer.write(type_name(runtime, as_type(self)));
    printer.write("'>");
    return succeeded();
}

Result<Value> type_call(Runtime& runtime, Value callable, Arguments arguments) {
    if (!is_type(callable)) {
        return runtime.raise_joined(
            &type_error_type, {"'", type_name_of(runtime, callable), "' object isn't callable"});
    }
    const Type* type = as_type(callable);
    if (type == &type_type) {
        if (arguments.positional_count == 1 && arguments.keyword_count == 0) {
            return Value::from_object(type_of(arguments[0]));
        }
        if (arguments.positional_count == 3) {
            return make_class(runtime, arguments[0], arguments[1], arguments[2]);
        }
        return runtime.raise_new(&type_error_type, "type takes 1 or 3 arguments");
    }
    if (type->slots.make_new == nullptr) {
        return runtime.raise_joined(&type_error_type,
                                    {"cannot create '", type_name(runtime, type), "' instances"});
    }
    return type->slots.make_new(runtime, type, arguments);
}

Result<Value> type_bases(Runtime& runtime, const Type* type) {
    if (type->is_user_class()) {
        return type->bases;
    }
    if (type->base == nullptr) {
        return empty_tuple();
    }
    Value base = Value::from_object(type->base);
    return new_tuple(runtime, std::span<const Value>(&base, 1));
}

Result<Value> type_mro(Runtime& runtime, const Type* type) {
    if (type->is_user_class()) {
        return type->mro;
    }
    support::ScratchVector<Value> chain;
    for (const Type* current = type; current != nullptr; current = current->base) {
        chain.push_back(Value::from_object(current));
    }
    return new_tuple(runtime, chain);
}

// A built-in type's __dict__: a fresh dict of its own attribute table (the table is
// constant data, so changing the dict changes nothing).
Result<Value> builtin_type_dict(Runtime& runtime, const Type* type) {
    Value dict = make_dict(runtime);
    if (dict.is_empty()) {
        return dict;
    }
    for (const Attribute& attribute : type->attributes) {
        if (!dict_store_name(runtime, as_dict(dict), attribute.name,
                             Value::from_object(attribute.object))) {
            return Value::empty();
        }
    }
    return dict;
}

Value type_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    // An instance of a user subclass of type (class M(type), then M("X", (), {})) is an
    // ordinary instance here, since xipy has no metaclasses: it has no type's attributes.
    if (!is_type(self)) {
        return Value::empty();
    }
    const Type* type = as_type(self);
    switch (name) {
        case names::dunder_name:
        case names::dunder_qualname:
            return Value::from_interned_string(type->name);
        case names::dunder_bases:
            return type_bases(runtime, type);
        case names::dunder_base:
            return type->base == nullptr ? Value::none() : Value::from_object(type->base);
        case names::dunder_mro:
            return type_mro(runtime, type);
        case names::dunder_dict:
            if (type->is_user_class()) {
                return type->dict;
            }
            return builtin_type_dict(runtime, type);
        default:
            break;
    }
    ClassLookup found = lookup_in_type(type, name);
    if (found.value.is_empty()) {
        return Value::empty();
    }
    if (type_of(found.value)->is_user_class()) {
        return user_descriptor_get(runtime, found.value, Value::empty(), type);
    }
    Value bound = bind_attribute(runtime, found.value, Value::empty(), type);
    if (bound.is_empty()) {
        return bound;
    }
    return check_unbound_method(runtime, bound, found.owner);
}

Status type_store_attribute(Runtime& runtime, Value self, std::uint32_t name, Value value) {
    // As type_load_attribute(): only a real type has a type's attributes.
    if (!is_type(self) || !as_type(self)->is_user_class()) {
        raise_no_attribute(runtime, self, name);
        return Raised{};
    }
    const Type* type = as_type(self);
    DictObject* dict = as_dict(type->dict);
    if (value.is_empty()) {
        Value removed;
        if (!dict_remove(runtime, dict, Value::from_interned_string(name), &removed)) {
            return Raised{};
        }
        if (removed.is_empty()) {
            raise_no_attribute(runtime, self, name);
            return Raised{};
        }
        return succeeded();
    }
    return dict_store_name(runtime, dict, name, value);
}

// ---- object

Result<Value> object_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count != 0 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes 0 positional arguments but ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count)),
             " were given"});
    }
    auto* instance = runtime.make<InstanceObject>(0, type);
    return instance == nullptr ? Value::empty() : Value::from_object(instance);
}

Result<Value> object_init(Runtime&, Arguments) { return Value::none(); }

Result<Value> allocate_instance(Runtime& runtime, const Type* type, Arguments arguments,
                                bool user_init);
Result<Value> call_found(Runtime& runtime, Value function, Value self, std::span<const Value> rest);

Result<Value> object_new(Runtime& runtime, Arguments arguments) {
    // Only user classes can be allocated empty: a built-in type has its own layout.
    if (!is_type(arguments[0]) || !as_type(arguments[0])->is_user_class()) {
        return runtime.raise_new(&type_error_type, "arg must be user-type");
    }
    const Type* type = as_type(arguments[0]);
    return allocate_instance(runtime, type, arguments.without_first(), true);
}

Result<Value> store_in_dict(Runtime& runtime, Value object, std::uint32_t name, Value value) {
    if (!is_instance(object, &object_type) || !object.is_object() ||
        !(type_of(object)->is_user_class() || is_exception(object))) {
        raise_no_attribute(runtime, object, name);
        return Value::empty();
    }
    InstanceObject* instance = as_instance(object);
    if (value.is_empty()) {
        Value removed;
        if (instance->dict.is_empty() ||
            !dict_remove(runtime, as_dict(instance->dict), Value::from_interned_string(name),
                         &removed)) {
            if (!runtime.has_exception()) {
                raise_no_attribute(runtime, object, name);
            }
            return Value::empty();
        }
        if (removed.is_empty()) {
            raise_no_attribute(runtime, object, name);
            return Value::empty();
        }
        return Value::none();
    }
    auto* type = const_cast<Type*>(type_of(object));
    if (instance->dict.is_empty()) {
        Value dict = make_dict_with_room(runtime, type->instance_attributes);
        if (dict.is_empty()) {
            return Value::empty();
        }
        instance->dict = dict;
    }
    DictObject* dict = as_dict(instance->dict);
    if (!dict_store_name(runtime, dict, name, value)) {
        return Value::empty();
    }
    // Up to a small dict's size: an instance with hundreds of attributes is no model for all.
    constexpr std::uint32_t most_room = 16;
    if (dict->count > type->instance_attributes && dict->count <= most_room &&
        type->is_user_class()) {
        type->instance_attributes = dict->count;
    }
    return Value::none();
}

std::uint32_t name_argument(Runtime& runtime, Value name) {
    if (name.is_interned_string()) {
        return name.as_interned_string();
    }
    return runtime.interned().intern_copy(str_view(runtime, name));
}

Result<Value> object_setattr(Runtime& runtime, Arguments arguments) {
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "attribute name must be a string");
    }
    return store_in_dict(runtime, arguments[0], name_argument(runtime, arguments[1]), arguments[2]);
}

Result<Value> object_delattr(Runtime& runtime, Arguments arguments) {
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "attribute name must be a string");
    }
    return store_in_dict(runtime, arguments[0], name_argument(runtime, arguments[1]),
                         Value::empty());
}

Result<Value> object_getattribute(Runtime& runtime, Arguments arguments) {
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "attribute name must be a string");
    }
    std::uint32_t name = name_argument(runtime, arguments[1]);
    Value object = arguments[0];
    if (object.is_object() && type_of(object)->is_user_class()) {
        InstanceObject* instance = as_instance(object);
        if (!instance->dict.is_empty()) {
            Value found = dict_find_name(runtime, as_dict(instance->dict), name);
            if (!found.is_empty()) {
                return found;
            }
        }
        ClassLookup lookup = lookup_in_type(runtime, type_of(object), name);
        if (!lookup.value.is_empty()) {
            return bind_attribute(runtime, lookup.value, object, type_of(object));
        }
        return raise_no_attribute(runtime, object, name);
    }
    return load_attribute(runtime, object, name);
}

Result<Value> object_repr_method(Runtime& runtime, Arguments arguments) {
    Printer printer;
    const Type* type = type_of(arguments[0]);
    printer.write("<");
    printer.write(type_name(runtime, type));
    printer.write(" object at 0x");
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%llx",
                  static_cast<unsigned long long>(arguments[0].bits() & 0xFFFFFFFFFFFFULL));
    printer.write(buffer);
    printer.write(">");
    return make_str(runtime, printer.text());
}

Result<Value> object_str_method(Runtime& runtime, Arguments arguments) {
    return to_repr(runtime, arguments[0]);
}

Result<Value> object_eq_method(Runtime&, Arguments arguments) {
    return arguments[0] == arguments[1] ? Value::true_value() : Value::not_implemented();
}

Result<Value> object_ne_method(Runtime& runtime, Arguments arguments) {
    int equal = equals(runtime, arguments[0], arguments[1]);
    if (equal < 0) {
        return Value::empty();
    }
    return Value::boolean(equal == 0);
}

Result<Value> object_hash_method(Runtime&, Arguments arguments) {
    return Value::from_small_int(static_cast<std::int64_t>(arguments[0].bits() >> 3) &
                                 Value::small_int_maximum);
}

Result<Value> object_init_subclass(Runtime&, Arguments) { return Value::none(); }

constexpr NativeFunction object_init_function{names::dunder_init,        NativeKind::method, 1,
                                              NativeFunction::unlimited, object_init,        true};
constexpr NativeFunction object_new_function{
    names::dunder_new, NativeKind::static_method, 1, NativeFunction::unlimited, object_new, true};
constexpr NativeFunction object_setattr_function{names::dunder_setattr, NativeKind::method, 3, 3,
                                                 object_setattr};
constexpr NativeFunction object_delattr_function{names::dunder_delattr, NativeKind::method, 2, 2,
                                                 object_delattr};
constexpr NativeFunction object_getattribute_function{
    names::dunder_getattribute, NativeKind::method, 2, 2, object_getattribute};
constexpr NativeFunction object_repr_function{names::dunder_repr, NativeKind::method, 1, 1,
                                              object_repr_method};
constexpr NativeFunction object_str_function{names::dunder_str, NativeKind::method, 1, 1,
                                             object_str_method};
constexpr NativeFunction object_eq_function{names::dunder_eq, NativeKind::method, 2, 2,
                                            object_eq_method};
constexpr NativeFunction object_ne_function{names::dunder_ne, NativeKind::method, 2, 2,
                                            object_ne_method};
constexpr NativeFunction object_hash_function{names::dunder_hash, NativeKind::method, 1, 1,
                                              object_hash_method};
constexpr NativeFunction object_init_subclass_function{
    names::dunder_init_subclass, NativeKind::class_method, 1,
    NativeFunction::unlimited,   object_init_subclass,     true};

constexpr Attribute object_attributes[] = {
    {names::dunder_init, &object_init_function},
    {names::dunder_new, &object_new_function},
    {names::dunder_setattr, &object_setattr_function},
    {names::dunder_delattr, &object_delattr_function},
    {names::dunder_getattribute, &object_getattribute_function},
    {names::dunder_repr, &object_repr_function},
    {names::dunder_str, &object_str_function},
    {names::dunder_eq, &object_eq_function},
    {names::dunder_ne, &object_ne_function},
    {names::dunder_hash, &object_hash_function},
    {names::dunder_init_subclass, &object_init_subclass_function},
};

// ---- super

struct SuperObject : Object {
    Value type;
    Value object;

    SuperObject(Value start_type, Value bound)
        : Object(&super_type), type(start_type), object(bound) {}
};

void trace_super(gc::Cell* cell, gc::Tracer& tracer) {
    auto* super = static_cast<SuperObject*>(cell);
    for (Value value : {super->type, super->object}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Result<Value> super_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count != 2) {
        return runtime.raise_new(&type_error_type, "super() requires 2 arguments");
    }
    if (!is_type(arguments[0])) {
        return runtime.raise_new(&type_error_type,
                                 "issubclass() arg 2 must be a class or a tuple of classes");
    }
    // The object must be an instance or a subclass of the type (MicroPython's bare TypeError).
    const Type* start = as_type(arguments[0]);
    Value object = arguments[1];
    if (is_type(object) ? !is_subtype(as_type(object), start) : !is_instance(object, start)) {
        return runtime.raise_type(&type_error_type);
    }
    auto* super = runtime.make<SuperObject>(0, arguments[0], arguments[1]);
    return super == nullptr ? Value::empty() : Value::from_object(super);
}

Value super_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    auto* super = static_cast<SuperObject*>(self.as_object());
    Value destination[2];
    if (!super_load_method(runtime, super->type, super->object, name, destination)) {
        return Value::empty();
    }
    if (destination[1].is_empty()) {
        return destination[0];
    }
    return make_bound_method(runtime, destination[0], destination[1]);
}

Status super_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    auto* super = static_cast<SuperObject*>(self.as_object());
    printer.write("<super: <class '");
    printer.write(type_name(runtime, as_type(super->type)));
    printer.write("'>, <");
    printer.write(type_name_of(runtime, super->object));
    printer.write(" object>>");
    return succeeded();
}

// ---- C3 linearisation

// A class's method resolution order, or its bases'; almost always short.
using TypeList = support::SmallVector<const Type*, 16>;

// The method resolution order of `type`, itself first, appended to `result`; false when the
// memory for it is refused.
bool linearisation_of(const Type* type, TypeList& result) {
    if (type->is_user_class()) {
        for (Value entry : as_tuple(type->mro)->span()) {
            if (!result.push_back(as_type(entry))) {
                return false;
            }
        }
    } else {
        for (const Type* current = type; current != nullptr; current = current->base) {
            if (!result.push_back(current)) {
                return false;
            }
        }
    }
    return true;
}

bool c3_merge(support::ScratchVector<support::ScratchVector<const Type*>> sequences,
              support::ScratchVector<const Type*>& result) {
    for (;;) {
        sequences.erase(std::remove_if(sequences.begin(), sequences.end(),
                                       [](const auto& sequence) { return sequence.empty(); }),
                        sequences.end());
        if (sequences.empty()) {
            return true;
        }
        const Type* candidate = nullptr;
        for (const auto& sequence : sequences) {
            const Type* head = sequence.front();
            bool in_tail = false;
            for (const auto& other : sequences) {
                if (std::find(other.begin() + 1, other.end(), head) != other.end()) {
                    in_tail = true;
                    break;
                }
            }
            if (!in_tail) {
                candidate = head;
                break;
            }
        }
        if (candidate == nullptr) {
            return false;
        }
        result.push_back(candidate);
        for (auto& sequence : sequences) {
            if (!sequence.empty() && sequence.front() == candidate) {
                sequence.erase(sequence.begin());
            }
        }
    }
}

Result<Value> instance_call(Runtime& runtime, Value callable, Arguments arguments) {
    ClassLookup found = lookup_in_type(type_of(callable), names::dunder_call);
    if (found.value.is_empty()) {
        // A callable built-in base (machine.Signal) is called with the instance's native part,
        // as MicroPython calls the base's call slot.
        const Type* native = type_of(callable)->native_base;
        Value inner = native_self(callable);
        if (native != nullptr && native->slots.call != nullptr && inner != callable) {
            return native->slots.call(runtime, inner, arguments);
        }
        return runtime.raise_joined(
            &type_error_type, {"'", type_name_of(runtime, callable), "' object isn't callable"});
    }
    return call_with_self(runtime, found.value, callable, arguments);
}

Result<Value> allocate_instance(Runtime& runtime, const Type* type, Arguments arguments,
                                bool user_init) {
    const Type* native = type->native_base;
    if (is_exception_layout(native)) {
        auto* exception = runtime.make<ExceptionObject>(0, type);
        if (exception == nullptr) {
            return Value::empty();
        }
        exception->args = new_tuple(runtime, arguments.positional());
        if (exception->args.is_empty()) {
            return Value::empty();
        }
        return Value::from_object(exception);
    }
    auto* instance = runtime.make<InstanceObject>(0, type);
    if (instance == nullptr) {
        return Value::empty();
    }
    Value result = Value::from_object(instance);
    if (native != &object_type && native->slots.make_new != nullptr) {
        Value inner = native->slots.make_new(runtime, native, user_init ? Arguments{} : arguments);
        if (inner.is_empty()) {
            return Value::empty();
        }
        instance->native = inner;
    }
    return result;
}

}  // namespace

constinit const Type type_type{names::type,
                               &object_type,
                               TypeSlots{
                                   .call = type_call,
                                   .print = type_print,
                                   .load_attribute = type_load_attribute,
                                   .store_attribute = type_store_attribute,
                               },
                               {},
                               type_flag_subclassable,
                               trace_type};

constinit const Type object_type{names::object,
                                 nullptr,
                                 TypeSlots{
                                     .make_new = object_make_new,
                                 },
                                 object_attributes,
                                 type_flag_subclassable,
                                 trace_instance};

constinit const Type super_type{names::super,
                                &object_type,
                                TypeSlots{
                                    .make_new = super_make_new,
                                    .print = super_print,
                                    .load_attribute = super_load_attribute,
                                },
                                {},
                                0,
                                trace_super};

void trace_instance(gc::Cell* cell, gc::Tracer& tracer) {
    auto* instance = static_cast<InstanceObject*>(cell);
    tracer.mark(const_cast<Type*>(instance->type()));
    for (Value value : {instance->dict, instance->native}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Value native_self(Value value) {
    if (value.is_object() && value.as_object()->type()->is_user_class()) {
        InstanceObject* instance = as_instance(value);
        if (!instance->native.is_empty()) {
            return instance->native;
        }
    }
    return value;
}

namespace {

// Calls __set_name__(owner, name) on each attribute of a new class whose type defines it.
// The attributes are snapshotted first, since __set_name__ may add or remove attributes.
bool call_set_names(Runtime& runtime, Value owner) {
    DictObject* dict = as_dict(as_type(owner)->dict);
    support::ScratchVector<Value> pairs;
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    while (dict_next(dict, position, entry)) {
        const Type* value_type = type_of(entry->value);
        if (!value_type->is_user_class()) {
            continue;
        }
        ClassLookup found = lookup_in_type(value_type, names::dunder_set_name);
        if (!found.value.is_empty() && found.owner->is_user_class()) {
            pairs.push_back(entry->key);
            pairs.push_back(entry->value);
        }
    }
    if (pairs.empty()) {
        return true;
    }
    // The snapshot lives in a rooted tuple, so removing an attribute does not free its value.
    Value snapshot = new_tuple(runtime, std::span<const Value>(pairs.data(), pairs.size()));
    if (snapshot.is_empty()) {
        return false;
    }
    Root snapshot_root(runtime, snapshot);
    LoopRoots rounds(runtime);
    std::span<const Value> items = as_tuple(snapshot_root.get())->span();
    for (std::size_t index = 0; index < items.size(); index += 2) {
        if (!call_method(runtime, items[index + 1], names::dunder_set_name, {owner, items[index]})
                 .ok()) {
            return false;
        }
        rounds.next_round();
    }
    return true;
}

}  // namespace

Result<Value> make_class(Runtime& runtime, Value name, Value bases, Value dict) {
    if (!is_dict(dict) && is_instance(dict, &dict_type) && !type_of(dict)->is_user_class()) {
        // A dict of another kind (OrderedDict) gives its items to a plain dict.
        Value copy = make_dict(runtime);
        if (copy.is_empty() || !dict_update(runtime, copy, dict)) {
            return Value::empty();
        }
        dict = copy;
    }
    if (!is_str(name) || !is_tuple(bases) || !is_dict(dict)) {
        return runtime.raise_new(&type_error_type, "type() arguments have the wrong types");
    }
    TypeList base_types(runtime.scratch_memory());
    for (Value base : as_tuple(bases)->span()) {
        if (!is_type(base)) {
            return runtime.raise_new(&type_error_type, "bases must be types");
        }
        const Type* base_type = as_type(base);
        if ((base_type->flags & type_flag_subclassable) == 0) {
            return runtime.raise_joined(&type_error_type, {"type '", type_name(runtime, base_type),
                                                           "' isn't an acceptable base type"});
        }
        if (!base_types.push_back(base_type)) {
            return runtime.raise_memory_error();
        }
    }
    if (base_types.empty()) {
        if (!base_types.push_back(&object_type)) {
            return runtime.raise_memory_error();
        }
        Value object_value = Value::from_object(&object_type);
        bases = new_tuple(runtime, std::span<const Value>(&object_value, 1));
        if (bases.is_empty()) {
            return Value::empty();
        }
    }
    TypeList order(runtime.scratch_memory());
    if (base_types.size() == 1) {
        // C3 of one base is the base's own order: no merge, nothing allocated.
        if (!linearisation_of(base_types[0], order)) {
            return runtime.raise_memory_error();
        }
    } else {
        support::ScratchVector<support::ScratchVector<const Type*>> sequences;
        for (const Type* base : base_types) {
            TypeList linear(runtime.scratch_memory());
            if (!linearisation_of(base, linear)) {
                return runtime.raise_memory_error();
            }
            sequences.emplace_back(linear.begin(), linear.end());
        }
        sequences.emplace_back(base_types.begin(), base_types.end());
        support::ScratchVector<const Type*> merged;
        if (!c3_merge(sequences, merged)) {
            return runtime.raise_new(&type_error_type,
                                     "Cannot create a consistent method resolution order (MRO)");
        }
        if (!order.append(merged)) {
            return runtime.raise_memory_error();
        }
    }
    // Two bases built on unrelated built-in types cannot share one instance (exceptions all
    // share one layout).
    const Type* layout = &object_type;
    for (const Type* base : base_types) {
        const Type* base_layout = base->is_user_class() ? base->native_base : base;
        if (base_layout == nullptr || base_layout == &object_type ||
            is_subtype(layout, base_layout) ||
            (is_exception_layout(layout) && is_exception_layout(base_layout))) {
            continue;
        }
        if (layout != &object_type && !is_subtype(base_layout, layout)) {
            return runtime.raise_new(&type_error_type,
                                     "multiple bases have instance lay-out conflict");
        }
        layout = base_layout;
    }
    // The instance layout comes from the first built-in type along the MRO
    // that is not `object` (exceptions share the instance layout).
    const Type* native = &object_type;
    for (const Type* entry : order) {
        if (!entry->is_user_class() && entry != &object_type) {
            native = entry;
            break;
        }
    }
    std::uint32_t name_id = name.is_interned_string()
                                ? name.as_interned_string()
                                : runtime.interned().intern_copy(str_view(runtime, name));
    void (*trace)(gc::Cell*, gc::Tracer&) =
        is_exception_layout(native) ? native->trace : trace_instance;
    auto* type =
        runtime.make<Type>(0, Type::UserClassTag{}, name_id, base_types.front(),
                           TypeSlots{.make_new = instance_make_new, .call = instance_call}, trace);
    if (type == nullptr) {
        return Value::empty();
    }
    type->native_base = native;
    // __new__ is a static method even when not declared one (so instance.__new__(cls) works).
    Value new_function = dict_find_name(as_dict(dict), names::dunder_new);
    if (!new_function.is_empty() && is_method_descriptor(new_function)) {
        auto* wrapper = runtime.make<WrapperObject>(0, &staticmethod_type, new_function);
        if (wrapper == nullptr || !dict_store_name(runtime, as_dict(dict), names::dunder_new,
                                                   Value::from_object(wrapper))) {
            return Value::empty();
        }
    }
    type->dict = dict;
    // From now on a change of its keys invalidates the attribute caches (not while the class
    // body filled it: making a class costs no cache).
    as_dict(dict)->of_class = true;
    type->bases = bases;
    TupleObject* mro =
        new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(order.size() + 1));
    if (mro == nullptr) {
        return Value::empty();
    }
    mro->items()[0] = Value::from_object(type);
    for (std::size_t index = 0; index < order.size(); ++index) {
        mro->items()[index + 1] = Value::from_object(order[index]);
    }
    type->mro = Value::from_object(mro);
    Value class_value = Value::from_object(type);
    if (!call_set_names(runtime, class_value)) {
        return Value::empty();
    }
    return class_value;
}

Value plain_init_of(Runtime& runtime, const Type* type) {
    if (!type->is_user_class() || type->native_base != &object_type ||
        type->slots.make_new != instance_make_new) {
        return Value::empty();
    }
    const ClassLookup new_method = lookup_in_type(runtime, type, names::dunder_new);
    if (!new_method.value.is_empty() && new_method.owner->is_user_class()) {
        return Value::empty();
    }
    const ClassLookup init_method = lookup_in_type(runtime, type, names::dunder_init);
    if (init_method.value.is_empty() || !init_method.owner->is_user_class()) {
        return Value::empty();
    }
    return init_method.value;
}

Raised raise_init_result(Runtime& runtime, Value result) {
    return runtime.raise_joined(&type_error_type, {"__init__() should return None, not '",
                                                   type_name_of(runtime, result), "'"});
}

Result<Value> make_plain_instance(Runtime& runtime, const Type* type) {
    auto* instance = runtime.make<InstanceObject>(0, type);
    return instance == nullptr ? Value::empty() : Value::from_object(instance);
}

Result<Value> instance_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    Value type_value = Value::from_object(type);
    ClassLookup new_method = lookup_in_type(runtime, type, names::dunder_new);
    ClassLookup init_method;
    Value instance;
    if (!new_method.value.is_empty() && new_method.owner->is_user_class()) {
        Value function = new_method.value;
        if (type_of(function) == &staticmethod_type) {
            function = static_cast<WrapperObject*>(function.as_object())->function;
        }
        instance = call_with_self(runtime, function, type_value, arguments);
        if (instance.is_empty()) {
            return Value::empty();
        }
        if (!is_instance(instance, type)) {
            return instance;
        }
        // Looked up after __new__ ran, which may have changed the class.
        init_method = lookup_in_type(runtime, type, names::dunder_init);
    } else {
        // With a user __init__, a built-in base with an __init__ of its own (list, dict)
        // starts empty for super().__init__ to fill; one without (tuple, bytes) is made from
        // the call's arguments, as MicroPython does when __init__ leaves it unmade.
        init_method = lookup_in_type(runtime, type, names::dunder_init);
        bool user_init = !init_method.value.is_empty() && init_method.owner->is_user_class();
        ClassLookup native_init = lookup_in_type(type->native_base, names::dunder_init);
        bool native_has_init = !native_init.value.is_empty() && native_init.owner != &object_type;
        instance = allocate_instance(runtime, type, arguments, user_init && native_has_init);
        if (instance.is_empty()) {
            return Value::empty();
        }
    }
    // Built-in bases were initialised by their make_new.
    if (!init_method.value.is_empty() && init_method.owner->is_user_class()) {
        Value result = call_with_self(runtime, init_method.value, instance, arguments);
        if (result.is_empty()) {
            return Value::empty();
        }
        if (!result.is_none()) {
            return raise_init_result(runtime, result);
        }
    }
    return instance;
}

Status super_load_method(Runtime& runtime, Value type_value, Value object, std::uint32_t name,
                         Value destination[2]) {
    destination[0] = Value::empty();
    destination[1] = Value::empty();
    const Type* start = as_type(type_value);
    const Type* object_class =
        is_type(object) && is_subtype(as_type(object), start) ? as_type(object) : type_of(object);
    TypeList order(runtime.scratch_memory());
    if (!linearisation_of(object_class, order)) {
        return runtime.raise_memory_error();
    }
    auto position = std::find(order.begin(), order.end(), start);
    if (position != order.end()) {
        ++position;
    }
    for (; position != order.end(); ++position) {
        const Type* candidate = *position;
        Value found;
        if (candidate->is_user_class()) {
            found = dict_find_name(as_dict(candidate->dict), name);
        } else {
            for (const Attribute& attribute : candidate->attributes) {
                if (attribute.name == name) {
                    found = Value::from_object(attribute.object);
                    break;
                }
            }
        }
        if (found.is_empty()) {
            continue;
        }
        if (is_method_descriptor(found) && !is_type(object)) {
            destination[0] = found;
            destination[1] = candidate->is_user_class() ? object : native_self(object);
            return succeeded();
        }
        Value bound =
            bind_attribute(runtime, found, is_type(object) ? Value::empty() : object, object_class);
        if (bound.is_empty()) {
            return Raised{};
        }
        destination[0] = bound;
        return succeeded();
    }
    runtime.raise_joined(&attribute_error_type,
                         {"'super' object has no attribute '", runtime.name_text(name), "'"});
    return Raised{};
}

// ---- instance behaviour, used by operations.cpp

namespace {

// A user-defined descriptor's method (__get__, __set__, __delete__), if any.
Value descriptor_method(Value found, std::uint32_t name) {
    const Type* type = type_of(found);
    if (!type->is_user_class()) {
        return Value::empty();
    }
    ClassLookup lookup = lookup_in_type(type, name);
    return lookup.owner != nullptr && lookup.owner->is_user_class() ? lookup.value : Value::empty();
}

Result<Value> call_descriptor_get(Runtime& runtime, Value getter, Value found, Value instance,
                                  const Type* owner) {
    Value arguments[2] = {instance.is_empty() ? Value::none() : instance,
                          Value::from_object(owner)};
    return call_found(runtime, getter, found, {arguments, 2});
}

}  // namespace

Result<Value> user_descriptor_get(Runtime& runtime, Value found, Value instance,
                                  const Type* owner) {
    Value getter = descriptor_method(found, names::dunder_get);
    if (getter.is_empty()) {
        return found;
    }
    return call_descriptor_get(runtime, getter, found, instance, owner);
}

Status instance_load_method(Runtime& runtime, Value object, std::uint32_t name, Method& method) {
    return instance_load_method_found(runtime, object, name,
                                      lookup_in_type(runtime, type_of(object), name), method);
}

Status instance_load_method_found(Runtime& runtime, Value object, std::uint32_t name,
                                  ClassLookup found, Method& method) {
    const Type* type = type_of(object);
    InstanceObject* instance = as_instance(object);
    if (!found.value.is_empty() && type_of(found.value) == &property_type) {
        method.function = bind_attribute(runtime, found.value, object, type);
        return !method.function.is_empty();
    }
    Value getter;
    if (!found.value.is_empty() && type_of(found.value)->is_user_class()) {
        getter = descriptor_method(found.value, names::dunder_get);
        bool is_data = !descriptor_method(found.value, names::dunder_set).is_empty() ||
                       !descriptor_method(found.value, names::dunder_delete).is_empty();
        if (!getter.is_empty() && is_data) {
            method.function = call_descriptor_get(runtime, getter, found.value, object, type);
            return !method.function.is_empty();
        }
    }
    if (!instance->dict.is_empty()) {
        Value value = dict_find_name(runtime, as_dict(instance->dict), name);
        if (!value.is_empty()) {
            method.function = value;
            return succeeded();
        }
    }
    if (!found.value.is_empty()) {
        if (!getter.is_empty()) {
            method.function = call_descriptor_get(runtime, getter, found.value, object, type);
            return !method.function.is_empty();
        }
        if (is_method_descriptor(found.value)) {
            method.function = found.value;
            method.self = found.owner->is_user_class() ? object : native_self(object);
            return succeeded();
        }
        method.function = bind_attribute(runtime, found.value, object, type);
        return !method.function.is_empty();
    }
    if (name == names::dunder_class) {
        method.function = Value::from_object(type);
        return succeeded();
    }
    if (name == names::dunder_dict) {
        // A read-only copy, as the reference gives: a key stored in it under a str that is not
        // interned would be found by neither the attribute caches nor dict_find_name.
        method.function = make_fixed_copy(runtime, instance->dict);
        return !method.function.is_empty();
    }
    const Type* native = type->native_base;
    if (native != nullptr && native->slots.load_attribute != nullptr) {
        Value value = native->slots.load_attribute(runtime, native_self(object), name);
        if (!value.is_empty() || runtime.has_exception()) {
            method.function = value;
            return !value.is_empty();
        }
    }
    ClassLookup getattr = lookup_in_type(runtime, type, names::dunder_getattr);
    if (!getattr.value.is_empty() && getattr.owner->is_user_class()) {
        Value name_value = Value::from_interned_string(name);
        method.function = call_found(runtime, getattr.value, object, {&name_value, 1});
        return !method.function.is_empty();
    }
    return succeeded();
}

Status instance_store_attribute(Runtime& runtime, Value object, std::uint32_t name, Value value) {
    const Type* type = type_of(object);
    return instance_store_attribute_found(
        runtime, object, name, value,
        lookup_in_type(runtime, type,
                       value.is_empty() ? names::dunder_delattr : names::dunder_setattr),
        lookup_in_type(runtime, type, name));
}

Status instance_store_attribute_found(Runtime& runtime, Value object, std::uint32_t name,
                                      Value value, ClassLookup hook, ClassLookup found) {
    if (!hook.value.is_empty() && hook.owner->is_user_class()) {
        Value arguments[2] = {Value::from_interned_string(name), value};
        Value result =
            call_found(runtime, hook.value, object, {arguments, value.is_empty() ? 1u : 2u});
        return !result.is_empty();
    }
    if (!found.value.is_empty() && type_of(found.value) == &property_type) {
        auto* property = static_cast<PropertyObject*>(found.value.as_object());
        Value function = value.is_empty() ? property->deleter : property->setter;
        if (function.is_empty() || function.is_none()) {
            runtime.raise_new(&attribute_error_type, "can't set attribute");
            return Raised{};
        }
        Value result = value.is_empty() ? call_positional(runtime, function, {object})
                                        : call_positional(runtime, function, {object, value});
        return !result.is_empty();
    }
    if (!found.value.is_empty()) {
        Value setter = descriptor_method(
            found.value, value.is_empty() ? names::dunder_delete : names::dunder_set);
        if (!setter.is_empty()) {
            Value arguments[2] = {object, value};
            Value result =
                call_found(runtime, setter, found.value, {arguments, value.is_empty() ? 1u : 2u});
            return !result.is_empty();
        }
    }
    return store_in_dict(runtime, object, name, value).ok();
}

Result<Value> instance_unary_operation(Runtime& runtime, UnaryOperator operation, Value operand) {
    std::uint32_t name = unary_operator_name(operation);
    const Type* type = type_of(operand);
    ClassLookup found = lookup_in_type(runtime, type, name);
    if (!found.value.is_empty() && found.owner->is_user_class()) {
        if (found.value.is_none() && operation == UnaryOperator::hash) {
            return runtime.raise_joined(&type_error_type, {"unsupported type for __hash__: '",
                                                           type_name(runtime, type), "'"});
        }
        Value result = call_found(runtime, found.value, operand, {});
        if (result.is_empty()) {
            return result;
        }
        if (operation == UnaryOperator::boolean && !result.is_bool()) {
            return runtime.raise_new(&type_error_type, "__bool__ should return bool");
        }
        return result;
    }
    if (operation == UnaryOperator::hash) {
        // A class that defines __eq__ but not __hash__ is unhashable.
        ClassLookup equal = lookup_in_type(type, names::dunder_eq);
        if (!equal.value.is_empty() && equal.owner->is_user_class()) {
            return raise_unsupported_unary(runtime, operation, operand);
        }
    }
    Value native = native_self(operand);
    if (native != operand) {
        return unary_operation(runtime, operation, native);
    }
    if (is_exception_layout(type->native_base) &&
        type->native_base->slots.unary_operation != nullptr) {
        return type->native_base->slots.unary_operation(runtime, operation, operand);
    }
    return Value::not_implemented();
}

namespace {

std::uint32_t reflected_name(BinaryOperator operation) {
    switch (operation) {
        case BinaryOperator::less:
            return names::dunder_gt;
        case BinaryOperator::more:
            return names::dunder_lt;
        case BinaryOperator::less_equal:
            return names::dunder_ge;
        case BinaryOperator::more_equal:
            return names::dunder_le;
        case BinaryOperator::equal:
            return names::dunder_eq;
        case BinaryOperator::not_equal:
            return names::dunder_ne;
        case BinaryOperator::or_:
            return names::dunder_ror;
        case BinaryOperator::xor_:
            return names::dunder_rxor;
        case BinaryOperator::and_:
            return names::dunder_rand;
        case BinaryOperator::lshift:
            return names::dunder_rlshift;
        case BinaryOperator::rshift:
            return names::dunder_rrshift;
        case BinaryOperator::add:
            return names::dunder_radd;
        case BinaryOperator::subtract:
            return names::dunder_rsub;
        case BinaryOperator::multiply:
            return names::dunder_rmul;
        case BinaryOperator::matrix_multiply:
            return names::dunder_rmatmul;
        case BinaryOperator::floor_divide:
            return names::dunder_rfloordiv;
        case BinaryOperator::true_divide:
            return names::dunder_rtruediv;
        case BinaryOperator::modulo:
            return names::dunder_rmod;
        case BinaryOperator::power:
            return names::dunder_rpow;
        case BinaryOperator::divmod:
            return names::dunder_rdivmod;
        default:
            return names::null_name;
    }
}

}  // namespace

Result<Value> instance_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                        Value right, bool reflected) {
    Value self = reflected ? right : left;
    Value other = reflected ? left : right;
    std::uint32_t name = reflected ? reflected_name(operation) : binary_operator_name(operation);
    const Type* type = type_of(self);
    if (name != names::null_name) {
        ClassLookup found = lookup_in_type(type, name);
        if (!found.value.is_empty() && found.owner->is_user_class()) {
            Value result = call_found(runtime, found.value, self, {&other, 1});
            if (result.is_empty() || operation != BinaryOperator::not_equal ||
                !result.is_not_implemented()) {
                return result;
            }
        }
    }
    if (operation == BinaryOperator::not_equal) {
        // Without __ne__, != is the negation of ==.
        ClassLookup found = lookup_in_type(type, names::dunder_eq);
        if (!found.value.is_empty() && found.owner->is_user_class()) {
            Value result = call_found(runtime, found.value, self, {&other, 1});
            if (result.is_empty() || result.is_not_implemented()) {
                return result;
            }
            int truth_value = truth(runtime, result);
            if (truth_value < 0) {
                return Value::empty();
            }
            return Value::boolean(truth_value == 0);
        }
    }
    Value native = native_self(self);
    if (native != self) {
        const Type* native_type = type_of(native);
        if (native_type->slots.binary_operation == nullptr) {
            return Value::not_implemented();
        }
        // The other operand may be an instance of a subclass of a built-in type too (m + m).
        other = native_self(other);
        return reflected ? native_type->slots.binary_operation(runtime, operation, other, native)
                         : native_type->slots.binary_operation(runtime, operation, native, other);
    }
    return Value::not_implemented();
}

Status instance_print(Runtime& runtime, Value object, Printer& printer, PrintKind kind) {
    const Type* type = type_of(object);
    std::uint32_t name = kind == PrintKind::str ? names::dunder_str : names::dunder_repr;
    ClassLookup found = lookup_in_type(type, name);
    if ((found.value.is_empty() || !found.owner->is_user_class()) && kind == PrintKind::str) {
        found = lookup_in_type(type, names::dunder_repr);
        if (!found.value.is_empty() && !found.owner->is_user_class()) {
            found = lookup_in_type(type, name);
        }
    }
    if (!found.value.is_empty() && found.owner->is_user_class()) {
        Value result = call_found(runtime, found.value, object, {});
        if (result.is_empty()) {
            return Raised{};
        }
        if (!is_str(result)) {
            runtime.raise_joined(&type_error_type, {"__str__ returned non-string (type ",
                                                    type_name_of(runtime, result), ")"});
            return Raised{};
        }
        printer.write(str_view(runtime, result));
        return succeeded();
    }
    Value native = native_self(object);
    if (native != object) {
        return print_value(runtime, printer, native, kind);
    }
    if (is_exception_layout(type->native_base)) {
        return type->native_base->slots.print(runtime, object, printer, kind);
    }
    printer.write("<");
    printer.write(type_name(runtime, type));
    printer.write(" object at 0x");
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%llx",
                  static_cast<unsigned long long>(object.bits() & 0xFFFFFFFFFFFFULL));
    printer.write(buffer);
    printer.write(">");
    return succeeded();
}

}  // namespace xipy::object
