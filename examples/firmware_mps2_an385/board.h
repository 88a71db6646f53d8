/* The board services the firmware uses: the UART0 console, the clock, the ROMFS partition and the
 * host's semihosting calls. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* Writes `length` bytes to UART0, which QEMU shows on its standard output (-nographic). */
void board_console_write(const char* data, size_t length);

/* Writes a NUL-terminated string to the console. */
void board_console_print(const char* text);

/* The next byte UART0 received (QEMU's standard input), or -1 when none waits; never blocks. */
int board_console_read_byte(void);

/* Nonzero when UART0 holds a received byte. */
int board_console_has_byte(void);

/* The ROMFS partition: its first byte, and its size in `*size`. It holds an image when its
 * first bytes are ROMFS's header; otherwise it is empty (QEMU zeroes it). */
const uint8_t* board_romfs_partition(size_t* size);

/* Ends the QEMU run with `status` as its exit status (semihosting SYS_EXIT_EXTENDED); on real
 * hardware without a debugger attached it would stop the core. */
void board_exit(int status) __attribute__((noreturn));

/* Guest time in microseconds from QEMU's virtual clock (the CMSDK dual timer counting at the
 * 25 MHz system clock); with -icount shift=0 one tick is one guest instruction. */
unsigned long board_ticks_us(void);

/* Fills the unused part of the C stack with a pattern; board_stack_bytes_used() then gives how
 * deep the stack has grown since (the most bytes it held, counted from its top). */
void board_stack_paint(void);
size_t board_stack_bytes_used(void);

/* How many bytes malloc has taken from RAM so far (the VM's bookkeeping outside its heap). */
size_t board_malloc_arena_bytes(void);
