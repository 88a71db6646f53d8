// set and frozenset: hash tables of keys, sharing the dict's storage layout.
#pragma once

#include "object/dict_object.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type set_type;
extern const Type frozenset_type;
extern const Type set_iterator_type;

// A set is a DictObject whose values are all None.
bool is_set_or_frozenset(Value value);
Result<Value> make_set(Runtime& runtime, const Type* type);
Status set_add(Runtime& runtime, Value set, Value item);
Result<Value> set_from_iterable(Runtime& runtime, const Type* type, Value iterable);

}  // namespace xipy::object
