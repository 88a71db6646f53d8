// load_from_mem_run() of include/xipy/pyexec.h: one image, one short-lived VM.
#include <cstdio>

#include "xipy/pyexec.h"
#include "xipy/xipy.h"

extern "C" int load_from_mem_run(const uint8_t* data, size_t len) {
    return load_from_mem_run_frozen(data, len, nullptr, 0);
}

extern "C" int load_from_mem_run_frozen(const uint8_t* data, size_t len,
                                        const xipy_frozen_module* modules, size_t count) {
    xipy_vm* vm = nullptr;
    if (data == nullptr || xipy_vm_create(nullptr, &vm) != XIPY_OK) {
        return XIPY_PYEXEC_BAD_IMAGE;
    }
    if (count != 0 && xipy_vm_add_frozen_modules(vm, modules, count) != XIPY_OK) {
        xipy_vm_destroy(vm);
        return XIPY_PYEXEC_BAD_IMAGE;
    }
    const xipy_status status = xipy_vm_run_mpy(vm, data, len);
    // Program output went through the C stdout; flush it first so the report follows it.
    std::fflush(stdout);
    if (status == XIPY_BAD_IMAGE) {
        std::fprintf(stderr, "xipy: bad .mpy image: %s\n", xipy_vm_load_error(vm));
    } else {
        std::fputs(xipy_vm_exit_report(vm), stderr);
    }
    std::fflush(stderr);
    int result = XIPY_PYEXEC_OK;
    if (status == XIPY_EXCEPTION) {
        result = xipy_vm_exit_code(vm);
    } else if (status != XIPY_OK) {
        result = XIPY_PYEXEC_BAD_IMAGE;
    }
    xipy_vm_destroy(vm);
    return result;
}
