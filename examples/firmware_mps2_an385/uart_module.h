/* The `uart` module: Python's reads and writes of the board's serial line (UART0). */
#pragma once

#include "xipy/xipy.h"

/* Registered on every VM the firmware makes (xipy_config.modules). */
extern const xipy_module_def uart_module;
