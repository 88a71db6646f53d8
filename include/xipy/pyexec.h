/* load_from_mem_run(): run one .mpy image from memory in a fresh VM, for firmware and tools. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "xipy/xipy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Statuses of load_from_mem_run(). */
enum {
    /* The module ran to its end, or raised SystemExit with code 0 or None. */
    XIPY_PYEXEC_OK = 0,
    /* The module raised an exception it did not catch; its traceback went to stderr. */
    XIPY_PYEXEC_EXCEPTION = 1,
    /* The bytes are not a valid .mpy v6 image ("xipy: bad .mpy image: REASON" went to stderr),
     * `data` was NULL, or the VM could not be created. */
    XIPY_PYEXEC_BAD_IMAGE = 2
};

/* Runs the .mpy v6 image `data[0..len)` on a new VM with the default configuration of
 * xipy_config_init() (8 MiB heap, 1000 nested calls, empty sys.argv), writing the program's
 * output to the C stdout and stderr, then destroys the VM. The bytes are read in place and
 * never written. Nothing outlives the call and no global state is used, so calls on
 * different threads may overlap.
 * Returns XIPY_PYEXEC_OK (0) on success; XIPY_PYEXEC_EXCEPTION (1) after an uncaught
 * exception, whose traceback is printed to stderr as MicroPython prints it; for an uncaught
 * SystemExit, its exit code instead (nonzero codes only; no traceback is printed);
 * XIPY_PYEXEC_BAD_IMAGE (2) when the image is rejected. */
int load_from_mem_run(const uint8_t* data, size_t len);

/* load_from_mem_run() with the `count` frozen modules of `modules` importable (sys.path is
 * [".frozen"]): a firmware that links its libraries in as .mpy arrays runs its main image
 * with them, every module in place. Statuses as load_from_mem_run(). */
int load_from_mem_run_frozen(const uint8_t* data, size_t len, const xipy_frozen_module* modules,
                             size_t count);

#ifdef __cplusplus
}
#endif
