/* The xipy C API: create isolated VMs and run MicroPython .mpy v6 images on them in place. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "xipy/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * ABI: the library keeps its C ABI stable within one MAJOR.MINOR series (xipy/version.h):
 * structs passed by pointer only grow at their end, enumerations only gain values, and
 * functions are only added. Start every config from xipy_config_init() and every struct from
 * zero, so a host built against older headers keeps working with a newer PATCH release.
 *
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

/* A native module, declared as constant data (see "Native functions and modules" below). */
typedef struct xipy_module_def xipy_module_def;

/* What a call into the library achieved. */
typedef enum xipy_status {
    /* The call succeeded; for xipy_vm_run_mpy(), the module ran to its end. */
    XIPY_OK = 0,
    /* The program raised an exception it did not catch (SystemExit included); the
     * xipy_vm_exception_* functions and xipy_vm_traceback() describe it. */
    XIPY_EXCEPTION = 1,
    /* The bytes are not a well-formed .mpy v6 image, or its module code fails verification;
     * xipy_vm_load_error() says why. Nothing of the program ran. (A function's bytecode is
     * verified when the function is first called; if it fails, that call raises ValueError
     * "invalid .mpy: ..." and the run ends in XIPY_EXCEPTION unless the program catches it.) */
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
    /* Where print() and sys.stdout writes go. NULL (the default) writes to the C stdout; in a
     * bare-metal build (XIPY_HOSTED off), which links no C stdio, it discards the output. */
    xipy_write_function write_stdout;
    /* Where sys.stderr writes go. NULL (the default) writes to the C stderr (bare metal:
     * discards it, as for write_stdout). */
    xipy_write_function write_stderr;
    /* Passed as the first argument of write_stdout and write_stderr. Default NULL. */
    void* output_context;
    /* sys.argv: `argument_count` NUL-terminated strings. Default 0 and NULL (empty list). */
    int argument_count;
    const char* const* argument_values;
    /* Testing aid: nonzero collects garbage before every allocation, which turns a value the
     * runtime forgot to root into a crash under AddressSanitizer. Very slow. Default 0. */
    int collect_on_every_allocation;
    /* Most steps one xipy_vm_run_mpy() may take, counting each backward jump (loop iteration),
     * each call of a Python function, and long native work (big-int arithmetic, sorting,
     * regular expressions, json...) at about one step per 64 machine operations; then the run
     * ends with XIPY_STEP_LIMIT. 0 (the default) means no limit. */
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
    /* The host's own pointer for this VM, returned by xipy_vm_user_data(); native functions
     * reach their host state through it. Default NULL. */
    void* user_data;
    /* Native modules `import` finds by name: `module_count` pointers to constant data that
     * must outlive every VM made from this config. Default 0 and NULL. */
    size_t module_count;
    const xipy_module_def* const* modules;
    /* Debugging aid: nonzero makes a misused value handle (one whose scope has ended, one
     * unpinned, one of another VM, a handle made without an open scope) print what happened to
     * the C stderr and abort(). When 0 (the default) the same misuse is still caught, and the
     * call returns XIPY_INVALID_ARGUMENT or a null handle. */
    int abort_on_handle_misuse;
    /* Nonzero lets the program change what lies inside filesystem_root: open() in the modes
     * "w", "a" and "+", os.remove(), os.rename(), os.mkdir(), os.rmdir(). Default 0: the root
     * is read-only and those raise OSError "[Errno 1] EPERM". FIFOs, devices and sockets are
     * never opened either way (they could block the VM beyond the reach of the interrupt). */
    int allow_filesystem_write;

    /* Memory. The heap holds every Python object and the interpreter's frame, value and
     * exception-handler stacks; they start empty and grow with the call depth, all within
     * heap_limit_bytes (so a deep recursion ends in MemoryError when the heap is full, or
     * in RuntimeError at max_depth).
     * reallocate: where heap memory comes from; NULL (the default) uses the C library's
     * calloc and free. allocator_context is passed to it. */
    xipy_reallocate_function reallocate;
    void* allocator_context;
    /* Fixed-buffer mode, for firmware: when heap_buffer is not NULL, the VM takes all of its
     * memory from these heap_buffer_bytes and neither from `reallocate` nor from malloc: the
     * VM's own record and its interpreter take the buffer's first bytes (a few KB), the heap
     * the rest, and heap_limit_bytes is lowered to what fits. xipy_vm_create() refuses a
     * buffer that leaves the heap less than 4096 bytes. The buffer must stay valid until
     * xipy_vm_destroy(). Runs and calls into the VM make no malloc call; only the first VM of
     * a process publishes the builtins table every VM shares, outside any buffer, and a full
     * or locked heap hands native scratch work to malloc (docs/embedding.md, "Memory").
     * Default NULL and 0. */
    void* heap_buffer;
    size_t heap_buffer_bytes;
    /* Nonzero lets the program start threads (_thread.start_new_thread), which take turns
     * running the VM's code under its lock (docs/embedding.md, "Threads"); each is a thread of
     * the host process. Default 0: start_new_thread raises OSError "[Errno 1] EPERM". Builds
     * without threads (XIPY_THREADS off: bare metal, -fno-exceptions) have no _thread module. */
    int allow_threads;
    /* Sockets (the socket module; select.poll() works either way, on what the program may
     * reach): XIPY_NETWORK_NONE (the default) makes socket.socket() raise OSError
     * "[Errno 1] EPERM"; XIPY_NETWORK_LOOPBACK lets sockets reach this machine only (connect,
     * bind and sendto to 127.0.0.0/8 or ::1; getaddrinfo of numeric addresses and "localhost";
     * any other address raises "[Errno 13] EACCES"); XIPY_NETWORK_ANY reaches any address.
     * Only TCP and UDP over IPv4 and IPv6: never AF_UNIX (a path outside filesystem_root) or raw
     * sockets. Blocking socket calls wait with the VM's lock released and end at
     * xipy_vm_interrupt(). Other values: xipy_vm_create() returns XIPY_INVALID_ARGUMENT. */
    int allow_network;
    /* Nonzero (the default) lets the VM keep side tables that only make it faster: an inline
     * cache per name an instruction looks up (128 bytes each on 64-bit hosts, made on first use,
     * plus 4 bytes per name of every loaded module), a table of 128 class lookups (5 KiB, made
     * once native code has looked names up on user classes 64 times), and heap pages a scheduled
     * collection emptied (at most twice one collection interval, 256 KiB or the live heap,
     * and at most an eighth of heap_limit_bytes), kept for reuse. All of it
     * counts against heap_limit_bytes, and a full heap refuses it without failing the program.
     * 0 makes none of them, for targets short of RAM: programs behave the same, slower.
     * xipy_vm_side_table_statistics() reports what they hold. */
    int side_tables;
} xipy_config;

