// The embedding API: handles, conversions, calls both ways, native modules, a VM across runs.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "xipy/xipy.h"
#include "xipy/xipy.hpp"

namespace {

// XIPY_API_MPY_DIR and XIPY_API_EXPECTED_DIR come from tests/api/CMakeLists.txt.
std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << path;
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Images must outlive the VMs that ran them, so each test keeps its own.
std::vector<std::uint8_t> program(const std::string& name) {
    return read_bytes(std::string(XIPY_API_MPY_DIR) + "/" + name + ".mpy");
}

std::string expected(const std::string& name) {
    const auto bytes = read_bytes(std::string(XIPY_API_EXPECTED_DIR) + "/" + name);
    return std::string(bytes.begin(), bytes.end());
}

std::string text_of(xipy_vm* vm, xipy_value value) {
    const char* data = nullptr;
    size_t length = 0;
    EXPECT_EQ(xipy_to_str(vm, value, &data, &length), XIPY_OK);
    return std::string(data, length);
}

// ---- the native module `hostmod` (tests/api/programs/hostmod.py is its Python model)

xipy_status greet(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    static const xipy_parameter parameters[] = {
        {"name", XIPY_PARAMETER_REQUIRED},
        {"punctuation", XIPY_PARAMETER_KEYWORD_ONLY},
    };
    xipy_value values[2];
    if (xipy_parse_arguments(vm, arguments, nullptr, parameters, 2, values) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    const char* name = nullptr;
    size_t name_length = 0;
    if (xipy_to_str(vm, values[0], &name, &name_length) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    std::string text = "hello, " + std::string(name, name_length);
    if (xipy_is_null(values[1])) {
        text += "!";
    } else {
        text += text_of(vm, values[1]);
    }
    *result = xipy_str(vm, text.data(), text.size());
    return xipy_is_null(*result) ? XIPY_EXCEPTION : XIPY_OK;
}

xipy_status fails(xipy_vm* vm, const xipy_arguments*, xipy_value*) {
    return xipy_raise(vm, "OSError", "no such pin");
}

xipy_status call_python(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    if (arguments->positional_count != 2) {
        return xipy_raise(vm, "TypeError", "call_python takes 2 arguments");
    }
    return xipy_call(vm, arguments->positional[0], &arguments->positional[1], 1, nullptr,
                     nullptr, 0, result);
}

std::int64_t add_ints(std::int64_t first, std::int64_t second) { return first + second; }

struct Counter {
    explicit Counter(std::int64_t start) : count(start) {}
    std::int64_t value() const { return count; }
    void set_value(std::int64_t next) { count = next; }
    std::int64_t count;
};

// increment(step=1): by hand with the C API, where the typed templates have no defaults.
xipy_status counter_increment(xipy_vm* vm, const xipy_arguments* arguments, xipy_value*) {
    static const xipy_parameter parameters[] = {{"self", XIPY_PARAMETER_REQUIRED},
                                                {"step", 0}};
    xipy_value values[2];
    if (xipy_parse_arguments(vm, arguments, nullptr, parameters, 2, values) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    std::int64_t step = 1;
    if (!xipy_is_null(values[1]) && xipy_to_int64(vm, values[1], &step) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    void* native = nullptr;
    if (xipy_get_native(vm, values[0], &native) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    static_cast<Counter*>(native)->count += step;
    return XIPY_OK;
}

const xipy_function_def hostmod_functions[] = {
    {"greet", greet},
    {"fails", fails},
    {"call_python", call_python},
    {"add_ints", xipy::native<&add_ints>},
};
const xipy_function_def counter_methods[] = {
    {"__init__", xipy::constructor<Counter, std::int64_t>},
    {"increment", counter_increment},
};
const xipy_property_def counter_properties[] = {
    {"value", xipy::getter<&Counter::value>, xipy::setter<&Counter::set_value>},
};
const xipy_class_def hostmod_classes[] = {
    {"Counter", counter_methods, 2, counter_properties, 1},
};
const xipy_constant_def hostmod_constants[] = {
    {"ANSWER", XIPY_CONSTANT_INT, 42, 0, nullptr},
    {"PI", XIPY_CONSTANT_FLOAT, 0, 3.5, nullptr},
    {"NAME", XIPY_CONSTANT_STR, 0, 0, "hostmod"},
    {"FLAG", XIPY_CONSTANT_BOOL, 1, 0, nullptr},
    {"NOTHING", XIPY_CONSTANT_NONE, 0, 0, nullptr},
};
const xipy_module_def hostmod = {"hostmod", hostmod_functions, 4, hostmod_classes, 1,
                                 hostmod_constants,  5};

// A C VM writing its output to `output`.
xipy_vm* make_vm(std::string& output, xipy_config config = [] {
    xipy_config defaults;
    xipy_config_init(&defaults);
    return defaults;
}()) {
    config.write_stdout = [](void* context, const char* data, size_t length) {
        static_cast<std::string*>(context)->append(data, length);
    };
    config.write_stderr = config.write_stdout;
    config.output_context = &output;
    xipy_vm* vm = nullptr;
    EXPECT_EQ(xipy_vm_create(&config, &vm), XIPY_OK);
    return vm;
}

TEST(Embedding, ConversionsBothWays) {
    std::string output;
    xipy_vm* vm = make_vm(output);
    xipy_scope scope = xipy_scope_begin(vm);

    EXPECT_EQ(xipy_type_of(vm, xipy_none(vm)), XIPY_TYPE_NONE);
    int truth = 0;
    EXPECT_EQ(xipy_to_bool(vm, xipy_bool(vm, 1), &truth), XIPY_OK);
    EXPECT_EQ(truth, 1);
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(vm, xipy_int(vm, -1234567890123), &integer), XIPY_OK);
    EXPECT_EQ(integer, -1234567890123);
    xipy_value big = xipy_int_from_text(vm, "123456789012345678901234567890", 10);
    EXPECT_EQ(xipy_type_of(vm, big), XIPY_TYPE_INT);
    EXPECT_EQ(xipy_to_int64(vm, big, &integer), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "OverflowError");
    xipy_value big_text{};
    ASSERT_EQ(xipy_str_of(vm, big, &big_text), XIPY_OK);
    EXPECT_EQ(text_of(vm, big_text), "123456789012345678901234567890");
    EXPECT_TRUE(xipy_is_null(xipy_int_from_text(vm, "12x", 10)));
    EXPECT_STREQ(xipy_vm_exception_type(vm), "ValueError");
    double number = 0;
    EXPECT_EQ(xipy_to_double(vm, xipy_float(vm, 2.5), &number), XIPY_OK);
    EXPECT_EQ(number, 2.5);
    EXPECT_EQ(text_of(vm, xipy_str(vm, "h\xc3\xa9llo", 6)), "h\xc3\xa9llo");
    EXPECT_TRUE(xipy_is_null(xipy_str(vm, "\xff", 1)));  // not UTF-8
    const void* bytes = nullptr;
    size_t length = 0;
    xipy_value raw = xipy_bytes(vm, "a\0b", 3);
    ASSERT_EQ(xipy_to_bytes(vm, raw, &bytes, &length), XIPY_OK);
    EXPECT_EQ(length, 3u);
    EXPECT_EQ(std::memcmp(bytes, "a\0b", 3), 0);
    EXPECT_EQ(xipy_to_str(vm, raw, reinterpret_cast<const char**>(&bytes), &length),
              XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_message(vm), "can't convert bytes to str");

    xipy_value items[] = {xipy_int(vm, 1), xipy_str(vm, "two", 3), xipy_none(vm)};
    xipy_value tuple = xipy_tuple(vm, items, 3);
    xipy_value list = xipy_list(vm, items, 2);
    EXPECT_EQ(xipy_type_of(vm, tuple), XIPY_TYPE_TUPLE);
    EXPECT_EQ(xipy_list_append(vm, list, tuple), XIPY_OK);
    size_t size = 0;
    EXPECT_EQ(xipy_length(vm, list, &size), XIPY_OK);
    EXPECT_EQ(size, 3u);
    xipy_value dict = xipy_dict(vm);
    EXPECT_EQ(xipy_set_item(vm, dict, xipy_str(vm, "key", 3), list), XIPY_OK);
    xipy_value repr{};
    ASSERT_EQ(xipy_repr_of(vm, dict, &repr), XIPY_OK);
    EXPECT_EQ(text_of(vm, repr), "{'key': [1, 'two', (1, 'two', None)]}");
    xipy_value item{};
    EXPECT_EQ(xipy_get_item(vm, list, xipy_int(vm, 1), &item), XIPY_OK);
    EXPECT_EQ(text_of(vm, item), "two");
    EXPECT_EQ(xipy_get_item(vm, dict, xipy_str(vm, "missing", 7), &item), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "KeyError");
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(Embedding, GlobalsPersistAcrossRunsAndHostCallsPython) {
    const auto first = program("host_first");
    const auto second = program("host_second");
    std::string output;
    xipy_vm* vm = make_vm(output);
    ASSERT_EQ(xipy_vm_run_mpy(vm, first.data(), first.size()), XIPY_OK) << output;
    ASSERT_EQ(xipy_vm_run_mpy(vm, second.data(), second.size()), XIPY_OK) << output;
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value total{};
    ASSERT_EQ(xipy_get_global(vm, "total", &total), XIPY_OK);
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(vm, total, &integer), XIPY_OK);
    EXPECT_EQ(integer, 3);  // counter became 2 in the second image; add(2, 1)

    // add(1, 2, scale=3)
    xipy_value add{};
    ASSERT_EQ(xipy_get_global(vm, "add", &add), XIPY_OK);
    xipy_value positional[] = {xipy_int(vm, 1), xipy_int(vm, 2)};
    const char* names[] = {"scale"};
    xipy_value keywords[] = {xipy_int(vm, 3)};
    xipy_value result{};
    ASSERT_EQ(xipy_call(vm, add, positional, 2, names, keywords, 1, &result), XIPY_OK);
    EXPECT_EQ(xipy_to_int64(vm, result, &integer), XIPY_OK);
    EXPECT_EQ(integer, 9);
    const char* wrong[] = {"scales"};
    EXPECT_EQ(xipy_call(vm, add, positional, 2, wrong, keywords, 1, &result), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_message(vm), "unexpected keyword argument 'scales'");

    // A Python exception comes back with its type, message and traceback.
    xipy_value fail{};
    ASSERT_EQ(xipy_get_global(vm, "fail", &fail), XIPY_OK);
    xipy_value message = xipy_str(vm, "bad value", 9);
    EXPECT_EQ(xipy_call(vm, fail, &message, 1, nullptr, nullptr, 0, &result), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "ValueError");
    EXPECT_STREQ(xipy_vm_exception_message(vm), "bad value");
    EXPECT_NE(std::string(xipy_vm_traceback(vm)).find("host_first.py"), std::string::npos)
        << xipy_vm_traceback(vm);
    xipy_value exception = xipy_exception(vm);
    EXPECT_EQ(xipy_type_of(vm, exception), XIPY_TYPE_OTHER);
    xipy_clear_exception(vm);
    EXPECT_TRUE(xipy_is_null(xipy_exception(vm)));

    // The host sets a global the next run reads, and a missing one is a NameError.
    EXPECT_EQ(xipy_set_global(vm, "counter", xipy_int(vm, 40)), XIPY_OK);
    ASSERT_EQ(xipy_vm_run_mpy(vm, second.data(), second.size()), XIPY_OK) << output;
    ASSERT_EQ(xipy_get_global(vm, "total", &total), XIPY_OK);
    EXPECT_EQ(xipy_to_int64(vm, total, &integer), XIPY_OK);
    EXPECT_EQ(integer, 42);
    EXPECT_EQ(xipy_get_global(vm, "nothing_here", &result), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_message(vm), "name 'nothing_here' isn't defined");

    // Attributes of a module from the host's import.
    xipy_value math{};
    ASSERT_EQ(xipy_import(vm, "math", &math), XIPY_OK);
    xipy_value pi{};
    ASSERT_EQ(xipy_get_attribute(vm, math, "pi", &pi), XIPY_OK);
    double number = 0;
    EXPECT_EQ(xipy_to_double(vm, pi, &number), XIPY_OK);
    EXPECT_NEAR(number, 3.14159, 1e-5);
    EXPECT_EQ(xipy_import(vm, "no_such_module", &result), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "ImportError");
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(Embedding, ImageRunAsAModuleIsImportableAndWritable) {
    const auto first = program("host_first");
    const auto second = program("host_second");
    std::string output;
    xipy_vm* vm = make_vm(output);
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value module{};
    ASSERT_EQ(xipy_vm_run_module_image(vm, "helpers", first.data(), first.size(), &module), XIPY_OK);
    xipy_value imported{};
    ASSERT_EQ(xipy_import(vm, "helpers", &imported), XIPY_OK);
    EXPECT_EQ(xipy_set_attribute(vm, imported, "counter", xipy_int(vm, 7)), XIPY_OK);
    xipy_value counter{};
    ASSERT_EQ(xipy_get_attribute(vm, module, "counter", &counter), XIPY_OK);
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(vm, counter, &integer), XIPY_OK);
    EXPECT_EQ(integer, 7);
    // __main__ is untouched: the second image fails on `counter`.
    EXPECT_EQ(xipy_vm_run_mpy(vm, second.data(), second.size()), XIPY_EXCEPTION);
    EXPECT_STREQ(xipy_vm_exception_type(vm), "NameError");
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(Embedding, NativeModuleRegisteredOnTheConfig) {
    const auto image = program("host_native");
    std::string output;
    xipy_config config;
    xipy_config_init(&config);
    const xipy_module_def* modules[] = {&hostmod};
    config.modules = modules;
    config.module_count = 1;
    xipy_vm* vm = make_vm(output, config);
    EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_OK) << output;
    EXPECT_EQ(output, expected("host_native.exp"));
    xipy_vm_destroy(vm);
}

TEST(Embedding, NativeModuleAddedToAVmAndItsRootsSurviveCollections) {
    const auto image = program("host_native");
    std::string output;
    xipy_config config;
    xipy_config_init(&config);
    config.collect_on_every_allocation = 1;
    xipy_vm* vm = make_vm(output, config);
    ASSERT_EQ(xipy_vm_add_module(vm, &hostmod), XIPY_OK);
    EXPECT_EQ(xipy_vm_add_module(vm, nullptr), XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_vm_run_mpy(vm, image.data(), image.size()), XIPY_OK) << output;
    EXPECT_EQ(output, expected("host_native.exp"));
    xipy_vm_destroy(vm);
}

TEST(Embedding, HandlesStayValidAcrossCollections) {
    const auto first = program("host_first");
    std::string output;
    xipy_config config;
    xipy_config_init(&config);
    config.collect_on_every_allocation = 1;
    xipy_vm* vm = make_vm(output, config);
    ASSERT_EQ(xipy_vm_run_mpy(vm, first.data(), first.size()), XIPY_OK) << output;
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value held = xipy_str(vm, "held across collections", 23);
    xipy_value list = xipy_list(vm, nullptr, 0);
    xipy_value make_garbage{};
    ASSERT_EQ(xipy_get_global(vm, "make_garbage", &make_garbage), XIPY_OK);
    xipy_value pinned{};
    for (int round = 0; round < 20; ++round) {
        xipy_scope inner = xipy_scope_begin(vm);
        xipy_value count = xipy_int(vm, 50);
        xipy_value garbage{};
        ASSERT_EQ(xipy_call(vm, make_garbage, &count, 1, nullptr, nullptr, 0, &garbage), XIPY_OK);
        ASSERT_EQ(xipy_list_append(vm, list, garbage), XIPY_OK);
        if (round == 5) {
            pinned = xipy_pin(vm, garbage);
        }
        xipy_scope_end(vm, inner);
    }
    EXPECT_EQ(text_of(vm, held), "held across collections");
    size_t size = 0;
    EXPECT_EQ(xipy_length(vm, list, &size), XIPY_OK);
    EXPECT_EQ(size, 20u);
    xipy_scope_end(vm, scope);

    // The pinned list outlives every scope; its items are intact.
    scope = xipy_scope_begin(vm);
    xipy_value item{};
    ASSERT_EQ(xipy_get_item(vm, pinned, xipy_int(vm, 49), &item), XIPY_OK);
    EXPECT_EQ(text_of(vm, item), "494949");
    xipy_unpin(vm, pinned);
    EXPECT_EQ(xipy_type_of(vm, pinned), XIPY_TYPE_INVALID);
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(Embedding, MisusedHandlesAreCaught) {
    std::string output;
    xipy_vm* vm = make_vm(output);
    // No scope: nothing can be made.
    EXPECT_TRUE(xipy_is_null(xipy_int(vm, 1)));
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value value = xipy_int(vm, 1);
    xipy_scope_end(vm, scope);
    // Dangling: its scope ended, and a new handle in the same slot has another serial.
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(vm, value, &integer), XIPY_INVALID_ARGUMENT);
    scope = xipy_scope_begin(vm);
    xipy_value reused = xipy_int(vm, 2);
    EXPECT_EQ(reused.slot, value.slot);
    EXPECT_EQ(xipy_to_int64(vm, value, &integer), XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_to_int64(vm, reused, &integer), XIPY_OK);
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(Embedding, HandleOfAnotherVmIsRefused) {
    std::string output;
    xipy_vm* first = make_vm(output);
    xipy_vm* second = make_vm(output);
    xipy_scope first_scope = xipy_scope_begin(first);
    xipy_scope second_scope = xipy_scope_begin(second);
    xipy_value value = xipy_int(first, 5);
    xipy_int(second, 6);
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(second, value, &integer), XIPY_INVALID_ARGUMENT);
    EXPECT_EQ(xipy_to_int64(first, value, &integer), XIPY_OK);
    xipy_scope_end(second, second_scope);
    xipy_scope_end(first, first_scope);
    xipy_vm_destroy(second);
    xipy_vm_destroy(first);
}

TEST(Embedding, NativeCodeMayNotNestARun) {
    static std::vector<std::uint8_t> image = program("host_second");
    static const xipy_function_def nested = {
        "nested", [](xipy_vm* vm, const xipy_arguments*, xipy_value* result) {
            *result = xipy_int(vm, xipy_vm_run_mpy(vm, image.data(), image.size()));
            return XIPY_OK;
        }};
    std::string output;
    xipy_vm* vm = make_vm(output);
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value function = xipy_function(vm, &nested);
    EXPECT_EQ(xipy_function(vm, &nested).slot, function.slot + 1);  // the same function again
    xipy_value result{};
    ASSERT_EQ(xipy_call(vm, function, nullptr, 0, nullptr, nullptr, 0, &result), XIPY_OK);
    std::int64_t status = 0;
    EXPECT_EQ(xipy_to_int64(vm, result, &status), XIPY_OK);
    EXPECT_EQ(status, XIPY_INVALID_ARGUMENT);
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

TEST(EmbeddingDeathTest, DebugModeAbortsOnADanglingHandle) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            std::string output;
            xipy_config config;
            xipy_config_init(&config);
            config.abort_on_handle_misuse = 1;
            xipy_vm* vm = make_vm(output, config);
            xipy_scope scope = xipy_scope_begin(vm);
            xipy_value value = xipy_int(vm, 1);
            xipy_scope_end(vm, scope);
            std::int64_t integer = 0;
            xipy_to_int64(vm, value, &integer);
        },
        "xipy_to_int64: dangling handle");
}

TEST(Embedding, UserDataReachesNativeFunctions) {
    static const xipy_function_def read_user_data = {
        "read_user_data", [](xipy_vm* vm, const xipy_arguments*, xipy_value* result) {
            *result = xipy_int(vm, *static_cast<int*>(xipy_vm_user_data(vm)));
            return XIPY_OK;
        }};
    int data = 17;
    std::string output;
    xipy_config config;
    xipy_config_init(&config);
    config.user_data = &data;
    xipy_vm* vm = make_vm(output, config);
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value function = xipy_function(vm, &read_user_data);
    xipy_value result{};
    ASSERT_EQ(xipy_call(vm, function, nullptr, 0, nullptr, nullptr, 0, &result), XIPY_OK);
    std::int64_t integer = 0;
    EXPECT_EQ(xipy_to_int64(vm, result, &integer), XIPY_OK);
    EXPECT_EQ(integer, 17);
    xipy_scope_end(vm, scope);
    xipy_vm_destroy(vm);
}

// ---- the C++ layer

TEST(EmbeddingCpp, ValuesCallsAndOptions) {
    const auto first = program("host_first");
    const auto input = program("host_input");
    std::string output;
    std::string typed = "typed line\n";
    std::size_t position = 0;
    xipy::VmOptions options;
    options.on_stdout = [&output](std::string_view text) { output.append(text); };
    options.read_stdin = [&]() -> int {
        return position < typed.size() ? static_cast<unsigned char>(typed[position++]) : -1;
    };
    options.allow_clock = true;
    options.modules = {&hostmod};
    xipy::Vm vm(std::move(options));
    ASSERT_TRUE(vm.valid());
    EXPECT_TRUE(vm.run(first).ok());
    EXPECT_TRUE(vm.run(input).ok());
    EXPECT_EQ(output, expected("host_input.exp"));

    xipy::Scope scope(vm.handle());
    auto add = vm.global("add");
    ASSERT_TRUE(add);
    auto sum = add->call({vm.make(1), vm.make(2)}, {{"scale", vm.make(3)}});
    ASSERT_TRUE(sum);
    EXPECT_EQ(sum->to_int(), 9);
    auto big = vm.global("big");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->str(), "1267650600228229401496703205376");
    EXPECT_FALSE(big->to_int());
    EXPECT_EQ(vm.exception().type, "OverflowError");
    EXPECT_EQ(vm.make(std::uint64_t{18446744073709551615u}).str(), "18446744073709551615");
    auto list = vm.make(std::vector<std::string>{"a", "b"});
    EXPECT_EQ(list.repr(), "['a', 'b']");
    EXPECT_TRUE(vm.set_global("from_host", list));
    auto fail = vm.global("fail");
    ASSERT_TRUE(fail);
    EXPECT_FALSE(fail->call({vm.make("boom")}));
    EXPECT_EQ(vm.exception().type, "ValueError");
    EXPECT_EQ(vm.exception().message, "boom");

    auto time = vm.import("time");
    ASSERT_TRUE(time);
    auto now = time->call_method("time");
    ASSERT_TRUE(now) << vm.exception().traceback;  // the clock was granted
    EXPECT_GT(now->to_float().value_or(0), 1.0e9);

    auto module = vm.import("hostmod");
    ASSERT_TRUE(module);
    auto counter_class = module->get("Counter");
    ASSERT_TRUE(counter_class);
    auto counter = counter_class->call({vm.make(5)});
    ASSERT_TRUE(counter);
    EXPECT_TRUE(counter->set("value", vm.make(41)));
    EXPECT_TRUE(counter->call_method("increment"));
    EXPECT_EQ(counter->get("value")->to_int(), 42);

    // A value pinned in one scope is read in another.
    xipy::Pinned pinned;
    {
        xipy::Scope inner(vm.handle());
        pinned = xipy::Pinned(vm.make("kept"));
    }
    EXPECT_EQ(pinned.get().to_str(), "kept");
}

TEST(EmbeddingCpp, SideTablesFollowTheOption) {
    const auto first = program("host_first");
    for (const bool side_tables : {true, false}) {
        xipy::VmOptions options;
        options.on_stdout = [](std::string_view) {};
        options.side_tables = side_tables;
        xipy::Vm vm(std::move(options));
        ASSERT_TRUE(vm.valid());
        EXPECT_TRUE(vm.run(first).ok());
        xipy::Scope scope(vm.handle());
        auto make_garbage = vm.global("make_garbage");  // looks up the globals str and range
        ASSERT_TRUE(make_garbage);
        auto garbage = make_garbage->call({vm.make(3)});
        ASSERT_TRUE(garbage);
        EXPECT_EQ(garbage->repr(), "['000', '111', '222']");
        xipy_side_table_statistics statistics;
        ASSERT_EQ(xipy_vm_side_table_statistics(vm.handle(), &statistics), XIPY_OK);
        EXPECT_EQ(statistics.name_caches > 0, side_tables);
        EXPECT_EQ(statistics.name_cache_bytes > 0, side_tables);
    }
}

std::string throws_in_cpp(std::string_view text) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    if (text == "throw") {
        throw std::runtime_error("thrown in C++");
    }
#endif
    return std::string(text) + "!";
}

double halve(xipy::Call& call, double value) {
    if (value < 0) {
        call.raise("ValueError", "negative");
    }
    return value / 2;
}

TEST(EmbeddingCpp, TypedNativeFunctions) {
    static const xipy_function_def exclaim = {"exclaim", xipy::native<&throws_in_cpp>};
    static const xipy_function_def halve_definition = {"halve", xipy::native<&halve>};
    xipy::Vm vm;
    xipy::Scope scope(vm.handle());
    xipy::Value function = vm.function(exclaim);
    EXPECT_EQ(function.call({vm.make("hi")})->to_str(), "hi!");
    EXPECT_FALSE(function.call({vm.make(1)}));
    EXPECT_EQ(vm.exception().message, "can't convert int to str");
    EXPECT_FALSE(function.call({}));
    EXPECT_EQ(vm.exception().message, "exclaim() takes 1 positional arguments but 0 were given");
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    EXPECT_FALSE(function.call({vm.make("throw")}));
    EXPECT_EQ(vm.exception().type, "RuntimeError");
    EXPECT_EQ(vm.exception().message, "thrown in C++");
#endif
    xipy::Value halver = vm.function(halve_definition);
    EXPECT_EQ(halver.call({vm.make(3)})->to_float(), 1.5);
    EXPECT_FALSE(halver.call({vm.make(-1.0)}));
    EXPECT_EQ(vm.exception().type, "ValueError");
}

}  // namespace
