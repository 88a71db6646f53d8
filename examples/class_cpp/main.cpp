// A C++ host that binds a C++ class (methods and properties) with xipy.hpp's templates and calls
// a Python function from C++.
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "thermostat_mpy.h"
#include "xipy/xipy.hpp"

namespace {

// An ordinary C++ class that knows nothing of Python.
class Thermostat {
  public:
    Thermostat(std::string name, double target) : name_(std::move(name)), target_(target) {}

    std::string name() const { return name_; }
    double target() const { return target_; }
    // Raises ValueError (through Call) for a target outside 5..30 degrees.
    void set_target(xipy::Call& call, double target) {
        if (target < 5 || target > 30) {
            call.raise("ValueError", "target out of range");
            return;
        }
        target_ = target;
    }
    void raise_by(double step) { target_ += step; }
    bool heating(double measured) const { return measured < target_; }

  private:
    std::string name_;
    double target_;
};

const xipy_function_def thermostat_methods[] = {
    {"__init__", xipy::constructor<Thermostat, std::string, double>},
    {"raise_by", xipy::method<&Thermostat::raise_by>},
    {"heating", xipy::method<&Thermostat::heating>},
};
const xipy_property_def thermostat_properties[] = {
    {"name", xipy::getter<&Thermostat::name>, nullptr},
    {"target", xipy::getter<&Thermostat::target>, xipy::setter<&Thermostat::set_target>},
};
const xipy_class_def home_classes[] = {
    {"Thermostat", thermostat_methods, 3, thermostat_properties, 2},
};
const xipy_module_def home_module = {"home", nullptr, 0, home_classes, 1, nullptr, 0};

}  // namespace

int main() {
    xipy::VmOptions options;
    options.modules = {&home_module};
    options.heap_limit_bytes = 512 * 1024;
    xipy::Vm vm(std::move(options));
    const std::span<const std::uint8_t> image(thermostat_mpy, thermostat_mpy_length);
    const xipy::RunResult result = vm.run(image);
    if (!result.ok()) {
        std::fprintf(stderr, "%s", result.exit_report.c_str());
        return 1;
    }
    // Call the Python schedule from C++ for a few hours of the day.
    xipy::Scope scope(vm.handle());
    auto schedule = vm.global("schedule");
    if (!schedule) {
        return 1;
    }
    for (int hour : {3, 12}) {
        auto target = schedule->call({vm.make(hour)});
        if (!target) {
            std::fprintf(stderr, "%s", vm.exception().traceback.c_str());
            return 1;
        }
        std::printf("schedule(%d) = %.1f\n", hour, target->to_float().value_or(0));
    }
    return 0;
}
