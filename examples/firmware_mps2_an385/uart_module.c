/* The `uart` module: Python's reads and writes of the board's serial line (UART0), declared as
 * constant data through xipy's native-module API. */
#include "uart_module.h"

#include <stdint.h>

#include "board.h"

/* The most bytes one read() returns: they gather in this buffer before becoming one bytes
 * object, so a read never allocates outside the VM's heap. */
#define UART_READ_LIMIT 256
#define UART_DEFAULT_TIMEOUT_MS 1000

/* uart.write(data): writes a bytes or str object's bytes and returns how many. */
static xipy_status uart_write(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    static const xipy_parameter parameters[] = {
        {"data", XIPY_PARAMETER_REQUIRED | XIPY_PARAMETER_POSITIONAL_ONLY}};
    xipy_value data;
    if (xipy_parse_arguments(vm, arguments, NULL, parameters, 1, &data) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    const void* bytes = NULL;
    size_t length = 0;
    xipy_status status = xipy_type_of(vm, data) == XIPY_TYPE_STR
                             ? xipy_to_str(vm, data, (const char**)&bytes, &length)
                             : xipy_to_bytes(vm, data, &bytes, &length);
    if (status != XIPY_OK) {
        return status;
    }
    board_console_write((const char*)bytes, length);
    *result = xipy_int(vm, (int64_t)length);
    return xipy_is_null(*result) ? XIPY_EXCEPTION : XIPY_OK;
}

/* uart.any(): how many received bytes wait to be read (the UART holds at most one). */
static xipy_status uart_any(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    if (xipy_parse_arguments(vm, arguments, NULL, NULL, 0, NULL) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    *result = xipy_int(vm, board_console_has_byte() ? 1 : 0);
    return xipy_is_null(*result) ? XIPY_EXCEPTION : XIPY_OK;
}

/* uart.read(n, timeout_ms=1000): waits until `n` bytes (at most UART_READ_LIMIT) arrived or
 * `timeout_ms` passed since the last one, and returns those that did, possibly b"". The
 * timeout bounds the wait, so a program whose input never comes still ends. */
static xipy_status uart_read(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    static const xipy_parameter parameters[] = {{"n", XIPY_PARAMETER_REQUIRED}, {"timeout_ms", 0}};
    xipy_value given[2];
    if (xipy_parse_arguments(vm, arguments, NULL, parameters, 2, given) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    int64_t wanted = 0;
    int64_t timeout_ms = UART_DEFAULT_TIMEOUT_MS;
    if (xipy_to_int64(vm, given[0], &wanted) != XIPY_OK ||
        (!xipy_is_null(given[1]) && xipy_to_int64(vm, given[1], &timeout_ms) != XIPY_OK)) {
        return XIPY_EXCEPTION;
    }
    if (wanted < 0 || wanted > UART_READ_LIMIT) {
        return xipy_raise(vm, "ValueError", "n must be 0 to 256");
    }
    if (timeout_ms < 0 || timeout_ms > 60000) {
        return xipy_raise(vm, "ValueError", "timeout_ms must be 0 to 60000");
    }
    char buffer[UART_READ_LIMIT];
    size_t count = 0;
    unsigned long waited_since = board_ticks_us();
    while (count < (size_t)wanted) {
        int byte = board_console_read_byte();
        unsigned long now = board_ticks_us();
        if (byte >= 0) {
            buffer[count++] = (char)byte;
            waited_since = now;
        } else if (now < waited_since || now - waited_since >= (unsigned long)timeout_ms * 1000u) {
            /* The timer wrapped around (after about 171 s) or the time is up. */
            break;
        }
    }
    *result = xipy_bytes(vm, buffer, count);
    return xipy_is_null(*result) ? XIPY_EXCEPTION : XIPY_OK;
}

static const xipy_function_def uart_functions[] = {
    {"any", uart_any},
    {"read", uart_read},
    {"write", uart_write},
};

const xipy_module_def uart_module = {
    "uart", uart_functions, sizeof uart_functions / sizeof uart_functions[0], NULL, 0, NULL, 0,
};
