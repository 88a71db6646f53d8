// The test for the loop's fast call path, shared by the loop and the general call path.
#pragma once

#include <cstdint>

#include "object/native_function.hpp"
#include "object/tuple_object.hpp"
#include "object/value.hpp"
#include "vm/function_object.hpp"

namespace xipy::vm {

// True if a call with `given` positional arguments and no keywords binds to `function` by
// copying them into its first locals (Interpreter::push_direct_frame): it is no generator, has
// no *args, **kwargs or keyword-only parameters, and its positional parameters are exactly
// its closure's cells plus `given`, so no default applies and no count error is possible.
inline bool binds_directly(const FunctionObject* function, std::uint32_t given) {
    const image::Prelude& prelude = function->code->prelude;
    constexpr std::uint32_t general_flags =
        image::format::scope_flag_generator | image::format::scope_flag_varargs |
        image::format::scope_flag_varkeywords | image::format::scope_flag_default_keyword_arguments;
    if ((prelude.scope_flags & general_flags) != 0 || prelude.n_kwonly_args != 0) {
        return false;
    }
    return given + function->cell_count == prelude.n_pos_args;
}

// A call the loop makes by push_direct_frame(): `function` gets `first` (a bound method's self,
// when not empty) and then values[0, count) as its first locals.
struct DirectCall {
    object::Value function;
    object::Value first;
    const object::Value* values = nullptr;
    std::uint32_t count = 0;
};

// The common call: CALL_FUNCTION or CALL_METHOD (is_method) with `positional` arguments and no
// keywords, whose callable at `slot` is a Python function (or a bound method of one) that
// binds_directly(). True with `call` filled in; false for every other call, which takes the
// general path (Interpreter::call_from_stack), so binding errors are raised only there.
inline bool find_direct_call(const object::Value* slot, std::uint32_t positional, bool is_method,
                             DirectCall& call) {
    object::Value callable = slot[0];
    const object::Value* values = slot + 1;
    std::uint32_t count = positional;
    if (is_method) {
        // LOAD_METHOD left the self slot empty for a plain function, else self is an argument.
        if (slot[1].is_empty()) {
            ++values;
        } else {
            ++count;
        }
    }
    object::Value first;
    if (callable.is_object() && callable.as_object()->type() == &object::bound_method_type) {
        auto* bound = static_cast<object::BoundMethodObject*>(callable.as_object());
        first = bound->self;
        callable = bound->function;
    }
    if (!is_function(callable) ||
        !binds_directly(as_function(callable), count + (first.is_empty() ? 0 : 1))) {
        return false;
    }
    call = DirectCall{callable, first, values, count};
    return true;
}

}  // namespace xipy::vm
