/* The xipy C API: create isolated VMs and run MicroPython .mpy v6 images on them in place. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "xipy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Conventions
 *
 * Every VM is independent: it owns its heap, its globals and its pending exception, and the
 * library keeps no global state, so any number of VMs may live in one process and VMs on
 * different threads may run at the same time. One VM must be used by one thread at a time.
 *
 * Functions that can fail return an xipy_status. Strings returned by the library are owned
 * by the VM and stay valid until the next xipy_vm_run_mpy() or xipy_vm_destroy() on it.
 */

/* A VM instance. Opaque: create it with xipy_vm_create() and free it with xipy_vm_destroy(). */
typedef struct xipy_vm xipy_vm;

/* What a call into the library achieved. */
typedef enum xipy_status {
    /* The call succeeded; for xipy_vm_run_mpy(), the module ran to its end. */
    XIPY_OK = 0,
    /* The program raised an exception it did not catch (SystemExit included); the
     * xipy_vm_exception_* functions and xipy_vm_traceback() describe it. */
    XIPY_EXCEPTION = 1,
    /* The bytes are not a well-formed .mpy v6 image; xipy_vm_load_error() says why. Nothing
     * of the program ran. */
    XIPY_BAD_IMAGE = 2,
    /* A required pointer was NULL or a configuration value was out of range. */
    XIPY_INVALID_ARGUMENT = 3,
    /* The host could not allocate memory for the VM itself. */
    XIPY_OUT_OF_MEMORY = 4,
    /* The program used up xipy_config.max_steps and was stopped; no except, finally or with
     * body of it saw the stop. The xipy_vm_exception_* functions and xipy_vm_traceback()
     * describe where ("RuntimeError: step budget exhausted"). */
    XIPY_STEP_LIMIT = 5,
    /* Not a status: makes the enum as wide as int on every compiler, so that statuses added
     * later keep the ABI and any int value may be passed to xipy_status_name(). */
    XIPY_STATUS_WIDTH_ = 0x7fffffff
} xipy_status;

/* Receives `length` bytes of program output (not NUL-terminated, possibly a partial line).
 * `context` is xipy_config.output_context, passed through unchanged. */
typedef void (*xipy_write_function)(void* context, const char* data, size_t length);

/* A host allocator, shaped like C's realloc plus a context pointer (as Lua's lua_Alloc):
 * - (context, NULL, 0, n) allocates n bytes and returns them, or NULL when it cannot;
 * - (context, block, old_size, 0) frees a block of old_size bytes and returns NULL.
 * The VM never asks to resize (block and n both nonzero). Blocks must be aligned for any C
 * type (alignof(max_align_t)); the VM zero-fills them itself. `context` is
 * xipy_config.allocator_context, passed through unchanged. The VM calls it only from the
 * thread that is using the VM. */
typedef void* (*xipy_reallocate_function)(void* context, void* block, size_t old_size,
                                          size_t new_size);

/* How a VM is set up. Always start from xipy_config_init() so fields added in later versions
 * get their defaults, then change what you need. The VM copies everything it keeps, so the
 * config and the strings it points to may be freed once xipy_vm_create() returns. */
typedef struct xipy_config {
    /* Most bytes the VM's heap may hold; beyond it the program gets a MemoryError.
     * Default 8 MiB. Must not be 0. */
    size_t heap_limit_bytes;
    /* Deepest nesting of Python calls; beyond it the program gets
     * "RuntimeError: maximum recursion depth exceeded". Default 1000. Must not be 0. */
    uint32_t max_depth;
    /* Where print() and sys.stdout writes go. NULL (the default) writes to the C stdout. */
    xipy_write_function write_stdout;
    /* Where sys.stderr writes go. NULL (the default) writes to the C stderr. */
    xipy_write_function write_stderr;
    /* Passed as the first argument of write_stdout and write_stderr. Default NULL. */
    void* output_context;
    /* sys.argv: `argument_count` NUL-terminated strings. Default 0 and NULL (empty list). */
    int argument_count;
    const char* const* argument_values;
    /* Testing aid: nonzero collects garbage before every allocation, which turns a value the
     * runtime forgot to root into a crash under AddressSanitizer. Very slow. Default 0. */
    int collect_on_every_allocation;
    /* Most steps one xipy_vm_run_mpy() may take, counting each backward jump (loop iteration)
     * and each call of a Python function; then the run ends with XIPY_STEP_LIMIT. 0 (the
     * default) means no limit. */
    uint64_t max_steps;
    /* Host access; all denied by default, so a VM can reach nothing but its output callbacks.
     * Modules that need a denied service raise OSError "[Errno 1] EPERM".
     * filesystem_root grants one existing directory to open() and the os file functions: the
     * program sees it as "/" and as its current directory, and a path that would lead outside
     * it (".." above it, a symlink pointing out) raises OSError "[Errno 13] EACCES". NULL or ""
     * (the default): no filesystem. xipy_vm_create() returns XIPY_INVALID_ARGUMENT when it
     * names no directory. The other grants are set by nonzero values. */
    const char* filesystem_root;
    int allow_clock;       /* time module: wall clock, monotonic ticks, sleep */
    int allow_environment; /* os.getenv() */
    /* input() reads standard input through this: the next byte (0..255), or -1 at end of
     * file; it receives `stdin_context`. Default NULL: input() raises EOFError. */
    int (*read_stdin)(void* context);
    void* stdin_context;
    /* Memory. The heap holds every Python object and the interpreter's frame, value and
     * exception-handler stacks; they start empty and grow with the call depth, all within
     * heap_limit_bytes (so a deep recursion ends in MemoryError when the heap is full, or
     * in RuntimeError at max_depth).
     * reallocate: where heap memory comes from; NULL (the default) uses the C library's
     * calloc and free. allocator_context is passed to it. */
    xipy_reallocate_function reallocate;
    void* allocator_context;
    /* Fixed-buffer mode, for firmware: when heap_buffer is not NULL, the heap takes all of its
     * memory from these heap_buffer_bytes (at least 4096) and neither from `reallocate` nor
     * from malloc; heap_limit_bytes is lowered to what fits. The buffer must stay valid until
     * xipy_vm_destroy(). The VM's own bookkeeping outside the heap (the handle, loader tables,
     * interned names) still comes from the C++ runtime, once at creation and at each load.
     * Default NULL and 0. */
    void* heap_buffer;
    size_t heap_buffer_bytes;
} xipy_config;

