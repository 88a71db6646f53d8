// The time module: the host's clocks (where the host grants them), ticks and date arithmetic.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>
#include <type_traits>
#if XIPY_HOSTED
#include <thread>
#endif

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/tuple_object.hpp"
#include "vm/threads.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

constexpr std::int32_t permission_error_number = 1;

// Per VM: ticks_ms() and friends count from the first import of time, so they start small.
struct TimeState {
    std::chrono::steady_clock::time_point ticks_start;
};
static_assert(std::is_trivially_destructible_v<TimeState>);

bool initialise_time(object::Runtime&, Value, void* state) {
    new (state) TimeState{std::chrono::steady_clock::now()};
    return true;
}

// MicroPython's ticks wrap at its small-int range on 32-bit ports: 2**30.
constexpr std::int64_t ticks_period = std::int64_t{1} << 30;

bool clock_granted(object::Runtime& runtime) {
    if (vm::host_services(runtime).clock) {
        return true;
    }
    object::raise_os_error(runtime, permission_error_number);
    return false;
}

std::int64_t nanoseconds_since_epoch() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

object::Result<Value> time_time(object::Runtime& runtime, Arguments) {
    if (!clock_granted(runtime)) {
        return Value::empty();
    }
    return make_float(runtime, static_cast<double>(nanoseconds_since_epoch()) / 1e9);
}

object::Result<Value> time_time_ns(object::Runtime& runtime, Arguments) {
    if (!clock_granted(runtime)) {
        return Value::empty();
    }
    return object::make_int(runtime, nanoseconds_since_epoch());
}

template <std::int64_t UnitsPerSecond>
object::Result<Value> time_ticks(object::Runtime& runtime, Arguments) {
    if (!clock_granted(runtime)) {
        return Value::empty();
    }
    auto elapsed = std::chrono::steady_clock::now() -
                   vm::module_state<TimeState>(runtime, time_module).ticks_start;
    std::int64_t nanoseconds =
        std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
    std::int64_t ticks = nanoseconds / (1000000000 / UnitsPerSecond);
    return Value::from_small_int(ticks & (ticks_period - 1));
}

// Sleeps `seconds` (already checked to be a number); negative means no sleep.
object::Result<Value> sleep_for(object::Runtime& runtime, double seconds) {
    if (!clock_granted(runtime)) {
        return Value::empty();
    }
    if (seconds <= 0) {
        // sleep(0) still lets the program's other threads run, as on the reference.
        return vm::sleep_released(runtime, std::chrono::nanoseconds(0)) ? Value::none()
                                                                        : Value::empty();
    }
    if (seconds > 0) {
#if XIPY_HOSTED
        // Ctrl-C ends a long sleep as on the reference (the REPL's "KeyboardInterrupt" during
        // time.sleep()); the VM's other threads run meanwhile.
        if (!vm::sleep_released(runtime,
                                std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    // At most 30 years: nanoseconds would overflow.
                                    std::chrono::duration<double>(std::min(seconds, 1e9)))) ||
            !runtime.charge_native_work(0)) {
            return Value::empty();
        }
#else
        // No threads to yield to on bare metal: wait on the clock.
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(seconds));
        while (std::chrono::steady_clock::now() < deadline) {
        }
#endif
    }
    return Value::none();
}

object::Result<Value> time_sleep(object::Runtime& runtime, Arguments arguments) {
    auto seconds = object::to_double(runtime, arguments[0]);
    return seconds ? sleep_for(runtime, *seconds) : object::Raised{};
}

template <std::int64_t UnitsPerSecond>
object::Result<Value> time_sleep_units(object::Runtime& runtime, Arguments arguments) {
    auto units = object::to_integer(runtime, arguments[0]);
    if (!units) {
        return Value::empty();
    }
    return sleep_for(runtime, static_cast<double>(*units) / static_cast<double>(UnitsPerSecond));
}

std::optional<std::int64_t> tick_argument(object::Runtime& runtime, Value value) {
    return object::to_integer(runtime, value);
}

object::Result<Value> time_ticks_add(object::Runtime& runtime, Arguments arguments) {
    auto ticks = tick_argument(runtime, arguments[0]);
    auto delta = ticks ? tick_argument(runtime, arguments[1]) : std::nullopt;
    if (!delta) {
        return Value::empty();
    }
    // A delta ticks_diff could not give back (|delta| >= half the period) is refused, so
    // ticks_diff(ticks_add(t, d), t) == d always holds.
    if (*delta <= -(ticks_period / 2) || *delta >= ticks_period / 2) {
        return runtime.raise_new(&object::overflow_error_type, "ticks interval overflow");
    }
    return Value::from_small_int((*ticks + *delta) & (ticks_period - 1));
}