/* The values of xipy_config.allow_network. */
#define XIPY_NETWORK_NONE 0
#define XIPY_NETWORK_LOOPBACK 1
#define XIPY_NETWORK_ANY 2

/* Fills `config` with the defaults described at each field of xipy_config. */
void xipy_config_init(xipy_config* config);

/* Creates a VM from `config` (NULL means the defaults) and stores it in `*out`.
 * Returns XIPY_OK; XIPY_INVALID_ARGUMENT when `out` is NULL or a config value is out of range;
 * XIPY_OUT_OF_MEMORY when the VM cannot be allocated or its heap cannot hold the builtins
 * namespace (a fixed buffer too small). On failure `*out` is set to NULL when `out` is not
 * NULL. */
xipy_status xipy_vm_create(const xipy_config* config, xipy_vm** out);

/* Frees the VM and everything it owns. NULL is ignored. The images it ran may be freed
 * afterwards, not before. */
void xipy_vm_destroy(xipy_vm* vm);

/* Loads the .mpy v6 image in `data` and runs its module code to the end, as the __main__
 * module. Every run on one VM shares __main__'s globals, so a second image sees what the
 * first defined (the VM lives across runs, like a REPL). The bytes are read
 * in place and never written, so they may live in flash or a read-only mapping; they must
 * stay valid and unchanged until the VM is destroyed, because functions and constants of the
 * program keep pointing into them. Several VMs may run the same bytes at once.
 * Returns XIPY_OK, XIPY_EXCEPTION, XIPY_BAD_IMAGE, or XIPY_INVALID_ARGUMENT when `vm` is NULL,
 * `data` is NULL with a nonzero `length`, or it is called from a native function (a run may
 * not nest inside Python code; use xipy_call() there). */
xipy_status xipy_vm_run_mpy(xipy_vm* vm, const uint8_t* data, size_t length);

