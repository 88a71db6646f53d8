// The platform module: what the runtime was built for and with, as MicroPython's platform.
#include <cstdio>  // a C library header, so that glibc's or newlib's version macros are defined
#include <string>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/native_function.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "xipy/version.h"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

#define XIPY_PLATFORM_TEXT_(value) #value
#define XIPY_PLATFORM_TEXT(value) XIPY_PLATFORM_TEXT_(value)

// The facts MicroPython's platform reports, for the compiler and C library this file is
// built with (empty where unknown, as there).
#if defined(__linux__)
constexpr const char* system_name = "Linux";
#elif defined(__unix__)
constexpr const char* system_name = "Unix";
#elif defined(_WIN32)
constexpr const char* system_name = "Windows";
#else
constexpr const char* system_name = "xipy";
#endif

#if defined(__ARM_ARCH)
constexpr const char* architecture = "arm";
#elif defined(__x86_64__)
constexpr const char* architecture = "x86_64";
#elif defined(__i386__)
constexpr const char* architecture = "x86";
#elif defined(__riscv)
constexpr const char* architecture = "riscv";
#else
constexpr const char* architecture = "";
#endif

#if defined(__GNUC__)
constexpr const char* compiler_text = "GCC " XIPY_PLATFORM_TEXT(__GNUC__) "." XIPY_PLATFORM_TEXT(
    __GNUC_MINOR__) "." XIPY_PLATFORM_TEXT(__GNUC_PATCHLEVEL__);
#else
constexpr const char* compiler_text = "";
#endif

#if defined(__GLIBC__)
constexpr const char* libc_name = "glibc";
constexpr const char* libc_version =
    XIPY_PLATFORM_TEXT(__GLIBC__) "." XIPY_PLATFORM_TEXT(__GLIBC_MINOR__);
#elif defined(_NEWLIB_VERSION)
constexpr const char* libc_name = "newlib";
constexpr const char* libc_version = _NEWLIB_VERSION;
#else
constexpr const char* libc_name = "";
constexpr const char* libc_version = "";
#endif

// platform(): "<system>-<version>-<architecture>-<platform version>-with-<libc><version>";
// its arguments (aliased, terse) change nothing, as in MicroPython.
object::Result<Value> platform_platform(object::Runtime& runtime, Arguments) {
    const support::ScratchString text =
        support::join_text({system_name, "-" XIPY_VERSION_STRING "-", architecture, "--with-",
                            libc_name, libc_version});
    return object::make_str(runtime, text);
}

object::Result<Value> platform_python_compiler(object::Runtime& runtime, Arguments) {
    return object::make_str(runtime, compiler_text);
}

// libc_ver(): (library, version), both empty where unknown.
object::Result<Value> platform_libc_ver(object::Runtime& runtime, Arguments) {
    Value name = object::make_str(runtime, libc_name);
    if (name.is_empty()) {
        return Value::empty();
    }
    Value version = object::make_str(runtime, libc_version);
    if (version.is_empty()) {
        return Value::empty();
    }
    const Value fields[] = {name, version};
    return object::new_tuple(runtime, fields);
}

constexpr NativeFunction platform_functions[] = {
    {names::platform, NativeKind::function, 0, NativeFunction::unlimited, platform_platform, true},
    {names::python_compiler, NativeKind::function, 0, 0, platform_python_compiler},
    {names::libc_ver, NativeKind::function, 0, NativeFunction::unlimited, platform_libc_ver, true},
};

}  // namespace

constinit const vm::ModuleDefinition platform_module{
    .name = names::platform, .functions = platform_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