/* Fills `config` with the defaults described at each field of xipy_config. */
void xipy_config_init(xipy_config* config);

/* Creates a VM from `config` (NULL means the defaults) and stores it in `*out`.
 * Returns XIPY_OK; XIPY_INVALID_ARGUMENT when `out` is NULL or a config value is out of range;
 * XIPY_OUT_OF_MEMORY when the VM cannot be allocated. On failure `*out` is set to NULL when
 * `out` is not NULL. */
xipy_status xipy_vm_create(const xipy_config* config, xipy_vm** out);

/* Frees the VM and everything it owns. NULL is ignored. The images it ran may be freed
 * afterwards, not before. */
void xipy_vm_destroy(xipy_vm* vm);

/* Loads the .mpy v6 image in `data` and runs its module code to the end. The bytes are read
 * in place and never written, so they may live in flash or a read-only mapping; they must
 * stay valid and unchanged until the VM is destroyed, because functions and constants of the
 * program keep pointing into them. Several VMs may run the same bytes at once.
 * Returns XIPY_OK, XIPY_EXCEPTION, XIPY_BAD_IMAGE, or XIPY_INVALID_ARGUMENT when `vm` is NULL
 * or `data` is NULL with a nonzero `length`. */
xipy_status xipy_vm_run_mpy(xipy_vm* vm, const uint8_t* data, size_t length);

/* The name of the uncaught exception's type after XIPY_EXCEPTION, e.g. "ValueError";
 * "" otherwise. */
const char* xipy_vm_exception_type(xipy_vm* vm);

/* The text MicroPython prints after the type name and ": " for the uncaught exception
 * (e.g. "invalid syntax for integer" or "" for a bare `raise KeyError`) after XIPY_EXCEPTION;
 * "" otherwise. */
const char* xipy_vm_exception_message(xipy_vm* vm);

/* After XIPY_EXCEPTION: the whole traceback as MicroPython prints it, starting with
 * "Traceback (most recent call last):" and ending with a newline; "" otherwise. */
const char* xipy_vm_traceback(xipy_vm* vm);

/* After XIPY_BAD_IMAGE: why the image was rejected, with the byte offset where there is one;
 * "" otherwise. */
const char* xipy_vm_load_error(xipy_vm* vm);

/* What a command-line MicroPython prints to stderr when the last run ends: after an uncaught
 * exception, its traceback (as xipy_vm_traceback()); after an uncaught SystemExit, nothing
 * when its value is absent, None or an integer, else the value's str() and a newline;
 * "" after XIPY_OK or XIPY_BAD_IMAGE. */
const char* xipy_vm_exit_report(xipy_vm* vm);

/* The exit status a command-line MicroPython would end with after the last run: 0 after
 * XIPY_OK (or before any run); after an uncaught SystemExit, its code (0 for none or None,
 * the integer modulo 256, 1 for any other value); 1 after any other uncaught exception;
 * 2 after XIPY_BAD_IMAGE; 3 after XIPY_STEP_LIMIT. Returns 2 when `vm` is NULL. */
int xipy_vm_exit_code(const xipy_vm* vm);

/* Makes the program running on `vm` raise KeyboardInterrupt at its next loop iteration or
 * call; if none runs, the next run raises it at its first. Unlike every other function here it
 * may be called from another thread while the VM runs, or from a signal handler: it only sets
 * a lock-free atomic flag. NULL is ignored. */
void xipy_vm_interrupt(xipy_vm* vm);

/* A snapshot of a VM's heap, for hosts that watch or tune memory use. */
typedef struct xipy_heap_statistics {
    size_t bytes_in_use;      /* live (or not yet collected) objects plus the stacks */
    size_t peak_bytes_in_use; /* the most bytes_in_use has been since creation */
    size_t limit_bytes;       /* the heap limit in force (see xipy_config.heap_limit_bytes) */
    size_t stack_bytes;       /* the part of bytes_in_use held by the interpreter's stacks */
    uint64_t bytes_allocated; /* bytes ever allocated, freed or not */
    uint64_t allocations;     /* objects ever allocated */
    uint64_t collections;     /* garbage collections run */
} xipy_heap_statistics;

/* Fills `*out` with the heap statistics of `vm`. Returns XIPY_OK, or XIPY_INVALID_ARGUMENT
 * when `vm` or `out` is NULL. */
xipy_status xipy_vm_heap_statistics(const xipy_vm* vm, xipy_heap_statistics* out);

/* The enumerator's name without its prefix, e.g. "OK", "BAD_IMAGE"; "UNKNOWN" for values
 * that are not an xipy_status. The string is static. */
const char* xipy_status_name(xipy_status status);

/* The version of the linked library, "MAJOR.MINOR.PATCH" (its XIPY_VERSION_STRING; see
 * xipy/version.h). A host compiled against other headers can compare it with its own
 * XIPY_VERSION_STRING. The string is static. */
const char* xipy_version(void);

#ifdef __cplusplus
}
#endif
