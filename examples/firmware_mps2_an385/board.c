/* The mps2-an385 board support: UART0 console, timer, semihosting exit and the system calls newlib
 * needs. */
#include "board.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

/* ---- UART0 (Arm CMSDK APB UART) */

typedef struct uart_registers {
    volatile uint32_t data;
    volatile uint32_t state;   /* bit 0: the transmit buffer is full; bit 1: a byte was received */
    volatile uint32_t control; /* bit 0: transmit enabled; bit 1: receive enabled */
    volatile uint32_t interrupt;
    volatile uint32_t baud_divider;
} uart_registers;

#define UART0 ((uart_registers*)0x40004000u)

#define UART_TRANSMIT_FULL 1u
#define UART_RECEIVED 2u
#define UART_TRANSMIT_ENABLE 1u
#define UART_RECEIVE_ENABLE 2u

/* Receiving starts at the first read: until then QEMU leaves the host's input unread, so
 * bytes sent before a program asks for them wait for it instead of being dropped. */
static void uart_start(uint32_t enable) {
    if ((UART0->control & enable) != enable) {
        UART0->baud_divider = 16; /* the smallest divider the UART accepts; QEMU ignores it */
        UART0->control |= enable;
    }
}

void board_console_write(const char* data, size_t length) {
    uart_start(UART_TRANSMIT_ENABLE);
    for (size_t index = 0; index < length; ++index) {
        while ((UART0->state & UART_TRANSMIT_FULL) != 0) {
        }
        UART0->data = (unsigned char)data[index];
    }
}

void board_console_print(const char* text) { board_console_write(text, strlen(text)); }

int board_console_read_byte(void) {
    uart_start(UART_RECEIVE_ENABLE);
    if ((UART0->state & UART_RECEIVED) == 0) {
        return -1;
    }
    return (int)(UART0->data & 0xffu);
}

int board_console_has_byte(void) {
    uart_start(UART_RECEIVE_ENABLE);
    return (UART0->state & UART_RECEIVED) != 0;
}

/* ---- the ROMFS partition (mps2_an385.ld): where a host's loader puts an image, as for
 * MicroPython's qemu port (-device loader,file=IMAGE,addr=0x21000000,force-raw=on) */

extern const uint8_t romfs_start[];
extern const uint8_t romfs_size[];

const uint8_t* board_romfs_partition(size_t* size) {
    *size = (size_t)romfs_size;
    return romfs_start;
}

/* ---- TIMER0 (Arm CMSDK APB timer), counting down at the 25 MHz system clock */

typedef struct timer_registers {
    volatile uint32_t control; /* bit 0: enabled */
    volatile uint32_t value;
    volatile uint32_t reload;
} timer_registers;

#define TIMER0 ((timer_registers*)0x40000000u)
#define TIMER_TICKS_PER_MICROSECOND 25u

unsigned long board_ticks_us(void) {
    if ((TIMER0->control & 1u) == 0) {
        TIMER0->reload = 0xffffffffu;
        TIMER0->value = 0xffffffffu;
        TIMER0->control = 1u;
    }
    return (0xffffffffu - TIMER0->value) / TIMER_TICKS_PER_MICROSECOND;
}

/* ---- semihosting: requests to the debugger or emulator (QEMU's -semihosting) */

enum { semihosting_exit_extended = 0x20, semihosting_application_exit = 0x20026 };