/* As xipy_vm_run_mpy(), with __file__ set to `file_name`, the path the image was read from, as
 * `micropython FILE` sets it; xipy_vm_run_mpy() sets it to the source name compiled into the
 * image. Tracebacks show the compiled-in name either way. NULL or "" is xipy_vm_run_mpy(). */
xipy_status xipy_vm_run_mpy_file(xipy_vm* vm, const uint8_t* data, size_t length,
                                 const char* file_name);

/* How xipy_vm_run_source() compiles its text, as MicroPython's parser input kinds. */
typedef enum xipy_source_kind {
    XIPY_SOURCE_FILE = 0,      /* a module: a file or -c CODE */
    XIPY_SOURCE_STATEMENT = 1, /* one REPL statement: expression statements print their value's
                                * repr (unless None) and store it as builtins._ */
    XIPY_SOURCE_EXPRESSION = 2 /* one expression */
} xipy_source_kind;

/* Compiles the Python source `source` (`length` bytes of UTF-8) and runs it as the __main__
 * module, in the globals every run shares (see xipy_vm_run_mpy). `source_name` is the file
 * name tracebacks show ("<stdin>", "<string>", a path). The compiled image is held on the VM's
 * heap, so it counts against heap_limit_bytes and the source need not outlive the call. A
 * source that does not compile ends as an uncaught SyntaxError, IndentationError, ... would
 * (XIPY_EXCEPTION, with MicroPython's traceback). After XIPY_SOURCE_STATEMENT the function
 * sys.atexit registered does not run, since a REPL goes on; before it, a heap the program left
 * locked (micropython.heap_lock()) is unlocked, as MicroPython's REPL does at each prompt. `kind`
 * is an xipy_source_kind (an int, so a C caller's out-of-range value is checked, not undefined).
 * Returns as xipy_vm_run_mpy(), and XIPY_INVALID_ARGUMENT also for a NULL `source_name` or an
 * unknown `kind`. */
xipy_status xipy_vm_run_source(xipy_vm* vm, const char* source, size_t length,
                               const char* source_name, int kind);

/* The name of the uncaught exception's type after XIPY_EXCEPTION, e.g. "ValueError";
 * "" otherwise. This and the next two functions describe the exception of the last run, or of
 * the last value function (xipy_call(), xipy_get_attribute(), ...) that returned
 * XIPY_EXCEPTION, whichever came later; the strings stay valid until the next of either. */
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

/* The host's pointer given as xipy_config.user_data (or set later); NULL for a NULL vm. */
void* xipy_vm_user_data(const xipy_vm* vm);
void xipy_vm_set_user_data(xipy_vm* vm, void* user_data);

/* ==== Values ==========================================================================
 *
 * The host never holds a Python object directly: it holds an xipy_value, a small handle that
 * names a slot of the VM's handle table. The garbage collector treats every live slot as a
 * root and the handle follows the object wherever it lives, so a handle stays valid across
 * any number of collections.
 *
 * Rooting rules (the whole of them):
 * 1. Every handle belongs to a scope. xipy_scope_begin() opens one; xipy_scope_end() releases
 *    every handle made since, so a host cannot leak roots. Scopes nest and end in reverse
 *    order. A native function runs inside a scope the VM opens for it: its arguments and
 *    everything it makes go when it returns, except the result it hands back.
 * 2. A value that must outlive its scope (a callback kept in a C global, say) is pinned:
 *    xipy_pin() gives a handle that stays valid in any scope until xipy_unpin().
 * 3. Functions that make a handle without an open scope fail (a null handle, or
 *    XIPY_INVALID_ARGUMENT), so forgetting a scope is caught, never silent.
 * 4. A handle used after its scope ended, after xipy_unpin(), or on another VM is detected by
 *    its serial number (each VM starts its serials at a different value): the call returns
 * XIPY_INVALID_ARGUMENT (or a null handle), or aborts with a message when
 * xipy_config.abort_on_handle_misuse is set.
 *
 * Errors: functions returning xipy_status return XIPY_EXCEPTION when Python raised; the
 * exception is then the VM's current exception (xipy_vm_exception_type() and friends,
 * xipy_exception()). Inside a native function, returning XIPY_EXCEPTION passes it on to the
 * Python caller. Functions returning a handle return a null handle on failure.
 */

/* A handle to a Python value; {0, 0} is the null handle (see xipy_is_null()). */
typedef struct xipy_value {
    uint32_t slot;
    uint32_t serial;
} xipy_value;

