/* Cortex-M3 startup for the mps2-an385 firmware: the vector table, the reset handler that sets up
 * C, and the fault handler. */
#include <stdint.h>
#include <string.h>

#include "board.h"

/* From the linker script (mps2_an385.ld). */
extern uint32_t data_load[];
extern uint32_t data_start[];
extern uint32_t data_end[];
extern uint32_t bss_start[];
extern uint32_t bss_end[];
extern uint32_t stack_top[];

int main(void);
void __libc_init_array(void);

/* newlib's __libc_init_array calls _init(); the ELF's constructors are in .init_array, so
 * there is nothing for it to do (the firmware links without crt0 and crti). */
void _init(void) {}
void _fini(void) {}

/* Names this program to __cxa_atexit, which libstdc++'s own static objects register with;
 * crtbegin.o defines it in hosted programs. The firmware never exits through atexit. */
void* __dso_handle = &__dso_handle;

void reset_handler(void) {
    memcpy(data_start, data_load, (size_t)((char*)data_end - (char*)data_start));
    memset(bss_start, 0, (size_t)((char*)bss_end - (char*)bss_start));
    /* The core's C++ objects with static storage (constant tables) are built here. */
    __libc_init_array();
    board_exit(main());
}

/* A fault means the firmware itself broke (the VM never faults on a bad .mpy: it verifies
 * it), so say so and stop with a status the test runner tells apart from a program's. */
static void fault_handler(void) {
    board_console_print("\nfirmware: hard fault\n");
    board_exit(3);
}

/* The first 16 entries: the initial stack pointer and the core's exceptions; the board's
 * interrupts are never enabled. */
__attribute__((section(".vectors"), used)) static void (*const vector_table[16])(void) = {
    (void (*)(void))stack_top,
    reset_handler,
    fault_handler, /* NMI */
    fault_handler, /* hard fault */
    fault_handler, /* memory management fault */
    fault_handler, /* bus fault */
    fault_handler, /* usage fault */
};
