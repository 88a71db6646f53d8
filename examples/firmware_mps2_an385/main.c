/* The mps2-an385 firmware: runs each .mpy linked into flash, then the `main` module of a ROMFS
 * image in its partition, each on a fresh VM with a fixed heap buffer, and reports their output. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "programs.h"
#include "uart_module.h"
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

/* The native modules every VM can import. */
static const xipy_module_def* const native_modules[] = {&uart_module};

/* The ROMFS image in the board's partition, or NULL when the partition does not start with
 * ROMFS's header (nothing was loaded there). A damaged image still counts: mounting it then
 * fails with the reader's reason, which the console shows. */
static const uint8_t* romfs_image(size_t* size) {
    static const uint8_t header[3] = {0xd2, 0xcd, 0x31};
    const uint8_t* partition = board_romfs_partition(size);
    return memcmp(partition, header, sizeof header) == 0 ? partition : NULL;
}

/* What one run does on its VM: the program's image, or (data NULL) the module `main` found on
 * sys.path, as a board runs main.py. */
typedef struct firmware_run {
    const char* name;
    const uint8_t* data;
    size_t length;
} firmware_run;

/* Runs one program on a VM of its own, so each starts from an empty heap as a fresh
 * `micropython prog.mpy` does; with a ROMFS image in the partition, it is mounted at /rom and
 * "/rom" and "/rom/lib" are on sys.path, as on MicroPython's boards. Returns its exit status,
 * or -1 when no VM could be made. */
static int run_program(const firmware_run* program) {
    xipy_config config;
    xipy_config_init(&config);
    config.heap_buffer = heap_buffer;
    config.heap_buffer_bytes = sizeof heap_buffer;
    config.write_stdout = write_stdout;
    config.write_stderr = write_stderr;
    config.allow_clock = 1;
    /* A program that never ends must not stop the others: ~10 s of the host CLI's pace. */
    config.max_steps = FIRMWARE_MAX_STEPS;
    config.modules = native_modules;
    config.module_count = sizeof native_modules / sizeof native_modules[0];

    board_console_print(MARK "begin ");
    board_console_print(program->name);
    board_console_print("\n");
    error_length = 0;
    board_stack_paint();
    xipy_vm* vm = NULL;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        board_console_print(MARK "end -1 0\n");
        return -1;
    }
    size_t romfs_size = 0;
    const uint8_t* romfs = romfs_image(&romfs_size);
    xipy_status outcome = XIPY_OK;
    int romfs_ready =
        romfs == NULL || xipy_vm_mount_romfs(vm, romfs, romfs_size, "/rom") == XIPY_OK;
    unsigned long started = board_ticks_us();
    if (romfs_ready) {
        outcome = program->data != NULL ? xipy_vm_run_mpy(vm, program->data, program->length)
                                        : xipy_vm_run_module(vm, "main");
    }
    unsigned long elapsed = board_ticks_us() - started;
    int status = romfs_ready ? xipy_vm_exit_code(vm) : 2;
    if (!romfs_ready || outcome == XIPY_BAD_IMAGE) {
        /* The reader's reason, with the offset where the image went wrong. */
        const char* what = romfs_ready ? "bad .mpy image: " : "bad ROMFS image at /rom: ";
        const char* reason = xipy_vm_load_error(vm);
        write_stderr(NULL, what, strlen(what));
        write_stderr(NULL, reason, strlen(reason));
        write_stderr(NULL, "\n", 1);
    } else {
        const char* report = xipy_vm_exit_report(vm);
        write_stderr(NULL, report, strlen(report));
    }
    xipy_heap_statistics heap;
    if (xipy_vm_heap_statistics(vm, &heap) != XIPY_OK) {
        heap.peak_bytes_in_use = 0;
    }
    xipy_vm_destroy(vm);

    board_console_print(MARK "stderr\n");
    board_console_write(error_text, error_length);
    board_console_print(MARK "end ");
    print_number((unsigned long)status);
    board_console_print(" ");
    print_number(elapsed);
    board_console_print(" ");
    print_number((unsigned long)heap.peak_bytes_in_use);
    board_console_print(" ");
    print_number((unsigned long)board_stack_bytes_used());
    board_console_print("\n");
    return status;
}

int main(void) {
    int failures = 0;
    size_t count = 0;
    size_t romfs_size = 0;
    int has_romfs = romfs_image(&romfs_size) != NULL;
    for (size_t index = 0; index < firmware_program_count + (has_romfs ? 1 : 0); ++index) {
        firmware_run run = {"/rom/main", NULL, 0};
        if (index < firmware_program_count) {
            run.name = firmware_programs[index].name;
            run.data = firmware_programs[index].data;
            run.length = firmware_programs[index].length;
        }
        int status = run_program(&run);
        if (status < 0) {
            board_console_print("firmware: cannot create a VM\n");
            return 2;
        }
        failures += status != 0;
        ++count;
    }
    board_console_print(MARK "done ");
    print_number((unsigned long)count);
    board_console_print(" programs, malloc arena ");
    print_number((unsigned long)board_malloc_arena_bytes());
    board_console_print(" bytes\n");
    return failures == 0 ? 0 : 1;
}