/* A position in the handle table, returned by xipy_scope_begin(). */
typedef struct xipy_scope {
    uint32_t mark;
    uint32_t serial;
} xipy_scope;

/* Nonzero for the null handle. */
static inline int xipy_is_null(xipy_value value) { return value.serial == 0; }

/* Opens a scope; every handle made until the matching xipy_scope_end() belongs to it. */
xipy_scope xipy_scope_begin(xipy_vm* vm);
/* Releases every handle made since `scope` began. Ending a scope that is not the innermost
 * open one is a misuse (see rule 4); the inner scopes are then ended too. */
void xipy_scope_end(xipy_vm* vm, xipy_scope scope);
/* A handle to the same object that stays valid in every scope until xipy_unpin(). */
xipy_value xipy_pin(xipy_vm* vm, xipy_value value);
/* Releases a handle made by xipy_pin(); the null handle is ignored. */
void xipy_unpin(xipy_vm* vm, xipy_value pinned);

/* What kind of value a handle holds, for dispatch in native code. Subclass instances count as
 * XIPY_TYPE_OTHER; XIPY_TYPE_INVALID is the answer for a null or dangling handle. */
typedef enum xipy_type {
    XIPY_TYPE_INVALID = 0,
    XIPY_TYPE_NONE,
    XIPY_TYPE_BOOL,
    XIPY_TYPE_INT,
    XIPY_TYPE_FLOAT,
    XIPY_TYPE_STR,
    XIPY_TYPE_BYTES,
    XIPY_TYPE_TUPLE,
    XIPY_TYPE_LIST,
    XIPY_TYPE_DICT,
    XIPY_TYPE_OTHER,
    XIPY_TYPE_WIDTH_ = 0x7fffffff
} xipy_type;
xipy_type xipy_type_of(xipy_vm* vm, xipy_value value);

/* ---- Making values (each returns a new handle in the innermost scope, or null on failure:
 * no open scope, MemoryError, or the ValueError of a malformed integer text). */
xipy_value xipy_none(xipy_vm* vm);
xipy_value xipy_bool(xipy_vm* vm, int value);
xipy_value xipy_int(xipy_vm* vm, int64_t value);
/* An int of any size from its digits in `base` (2..36, or 0 for Python's prefixes), e.g.
 * "123456789012345678901234567890". */
xipy_value xipy_int_from_text(xipy_vm* vm, const char* digits, int base);
xipy_value xipy_float(xipy_vm* vm, double value);
/* A str from `length` bytes of UTF-8 (invalid UTF-8 gives a null handle with a
 * UnicodeError). */
xipy_value xipy_str(xipy_vm* vm, const char* data, size_t length);
xipy_value xipy_bytes(xipy_vm* vm, const void* data, size_t length);
/* A tuple or list of `count` items (`items` may be NULL when count is 0). */
xipy_value xipy_tuple(xipy_vm* vm, const xipy_value* items, size_t count);
xipy_value xipy_list(xipy_vm* vm, const xipy_value* items, size_t count);
xipy_value xipy_dict(xipy_vm* vm);

/* ---- Reading values. Each fails with a TypeError (XIPY_EXCEPTION) when the value is not of
 * the kind asked for, with MicroPython's text. */
/* Python's truth value (may call __bool__ or __len__). */
xipy_status xipy_to_bool(xipy_vm* vm, xipy_value value, int* out);
/* An int or bool that fits 64 bits; OverflowError for a larger int. */
xipy_status xipy_to_int64(xipy_vm* vm, xipy_value value, int64_t* out);
/* A float, int or bool (or an object with __float__) as a double. */
xipy_status xipy_to_double(xipy_vm* vm, xipy_value value, double* out);
/* A str's UTF-8 bytes (not NUL-terminated); valid while the handle is. */
xipy_status xipy_to_str(xipy_vm* vm, xipy_value value, const char** data, size_t* length);
/* A bytes object's bytes; valid while the handle is. */
xipy_status xipy_to_bytes(xipy_vm* vm, xipy_value value, const void** data, size_t* length);
/* str(value) and repr(value) as new str handles; a big int's digits come this way. */
xipy_status xipy_str_of(xipy_vm* vm, xipy_value value, xipy_value* out);
xipy_status xipy_repr_of(xipy_vm* vm, xipy_value value, xipy_value* out);
/* len(value). */
xipy_status xipy_length(xipy_vm* vm, xipy_value value, size_t* out);

