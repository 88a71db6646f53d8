/* The mps2-an385 firmware: runs each .mpy linked into flash on a fresh VM with a fixed heap buffer
 * and reports its output on the console. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "programs.h"
#include "xipy/xipy.h"

/* The VM's heap: every Python object lives here, and the VM never calls malloc for them.
 * The size comes from the build (FIRMWARE_HEAP_BYTES in CMakeLists.txt). */
static uint8_t heap_buffer[FIRMWARE_HEAP_BYTES] __attribute__((aligned(8)));

/* What a program writes to sys.stderr, and its traceback, held until its stdout is done so
 * the console shows the two apart (see "The console protocol" in README.md). */
static char error_text[8192];
static size_t error_length;

static void write_stdout(void* context, const char* data, size_t length) {
    (void)context;
    board_console_write(data, length);
}

static void write_stderr(void* context, const char* data, size_t length) {
    (void)context;
    size_t room = sizeof error_text - error_length;
    size_t kept = length < room ? length : room;
    memcpy(error_text + error_length, data, kept);
    error_length += kept;
}

static void print_number(unsigned long number) {
    char digits[12];
    size_t count = 0;
    do {
        digits[sizeof digits - 1 - count++] = (char)('0' + number % 10);
        number /= 10;
    } while (number != 0);
    board_console_write(digits + sizeof digits - count, count);
}

/* Marks start with the ASCII record separator, a byte no test program prints. */
#define MARK "\x1e"

/* Runs one program on a VM of its own, so each starts from an empty heap as a fresh
 * `micropython prog.mpy` does. Returns its exit status, or -1 when no VM could be made. */
static int run_program(const firmware_program* program) {
    xipy_config config;
    xipy_config_init(&config);
    config.heap_buffer = heap_buffer;
    config.heap_buffer_bytes = sizeof heap_buffer;
    config.write_stdout = write_stdout;
    config.write_stderr = write_stderr;
    config.allow_clock = 1;
    /* A program that never ends must not stop the others: ~10 s of the host CLI's pace. */
    config.max_steps = FIRMWARE_MAX_STEPS;

    board_console_print(MARK "begin ");
    board_console_print(program->name);
    board_console_print("\n");
    error_length = 0;
    xipy_vm* vm = NULL;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        board_console_print(MARK "end -1 0\n");
        return -1;
    }
    unsigned long started = board_ticks_us();
    xipy_status outcome = xipy_vm_run_mpy(vm, program->data, program->length);
    unsigned long elapsed = board_ticks_us() - started;
    const char* report =
        outcome == XIPY_BAD_IMAGE ? xipy_vm_load_error(vm) : xipy_vm_exit_report(vm);
    if (outcome == XIPY_BAD_IMAGE) {
        write_stderr(NULL, "bad .mpy image: ", 16);
    }
    write_stderr(NULL, report, strlen(report));
    if (outcome == XIPY_BAD_IMAGE) {
        write_stderr(NULL, "\n", 1);
    }
    int status = xipy_vm_exit_code(vm);
    xipy_vm_destroy(vm);

    board_console_print(MARK "stderr\n");
    board_console_write(error_text, error_length);
    board_console_print(MARK "end ");
    print_number((unsigned long)status);
    board_console_print(" ");
    print_number(elapsed);
    board_console_print("\n");
    return status;
}

int main(void) {
    int failures = 0;
    for (size_t index = 0; index < firmware_program_count; ++index) {
        int status = run_program(&firmware_programs[index]);
        if (status < 0) {
            board_console_print("firmware: cannot create a VM\n");
            return 2;
        }
        failures += status != 0;
    }
    board_console_print(MARK "done ");
    print_number((unsigned long)firmware_program_count);
    board_console_print(" programs, malloc arena ");
    print_number((unsigned long)board_malloc_arena_bytes());
    board_console_print(" bytes\n");
    return failures == 0 ? 0 : 1;
}
