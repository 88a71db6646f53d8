/* A C host that runs a .mpy image linked into its read-only data, as firmware would. */
#include <stdio.h>

#include "demo_mpy.h"
#include "xipy/pyexec.h"

int main(void) {
    /* demo_mpy is const: the bytecode runs where the linker put it and is never copied. */
    int status = load_from_mem_run(demo_mpy, demo_mpy_length);
    if (status != XIPY_PYEXEC_OK) {
        fprintf(stderr, "embed_c: the program ended with status %d\n", status);
    }
    return status;
}