/* ---- Attributes and items: value.name, value.name = item, value[key], value[key] = item. */
xipy_status xipy_get_attribute(xipy_vm* vm, xipy_value object, const char* name, xipy_value* out);
xipy_status xipy_set_attribute(xipy_vm* vm, xipy_value object, const char* name, xipy_value value);
xipy_status xipy_get_item(xipy_vm* vm, xipy_value container, xipy_value key, xipy_value* out);
xipy_status xipy_set_item(xipy_vm* vm, xipy_value container, xipy_value key, xipy_value value);
/* list.append(item). */
xipy_status xipy_list_append(xipy_vm* vm, xipy_value list, xipy_value item);

/* ---- The VM's namespaces. Globals are those of __main__, shared by every run. */
/* NameError ("name 'x' isn't defined") when missing. */
xipy_status xipy_get_global(xipy_vm* vm, const char* name, xipy_value* out);
xipy_status xipy_set_global(xipy_vm* vm, const char* name, xipy_value value);
/* `import name`: the module object (set and read its attributes with the functions above).
 * Finds what `import` in Python finds: sys.modules, then the built-in and native modules. */
xipy_status xipy_import(xipy_vm* vm, const char* name, xipy_value* out);
/* Runs an .mpy image as the module `name` (its own globals, __name__ == name) and stores the
 * module in sys.modules, so a later `import name` finds it. The bytes must stay valid until
 * the VM is destroyed, as for xipy_vm_run_mpy(). `out` (may be NULL) receives the module. */
xipy_status xipy_vm_run_module_image(xipy_vm* vm, const char* name, const uint8_t* data,
                                     size_t length, xipy_value* out);

/* ---- Calls from the host into Python. */
/* callable(*positional, **keywords): `keyword_names[i]` names `keyword_values[i]`. Any array
 * may be NULL when its count is 0. The result goes to `out` (may be NULL). */
xipy_status xipy_call(xipy_vm* vm, xipy_value callable, const xipy_value* positional,
                      size_t positional_count, const char* const* keyword_names,
                      const xipy_value* keyword_values, size_t keyword_count, xipy_value* out);
/* object.name(*positional). */
xipy_status xipy_call_method(xipy_vm* vm, xipy_value object, const char* name,
                             const xipy_value* positional, size_t positional_count,
                             xipy_value* out);

/* ---- Exceptions. */
/* Makes the exception `type_name(message)` current and returns XIPY_EXCEPTION, so a native
 * function may `return xipy_raise(vm, "ValueError", "bad pin");`. `type_name` names a built-in
 * exception class ("TypeError", "OSError", ...); an unknown name raises a TypeError saying
 * so. */
xipy_status xipy_raise(xipy_vm* vm, const char* type_name, const char* message);
/* Makes `exception` current (an exception instance or class, as `raise` takes it). */
xipy_status xipy_raise_value(xipy_vm* vm, xipy_value exception);
/* The current exception as a handle; null when there is none. */
xipy_value xipy_exception(xipy_vm* vm);
/* Forgets the current exception, e.g. after a native function handled a failed call. */
void xipy_clear_exception(xipy_vm* vm);

/* ==== Native functions and modules ======================================================
 *
 * Native code is declared as constant data, the way xipy's own built-in modules are: a
 * module is a name and tables of functions, classes and constants. The VM builds its module
 * object on the first `import`, from the tables, and keeps it; nothing of the tables is
 * copied, so they must outlive the VM (static const data is the normal case).
 */

/* The arguments of a call to native code: `positional` first (for a method, self is
 * positional[0]), then `keyword_count` name/value pairs (the names are str handles). */
typedef struct xipy_arguments {
    const xipy_value* positional;
    size_t positional_count;
    const xipy_value* keyword_names;
    const xipy_value* keyword_values;
    size_t keyword_count;
    /* The name the function was declared with (a property's name for its getter and setter). */
    const char* function_name;
} xipy_arguments;

/* A native function. Store the result in `*result` (left null: None) and return XIPY_OK, or
 * return XIPY_EXCEPTION after xipy_raise() or after a call that raised. The handles it makes
 * are released when it returns, except the result. */
typedef xipy_status (*xipy_native_function)(xipy_vm* vm, const xipy_arguments* arguments,
                                            xipy_value* result);

