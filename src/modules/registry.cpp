// The standard modules' registry: which definitions a VM is given, and the names they use.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/array_object.hpp"
#if XIPY_COMPILER
#include "modules/source_compiler.hpp"
#endif

namespace xipy::modules {

namespace {

// What turns Python source into images. A build with XIPY_COMPILER off leaves the compiler
// layer out: its VMs run .mpy files only, and exec, eval, compile and .py imports refuse.
#if XIPY_COMPILER
constexpr vm::SourceCompiler python_compiler = compile_to_image;
#else
constexpr vm::SourceCompiler python_compiler = nullptr;
#endif

// The array module holds just the array type, which the object layer implements.
constexpr object::Attribute array_types[] = {{names::array, &object::array_type}};

// ---- the module names (modules/names.hpp)

constexpr std::string_view module_name_texts[] = {
#define XIPY_MODULE_NAME_TEXT(identifier, text) text,
    XIPY_MODULE_NAMES(XIPY_MODULE_NAME_TEXT)
#undef XIPY_MODULE_NAME_TEXT
};
constexpr std::size_t module_name_count = std::size(module_name_texts);
constexpr std::uint32_t first_module_id = object::names::fixed_name_count;
static_assert(first_module_id + module_name_count == names::end_of_module_names);

// The object layer's fixed names, to prove at compile time that no module name repeats one:
// the intern table gives every text one id, so a repeat would break a table's constant id.
constexpr std::string_view object_name_texts[] = {
#define XIPY_OBJECT_NAME_TEXT(identifier, text) text,
    XIPY_STATIC_QSTR_NAMES(XIPY_OBJECT_NAME_TEXT) XIPY_EXTRA_NAMES(XIPY_OBJECT_NAME_TEXT)
#undef XIPY_OBJECT_NAME_TEXT
};

// Sorting every text once and looking for neighbours that are equal stays within the
// compilers' constexpr step limits (a pairwise search does not, with a few hundred names).
constexpr bool module_names_are_new() {
    std::array<std::string_view, std::size(object_name_texts) + module_name_count> texts{};
    std::copy(std::begin(object_name_texts), std::end(object_name_texts), texts.begin());
    std::copy(std::begin(module_name_texts), std::end(module_name_texts),
              texts.begin() + std::size(object_name_texts));
    std::sort(texts.begin(), texts.end());
    return std::adjacent_find(texts.begin(), texts.end()) == texts.end();
}
static_assert(module_names_are_new(), "a module name repeats an object-layer or module name");

// The ids ordered by text, as dir() probes them (see object::AppendedNames).
constexpr auto module_ids_in_qstr_order = [] {
    std::array<std::uint32_t, module_name_count> ids{};
    for (std::size_t index = 0; index < module_name_count; ++index) {
        ids[index] = first_module_id + static_cast<std::uint32_t>(index);
    }
    std::sort(ids.begin(), ids.end(), [](std::uint32_t left, std::uint32_t right) {
        return module_name_texts[left - first_module_id] <
               module_name_texts[right - first_module_id];
    });
    return ids;
}();

// Every VM looks the module names up in this one constant index (object::NameIndex).
constexpr object::ConstantNameIndex<module_name_count> module_name_index{module_name_texts};

// ---- the registry

// Lookup is by name, so the order here is only the order of each VM's instance table. The
// modules with per-VM state come first: vm::module_state() scans from the front on each call.
constexpr const vm::ModuleDefinition* standard_definitions[] = {
    &random_module,  &time_module,        &micropython_module, &sys_module,     &math_module,
    &cmath_module,   &gc_module,          &errno_module,       &heapq_module,   &json_module,
    &io_module,      &collections_module, &os_module,          &array_module,   &struct_module,
    &re_module,      &binascii_module,    &hashlib_module,     &vfs_module,     &platform_module,
    &uctypes_module, &framebuf_module,    &deflate_module,     &machine_module,
#if XIPY_THREADS
    &thread_module,
#endif
#if XIPY_HOSTED
    &select_module,  &socket_module,
#endif
};

}  // namespace

constinit const vm::ModuleDefinition array_module{
    .name = names::array, .objects = array_types, .extensible = true, .u_alias = true};

const vm::ModuleRegistry& standard_modules() {
    // Not constexpr: the frozen table is defined in the generated source, another unit.
    static const vm::ModuleRegistry registry{
        &builtins_module, standard_definitions,
        object::AppendedNames{module_name_texts, module_ids_in_qstr_order,
                              module_name_index.view(module_name_texts)},
        python_compiler, runtime_frozen_modules()};
    return registry;
}

}  // namespace xipy::modules
