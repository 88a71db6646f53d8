/* The .mpy programs linked into the firmware's flash, in the order it runs them (the table is
 * generated at build time). */
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef struct firmware_program {
    const char* name;
    const uint8_t* data;
    size_t length;
} firmware_program;

extern const firmware_program firmware_programs[];
extern const size_t firmware_program_count;
