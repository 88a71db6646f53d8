// The random module: extmod/modrandom.c's functions over the VM's Yasmarang generator.
#include <chrono>
#include <cstdint>
#include <limits>
#include <new>
#include <type_traits>

#include "library/yasmarang.hpp"

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// One generator per VM, in the module's state, so VMs do not share a sequence.
static_assert(std::is_trivially_destructible_v<library::Yasmarang>);

library::Yasmarang& generator(object::Runtime& runtime) {
    return vm::module_state<library::Yasmarang>(runtime, random_module);
}

bool initialise_random(object::Runtime&, Value, void* state) {
    new (state) library::Yasmarang();
    return true;
}

// The reference converts these arguments to its 32-bit machine word, so larger ones are an
// OverflowError there; the range arithmetic below relies on that bound too.
std::optional<std::int64_t> word_argument(object::Runtime& runtime, Value value) {
    auto result = object::to_integer(runtime, value);
    if (result && (*result < std::numeric_limits<std::int32_t>::min() ||
                   *result > std::numeric_limits<std::int32_t>::max())) {
        runtime.raise_new(&object::overflow_error_type,
                          "overflow converting long int to machine word");
        return std::nullopt;
    }
    return result;
}

// MicroPython raises a bare ValueError (no message) for every empty range.
object::Raised empty_range(object::Runtime& runtime) {
    return runtime.raise_type(&object::value_error_type);
}

object::Result<Value> random_getrandbits(object::Runtime& runtime, Arguments arguments) {
    auto bits = object::to_integer(runtime, arguments[0]);
    if (!bits) {
        return Value::empty();
    }
    if (*bits < 0 || *bits > 32) {
        return runtime.raise_new(&object::value_error_type, "bits must be 32 or less");
    }
    return object::make_int(runtime,
                            std::int64_t{generator(runtime).random_bits(static_cast<int>(*bits))});
}

object::Result<Value> random_seed(object::Runtime& runtime, Arguments arguments) {
    std::uint32_t seed = 0;
    if (arguments.positional_count == 0 || arguments[0].is_none()) {
        // No seed: the reference asks the host for entropy; the clock is ours.
        auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
        seed = static_cast<std::uint32_t>(ticks) ^ static_cast<std::uint32_t>(ticks >> 32) ^
               generator(runtime).next();
    } else {
        if (!object::is_int(arguments[0])) {
            return runtime.raise_joined(
                &object::type_error_type,
                {"can't convert ", object::type_name_of(runtime, arguments[0]), " to int"});
        }
        // mp_obj_get_int_truncated: the low 32 bits of any int.
        number::BigInteger low =
            object::to_big_integer(arguments[0]) & number::BigInteger::from_uint64(0xffffffffu);
        seed = static_cast<std::uint32_t>(low.to_int64());
    }
    generator(runtime).seed(seed);
    return Value::none();
}

object::Result<Value> random_randrange(object::Runtime& runtime, Arguments arguments) {
    auto start = word_argument(runtime, arguments[0]);
    if (!start) {
        return Value::empty();
    }
    if (arguments.positional_count == 1) {
        if (*start <= 0) {
            return empty_range(runtime);
        }
        return object::make_int(
            runtime, std::int64_t{generator(runtime).below(static_cast<std::uint32_t>(*start))});
    }
    auto stop = word_argument(runtime, arguments[1]);
    if (!stop) {
        return Value::empty();
    }
    std::int64_t step = 1;
    if (arguments.positional_count == 3) {
        auto given = word_argument(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        step = *given;
    }
    if (step == 0) {
        return empty_range(runtime);
    }
    std::int64_t count =
        step > 0 ? (*stop - *start + step - 1) / step : (*stop - *start + step + 1) / step;
    if (count <= 0) {
        return empty_range(runtime);
    }
    std::uint32_t pick = generator(runtime).below(static_cast<std::uint32_t>(count));
    return object::make_int(runtime, *start + step * std::int64_t{pick});
}

object::Result<Value> random_randint(object::Runtime& runtime, Arguments arguments) {
    auto low = word_argument(runtime, arguments[0]);
    if (!low) {
        return Value::empty();
    }
    auto high = word_argument(runtime, arguments[1]);
    if (!high) {
        return Value::empty();
    }
    if (*low > *high) {
        return empty_range(runtime);
    }
    std::uint32_t pick = generator(runtime).below(static_cast<std::uint32_t>(*high - *low + 1));
    return object::make_int(runtime, *low + std::int64_t{pick});
}

object::Result<Value> random_choice(object::Runtime& runtime, Arguments arguments) {
    auto length = object::length_of(runtime, arguments[0]);
    if (!length) {
        return Value::empty();
    }
    if (*length <= 0) {
        return runtime.raise_type(&object::index_error_type);
    }
    std::uint32_t pick = generator(runtime).below(static_cast<std::uint32_t>(*length));
    return object::load_subscript(runtime, arguments[0], Value::from_small_int(pick));
}

object::Result<Value> random_random(object::Runtime& runtime, Arguments) {
    return make_float(runtime, generator(runtime).random_float());
}

object::Result<Value> random_uniform(object::Runtime& runtime, Arguments arguments) {
    auto low = object::to_double(runtime, arguments[0]);
    if (!low) {
        return Value::empty();
    }
    auto high = object::to_double(runtime, arguments[1]);
    if (!high) {
        return Value::empty();
    }
    return make_float(runtime, generator(runtime).uniform(*low, *high));
}

constexpr NativeFunction random_functions[] = {
    {names::getrandbits, NativeKind::function, 1, 1, random_getrandbits},
    {names::seed, NativeKind::function, 0, 1, random_seed},
    {names::randrange, NativeKind::function, 1, 3, random_randrange},
    {names::randint, NativeKind::function, 2, 2, random_randint},
    {names::choice, NativeKind::function, 1, 1, random_choice},
    {names::random, NativeKind::function, 0, 0, random_random},
    {names::uniform, NativeKind::function, 2, 2, random_uniform},
};

}  // namespace

constinit const vm::ModuleDefinition random_module{.name = names::random,
                                                   .functions = random_functions,
                                                   .initialise = initialise_random,
                                                   .state_size = sizeof(library::Yasmarang),
                                                   .extensible = true,
                                                   .u_alias = true};

}  // namespace xipy::modules