/* A named native function; in a class table it is a method receiving self first. */
typedef struct xipy_function_def {
    const char* name;
    xipy_native_function function;
} xipy_function_def;

/* A property of a native class: `get(self)` and, unless NULL (read-only), `set(self, value)`. */
typedef struct xipy_property_def {
    const char* name;
    xipy_native_function get;
    xipy_native_function set;
} xipy_property_def;

/* A class whose methods are native. Python may subclass it. Instances are ordinary objects
 * that can also carry one host pointer (xipy_set_native()); "__init__" in `methods` is the
 * constructor. */
typedef struct xipy_class_def {
    const char* name;
    const xipy_function_def* methods;
    size_t method_count;
    const xipy_property_def* properties;
    size_t property_count;
} xipy_class_def;

/* What a constant of a module holds. */
typedef enum xipy_constant_kind {
    XIPY_CONSTANT_NONE = 0,
    XIPY_CONSTANT_BOOL,  /* `integer` != 0 */
    XIPY_CONSTANT_INT,   /* `integer` */
    XIPY_CONSTANT_FLOAT, /* `number` */
    XIPY_CONSTANT_STR,   /* `text`, NUL-terminated UTF-8 */
    XIPY_CONSTANT_KIND_WIDTH_ = 0x7fffffff
} xipy_constant_kind;

typedef struct xipy_constant_def {
    const char* name;
    xipy_constant_kind kind;
    int64_t integer;
    double number;
    const char* text;
} xipy_constant_def;

/* A native module: `import name` gives a module holding the functions, classes and constants
 * (built in that order). Python code cannot change its attributes, as for built-in
 * modules. A native module replaces a built-in one of the same name (a board's `machine`). */
struct xipy_module_def {
    const char* name;
    const xipy_function_def* functions;
    size_t function_count;
    const xipy_class_def* classes;
    size_t class_count;
    const xipy_constant_def* constants;
    size_t constant_count;
};

/* Adds a native module to a running VM (xipy_config.modules does it at creation). The
 * definition must outlive the VM. XIPY_INVALID_ARGUMENT for NULL or a nameless module. */
xipy_status xipy_vm_add_module(xipy_vm* vm, const xipy_module_def* module);

/* A callable value for one native function, e.g. to store as a global or pass to Python. The
 * definition must outlive the VM; the VM makes one function per definition and returns it
 * again on later calls. */
xipy_value xipy_function(xipy_vm* vm, const xipy_function_def* function);

/* Attaches a host pointer to an instance of a native class (replacing any earlier one without
 * finalizing it). `finalize` (may be NULL) is called with the pointer once the instance is
 * collected or the VM destroyed; it must not call into the VM. */
xipy_status xipy_set_native(xipy_vm* vm, xipy_value instance, void* pointer,
                            void (*finalize)(void* pointer));
/* The host pointer of an instance of a native class (NULL before xipy_set_native()); a
 * TypeError when `instance` is not one. */
xipy_status xipy_get_native(xipy_vm* vm, xipy_value instance, void** out);

/* ---- Argument parsing for native functions. */
enum {
    /* The argument must be given. */
    XIPY_PARAMETER_REQUIRED = 1,
    /* Only by keyword (after a `*` in Python). */
    XIPY_PARAMETER_KEYWORD_ONLY = 2,
    /* Only by position (before a `/` in Python). */
    XIPY_PARAMETER_POSITIONAL_ONLY = 4
};
typedef struct xipy_parameter {
    const char* name;
    int flags; /* XIPY_PARAMETER_* or-ed together */
} xipy_parameter;

/* Matches `arguments` to `parameters` as Python matches a call to `def function(...)`: out[i]
 * receives the argument of parameters[i], or the null handle when an optional one was not
 * given. The parameters that are not keyword-only come first, in order; for a method the
 * first one is self. Raises the TypeErrors MicroPython raises for a Python function:
 * "f() takes 2 positional arguments but 3 were given" (`function_name` is f; when NULL,
 * arguments->function_name), "function missing required positional argument #0" (counting from 0),
 * "function missing required keyword argument 'd'", "function got multiple values for
 * argument 'a'", "unexpected keyword argument 'e'". */
xipy_status xipy_parse_arguments(xipy_vm* vm, const xipy_arguments* arguments,
                                 const char* function_name, const xipy_parameter* parameters,
                                 size_t parameter_count, xipy_value* out);

