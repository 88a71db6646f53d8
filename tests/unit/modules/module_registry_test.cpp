// Checks the module registry as a host will use it: a module of its own, declared as constant data.
#include "compiler/compile.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/dict_object.hpp"
#include "vm/module_definition.hpp"
#include "vm/vm.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <new>
#include <span>
#include <string>

namespace xipy::modules {
namespace {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

// Compiled by tests/reference/mpy-cross.js from:
//   import value
//   value.add()
//   value.add()
//   print(value.add(), value.count)
//   import value as again
//   print(again is value)
constexpr std::uint8_t program_mpy[] = {
    0x4d, 0x06, 0x00, 0x1f, 0x07, 0x00, 0x26, 0x72, 0x65, 0x67, 0x69, 0x73, 0x74, 0x72, 0x79, 0x5f,
    0x70, 0x72, 0x6f, 0x67, 0x72, 0x61, 0x6d, 0x2e, 0x70, 0x79, 0x00, 0x0f, 0x82, 0x45, 0x06, 0x61,
    0x64, 0x64, 0x00, 0x81, 0x15, 0x81, 0x77, 0x0a, 0x61, 0x67, 0x61, 0x69, 0x6e, 0x00, 0x83, 0x68,
    0x10, 0x0c, 0x01, 0x26, 0x27, 0x27, 0x2f, 0x26, 0x80, 0x51, 0x1b, 0x02, 0x16, 0x02, 0x11, 0x02,
    0x14, 0x03, 0x36, 0x00, 0x59, 0x11, 0x02, 0x14, 0x03, 0x36, 0x00, 0x59, 0x11, 0x05, 0x11, 0x02,
    0x14, 0x03, 0x36, 0x00, 0x11, 0x02, 0x13, 0x04, 0x34, 0x02, 0x59, 0x80, 0x51, 0x1b, 0x02, 0x16,
    0x06, 0x11, 0x05, 0x11, 0x06, 0x11, 0x02, 0xde, 0x34, 0x01, 0x59, 0x51, 0x63,
};

// A module named "value" as a host would write it: add() counts calls in per-VM state, and
// the initialise hook stores count = 7.
struct Counter {
    std::int64_t calls = 0;
};

extern const vm::ModuleDefinition value_module;

object::Result<Value> value_add(object::Runtime& runtime, Arguments) {
    Counter& counter = vm::module_state<Counter>(runtime, value_module);
    return Value::from_small_int(++counter.calls);
}

constexpr NativeFunction value_functions[] = {
    {names::add, NativeKind::function, 0, 0, value_add},
};

bool initialise_value(object::Runtime& runtime, Value globals, void* state) {
    new (state) Counter();
    return object::dict_store_name(runtime, object::as_dict(globals), names::count,
                                   Value::from_small_int(7))
        .ok();
}

constinit const vm::ModuleDefinition value_module{
    names::value, value_functions, {}, initialise_value, sizeof(Counter)};

constexpr const vm::ModuleDefinition* test_definitions[] = {&value_module};

void append(void* context, const char* data, std::size_t length) {
    static_cast<std::string*>(context)->append(data, length);
}

std::string run(bool collect_on_every_allocation) {
    vm::VmConfig config;
    config.modules = vm::ModuleRegistry{
        &builtins_module, test_definitions, standard_modules().names, nullptr, {}};
    std::string output;
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    config.collect_on_every_allocation = collect_on_every_allocation;
    vm::Vm machine(config);
    EXPECT_EQ(machine.run_image(program_mpy), vm::RunStatus::ok) << machine.traceback_text();
    return output;
}

TEST(ModuleRegistryTest, HostModuleGetsItsMembersAndStateOncePerVm) {
    // Each VM builds its own instance, so the second run counts from zero again.
    EXPECT_EQ(run(false), "3 7\nTrue\n");
    EXPECT_EQ(run(false), "3 7\nTrue\n");
}

TEST(ModuleRegistryTest, StateSurvivesCollections) { EXPECT_EQ(run(true), "3 7\nTrue\n"); }

// A registry without a compiler (as a build with XIPY_COMPILER off gives every VM): source to
// run raises NotImplementedError, whichever builtin is asked, and .mpy code runs on.
TEST(ModuleRegistryTest, WithoutCompilerSourceRaisesNotImplementedError) {
    compiler::CompileResult program = compiler::compile_source(
        "for name, action in (('exec', lambda: exec('1')), ('eval', lambda: eval('1')),\n"
        "                     ('compile', lambda: compile('1', 'f', 'exec'))):\n"
        "    try:\n"
        "        action()\n"
        "    except NotImplementedError as error:\n"
        "        print(name, error)\n",
        "no_compiler.py");
    ASSERT_TRUE(program.ok());
    vm::VmConfig config;
    vm::ModuleRegistry registry = standard_modules();
    registry.compiler = nullptr;
    config.modules = registry;
    std::string output;
    config.write_stdout = append;
    config.write_stderr = append;
    config.output_context = &output;
    vm::Vm machine(config);
    EXPECT_EQ(machine.run_image(program.image()), vm::RunStatus::ok) << machine.traceback_text();
    const std::string message(vm::no_compiler_message);
    EXPECT_EQ(output, "exec " + message + "\neval " + message + "\ncompile " + message + "\n");
}

TEST(ModuleRegistryTest, StandardModulesAreFoundByName) {
    std::span<const vm::ModuleDefinition* const> definitions = standard_modules().modules;
    bool found_sys = false;
    for (const vm::ModuleDefinition* definition : definitions) {
        found_sys = found_sys || definition->name == names::sys;
    }
    EXPECT_TRUE(found_sys);
    EXPECT_EQ(standard_modules().builtins, &builtins_module);
    EXPECT_EQ(
        standard_modules().names.texts.size(),
        std::size_t{names::end_of_module_names} - std::size_t{object::names::fixed_name_count});
}

}  // namespace
}  // namespace xipy::modules
