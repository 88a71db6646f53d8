// xipy_vm_asyncio_run_once(): one slice of a VM's asyncio scheduler, for hosts with their own loop.
#include "xipy/xipy.h"

// Built on the public calls alone: the slice itself is asyncio.run_once(), Python code in the
// runtime's frozen asyncio, so the C side only imports, calls and converts.
extern "C" xipy_status xipy_vm_asyncio_run_once(xipy_vm* vm, int32_t* next_ms) {
    if (vm == nullptr) {
        return XIPY_INVALID_ARGUMENT;
    }
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value module{0, 0};
    xipy_value result{0, 0};
    xipy_status status = xipy_import(vm, "asyncio", &module);
    if (status == XIPY_OK) {
        status = xipy_call_method(vm, module, "run_once", nullptr, 0, &result);
    }
    int64_t wait = -1;
    if (status == XIPY_OK) {
        status = xipy_to_int64(vm, result, &wait);
    }
    xipy_scope_end(vm, scope);
    if (status == XIPY_OK && next_ms != nullptr) {
        // A wait past the 32-bit range cannot come from ticks, whose period is 2**30 ms.
        *next_ms = static_cast<int32_t>(wait);
    }
    return status;
}