/* ---- Modules a program imports: host folders, ROMFS images and frozen modules.
 * `import` searches the entries of sys.path in order (empty until a host adds some); each
 * entry is a path into the folders, images and frozen tables added below. Imported .mpy
 * files run in place, from wherever their bytes lie. See docs/deploying-code.md. */

/* One .mpy a host linked into its binary: `path` is its file name inside the frozen tree
 * ("helper.mpy", "pkg/__init__.mpy"), `data`/`length` its bytes. */
typedef struct xipy_frozen_module {
    const char* path;
    const uint8_t* data;
    size_t length;
} xipy_frozen_module;

/* Makes the `count` modules of `modules` importable, and ".frozen" (their sys.path entry, as
 * in MicroPython) the next entry of sys.path. The table (names and bytes) must outlive the
 * VM; it is never written. Call at most once per VM. */
xipy_status xipy_vm_add_frozen_modules(xipy_vm* vm, const xipy_frozen_module* modules,
                                       size_t count);

/* Mounts the ROMFS image `data[0..length)` (MicroPython's format) at `mount_point`, as
 * vfs.mount(vfs.VfsRom(data), mount_point) would; at "/rom", "/rom" and "/rom/lib" are then
 * added to sys.path, as MicroPython does. The bytes must outlive the VM and are never
 * written. XIPY_BAD_IMAGE (with xipy_vm_load_error() saying why) when they are no ROMFS
 * image; XIPY_INVALID_ARGUMENT when the mount point is taken. */
xipy_status xipy_vm_mount_romfs(xipy_vm* vm, const uint8_t* data, size_t length,
                                const char* mount_point);

/* Adds the host folder `directory` as the next entry of sys.path, spelled as given. Modules
 * are read from it (memory-mapped) under the same confinement as open(). XIPY_INVALID_ARGUMENT
 * when it names no directory. */
xipy_status xipy_vm_add_module_folder(xipy_vm* vm, const char* directory);

/* Finds the module `name` ("app" or "pkg.app") on sys.path and runs it as __main__, as
 * `micropython -m` does; statuses as xipy_vm_run_mpy(). A missing module is an ImportError
 * (XIPY_EXCEPTION); a file that is no valid .mpy raises ValueError in the program. */
xipy_status xipy_vm_run_module(xipy_vm* vm, const char* name);

/* ---- asyncio driven by the host's own loop.
 * A host with its own event loop (a game frame, a GUI, a firmware super-loop) runs the VM's
 * asyncio scheduler a slice at a time instead of blocking in asyncio.run(): Python code
 * creates tasks (asyncio.create_task) and returns, and the host calls this again and again.
 * One call imports asyncio (on the first call), runs each task that is due once, and returns.
 * `*next_ms` (when not NULL) receives how many milliseconds until the next queued task is
 * due: 0 when one is due now, -1 when no task is queued (tasks may still wait on an Event, a
 * ThreadSafeFlag or a stream; call again after anything that may wake one). An exception
 * that ends a task goes to the loop's exception handler, as under run_forever(); an
 * exception out of the handler, or SystemExit, KeyboardInterrupt and the VM's limits, make it
 * XIPY_EXCEPTION (the exception pending, as xipy_vm_run_mpy leaves it). It is the Python
 * function asyncio.run_once(), so Python code may drive a nested loop the same way; calling
 * it from inside a running loop raises RuntimeError. */
xipy_status xipy_vm_asyncio_run_once(xipy_vm* vm, int32_t* next_ms);

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

/* What a VM's side tables hold (see xipy_config.side_tables); every byte is also in the heap
 * statistics' bytes_in_use, or, for spare pages, in what the heap took from its allocator. */
typedef struct xipy_side_table_statistics {
    size_t name_cache_bytes;      /* the per-name inline caches of every loaded module */
    size_t name_caches;           /* how many of those caches instructions have made */
    size_t class_lookup_bytes;    /* the class lookup table: 0 until first used */
    size_t spare_page_bytes;      /* empty heap pages kept for reuse now */
    size_t peak_spare_page_bytes; /* the most spare_page_bytes has been since creation */
} xipy_side_table_statistics;

/* Fills `*out` with what the side tables of `vm` hold now. Returns XIPY_OK, or
 * XIPY_INVALID_ARGUMENT when `vm` or `out` is NULL. */
xipy_status xipy_vm_side_table_statistics(const xipy_vm* vm, xipy_side_table_statistics* out);

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