static int semihosting_call(int operation, void* argument) {
    register int r0 __asm__("r0") = operation;
    register void* r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void board_exit(int status) {
    uint32_t block[2] = {semihosting_application_exit, (uint32_t)status};
    semihosting_call(semihosting_exit_extended, block);
    for (;;) {
    }
}

/* ---- newlib's system calls: no files, output to the console, malloc from the RAM between
 * .bss and the stack's reserve (the linker script's `end` and `stack_limit`). Marked used:
 * under LTO nothing in the program's own code calls them, so the optimiser would drop them
 * before the C library's objects (linked later) ask for them. */

extern char end[];
extern char stack_limit[];
static char* heap_break = end;

__attribute__((used)) void* _sbrk(ptrdiff_t increment) {
    if (increment > stack_limit - heap_break || -increment > heap_break - end) {
        errno = ENOMEM;
        return (void*)-1;
    }
    char* previous = heap_break;
    heap_break += increment;
    return previous;
}

/* ---- the C stack's high-water mark: the unused part of the stack is filled with a pattern,
 * and the deepest word no longer holding it is as far as the stack grew */

extern char stack_top[];
#define STACK_PATTERN 0x5ca1ab1eu

void board_stack_paint(void) {
    uintptr_t stack_pointer;
    __asm__ volatile("mov %0, sp" : "=r"(stack_pointer));
    /* Everything below the stack pointer is free; 64 bytes stay unpainted for the interrupt
     * frame an exception would push. */
    uint32_t* end_of_paint = (uint32_t*)(stack_pointer - 64u);
    for (uint32_t* word = (uint32_t*)stack_limit; word < end_of_paint; ++word) {
        *word = STACK_PATTERN;
    }
}

size_t board_stack_bytes_used(void) {
    const uint32_t* word = (const uint32_t*)stack_limit;
    while ((const char*)word < stack_top && *word == STACK_PATTERN) {
        ++word;
    }
    return (size_t)(stack_top - (const char*)word);
}

/* How far malloc's arena has grown, for the firmware's memory report. */
size_t board_malloc_arena_bytes(void) { return (size_t)(heap_break - end); }

__attribute__((used)) int _write(int file, const char* data, int length) {
    (void)file;
    board_console_write(data, (size_t)length);
    return length;
}

__attribute__((used)) int _read(int file, char* data, int length) {
    (void)file;
    (void)data;
    (void)length;
    return 0;
}

__attribute__((used)) int _close(int file) {
    (void)file;
    errno = EBADF;
    return -1;
}

__attribute__((used)) int _fstat(int file, struct stat* status) {
    (void)file;
    memset(status, 0, sizeof *status);
    status->st_mode = S_IFCHR;
    return 0;
}

__attribute__((used)) int _isatty(int file) {
    (void)file;
    return 1;
}

__attribute__((used)) int _lseek(int file, int offset, int whence) {
    (void)file;
    (void)offset;
    (void)whence;
    errno = ESPIPE;
    return -1;
}

__attribute__((used)) int _open(const char* path, int flags, int mode) {
    (void)path;
    (void)flags;
    (void)mode;
    errno = ENOENT;
    return -1;
}

__attribute__((used)) int _getpid(void) { return 1; }

__attribute__((used)) int _kill(int process, int signal) {
    (void)process;
    (void)signal;
    errno = EINVAL;
    return -1;
}

void _exit(int status) { board_exit(status); }

/* The clock behind time.time() and time.ticks_*(): time since the first reading. */
__attribute__((used)) int _gettimeofday(struct timeval* now, void* zone) {
    (void)zone;
    unsigned long microseconds = board_ticks_us();
    now->tv_sec = (time_t)(microseconds / 1000000u);
    now->tv_usec = (suseconds_t)(microseconds % 1000000u);
    return 0;
}

/* What the C and C++ libraries reach for but a board without files cannot give (the core's os
 * module still links std::filesystem).
 * The VM is never granted a filesystem here, so nothing calls them while Python runs;
 * they only satisfy the link. */

__attribute__((used)) int _stat(const char* path, struct stat* status) {
    (void)path;
    (void)status;
    errno = ENOENT;
    return -1;
}

char* getcwd(char* buffer, size_t size) {
    (void)buffer;
    (void)size;
    errno = ENOSYS;
    return NULL;
}

long pathconf(const char* path, int name) {
    (void)path;
    (void)name;
    errno = ENOSYS;
    return -1;
}

ssize_t readlink(const char* path, char* buffer, size_t size) {
    (void)path;
    (void)buffer;
    (void)size;
    errno = ENOSYS;
    return -1;
}