// The signed distance from `start` to `end` on the ticks circle.
object::Result<Value> time_ticks_diff(object::Runtime& runtime, Arguments arguments) {
    auto end = tick_argument(runtime, arguments[0]);
    auto start = end ? tick_argument(runtime, arguments[1]) : std::nullopt;
    if (!start) {
        return Value::empty();
    }
    std::int64_t half = ticks_period / 2;
    std::int64_t difference = ((*end - *start + half) & (ticks_period - 1)) - half;
    return Value::from_small_int(difference);
}

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
    year -= month <= 2 ? 1 : 0;
    std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    std::int64_t year_of_era = year - era * 400;
    std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// (year, month, mday, hour, minute, second, weekday (Monday 0), yearday (from 1)).
object::Result<Value> broken_down_time(object::Runtime& runtime, std::int64_t seconds) {
    std::int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    std::int64_t second_of_day = seconds - days * 86400;
    std::int64_t shifted = days + 719468;
    std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    std::int64_t day_of_era = shifted - era * 146097;
    std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    std::int64_t month_index = (5 * day_of_year + 2) / 153;
    std::int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
    std::int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
    std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    std::int64_t weekday = ((days % 7) + 7 + 3) % 7;
    std::int64_t yearday = days - days_from_civil(year, 1, 1) + 1;
    Value parts[8] = {
        object::make_int(runtime, year),
        Value::from_small_int(month),
        Value::from_small_int(day),
        Value::from_small_int(second_of_day / 3600),
        Value::from_small_int(second_of_day / 60 % 60),
        Value::from_small_int(second_of_day % 60),
        Value::from_small_int(weekday),
        Value::from_small_int(yearday),
    };
    return object::new_tuple(runtime, parts);
}

object::Result<Value> time_gmtime(object::Runtime& runtime, Arguments arguments) {
    std::int64_t seconds = 0;
    if (arguments.positional_count == 0 || arguments[0].is_none()) {
        if (!clock_granted(runtime)) {
            return Value::empty();
        }
        seconds = nanoseconds_since_epoch() / 1000000000;
    } else {
        auto given = object::to_double(runtime, arguments[0]);
        if (!given) {
            return Value::empty();
        }
        seconds = static_cast<std::int64_t>(std::trunc(*given));
    }
    return broken_down_time(runtime, seconds);
}

// The inverse of gmtime; out-of-range months and days roll over into the next ones.
object::Result<Value> time_mktime(object::Runtime& runtime, Arguments arguments) {
    Value tuple = arguments[0];
    if (!object::is_tuple(tuple) && !object::is_list(tuple)) {
        return runtime.raise_new(&object::type_error_type, "mktime needs a tuple of length 8 or 9");
    }
    auto length = object::length_of(runtime, tuple);
    if (!length) {
        return Value::empty();
    }
    if (*length != 8 && *length != 9) {
        return runtime.raise_new(&object::type_error_type, "mktime needs a tuple of length 8 or 9");
    }
    std::int64_t fields[6];
    for (std::int64_t index = 0; index < 6; ++index) {
        Value item = object::load_subscript(runtime, tuple, Value::from_small_int(index));
        auto field = item.is_empty() ? std::nullopt : object::to_integer(runtime, item);
        if (!field) {
            return Value::empty();
        }
        fields[index] = *field;
    }
    std::int64_t month_index = fields[1] - 1;
    std::int64_t year = fields[0] + (month_index >= 0 ? month_index / 12 : (month_index - 11) / 12);
    month_index -= (year - fields[0]) * 12;
    std::int64_t days = days_from_civil(year, month_index + 1, 1) + fields[2] - 1;
    return object::make_int(runtime, days * 86400 + fields[3] * 3600 + fields[4] * 60 + fields[5]);
}

constexpr NativeFunction time_functions[] = {
    {names::time, NativeKind::function, 0, 0, time_time},
    {names::time_ns, NativeKind::function, 0, 0, time_time_ns},
    {names::sleep, NativeKind::function, 1, 1, time_sleep},
    {names::sleep_ms, NativeKind::function, 1, 1, time_sleep_units<1000>},
    {names::sleep_us, NativeKind::function, 1, 1, time_sleep_units<1000000>},
    {names::ticks_ms, NativeKind::function, 0, 0, time_ticks<1000>},
    {names::ticks_us, NativeKind::function, 0, 0, time_ticks<1000000>},
    {names::ticks_cpu, NativeKind::function, 0, 0, time_ticks<1000000>},
    {names::ticks_add, NativeKind::function, 2, 2, time_ticks_add},
    {names::ticks_diff, NativeKind::function, 2, 2, time_ticks_diff},
    {names::localtime, NativeKind::function, 0, 1, time_gmtime},
    {names::gmtime, NativeKind::function, 0, 1, time_gmtime},
    {names::mktime, NativeKind::function, 1, 1, time_mktime},
};

}  // namespace

constinit const vm::ModuleDefinition time_module{.name = names::time,
                                                 .functions = time_functions,
                                                 .initialise = initialise_time,
                                                 .state_size = sizeof(TimeState),
                                                 .extensible = true,
                                                 .u_alias = true};

}  // namespace xipy::modules
