/* A firmware-style C host: a native `machine` module whose Pin drives the board through C
 * callbacks, and whose Timer calls back into Python from the host's main loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "blink_mpy.h"
#include "xipy/xipy.h"

/* ---- the "board": what real firmware would do with GPIO registers */

typedef struct board {
    int levels[8];
    int writes;
    xipy_value timer_callback; /* pinned by machine.Timer(); null until then */
} board;

static void board_write_pin(board* target, int pin, int level) {
    target->levels[pin] = level;
    ++target->writes;
    printf("[board] pin %d -> %d\n", pin, level);
}

/* ---- machine.Pin: a native class whose instances carry a C struct */

typedef struct pin_state {
    int id;
} pin_state;

static pin_state* pin_of(xipy_vm* vm, xipy_value self) {
    void* native = NULL;
    if (xipy_get_native(vm, self, &native) != XIPY_OK) {
        return NULL;
    }
    return (pin_state*)native;
}

/* Pin(id): 0 <= id < 8. */
static xipy_status pin_init(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    static const xipy_parameter parameters[] = {{"self", XIPY_PARAMETER_REQUIRED},
                                                {"id", XIPY_PARAMETER_REQUIRED}};
    xipy_value values[2];
    int64_t id = 0;
    (void)result;
    if (xipy_parse_arguments(vm, arguments, "Pin", parameters, 2, values) != XIPY_OK ||
        xipy_to_int64(vm, values[1], &id) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    if (id < 0 || id >= 8) {
        return xipy_raise(vm, "ValueError", "invalid pin");
    }
    pin_state* state = malloc(sizeof(pin_state));
    if (state == NULL) {
        return xipy_raise(vm, "MemoryError", "");
    }
    state->id = (int)id;
    /* The VM frees the struct with free() once the Pin is collected. */
    return xipy_set_native(vm, values[0], state, free);
}

static xipy_status pin_write(xipy_vm* vm, const xipy_arguments* arguments, int level) {
    if (arguments->positional_count != 1) {
        return xipy_raise(vm, "TypeError", "takes no arguments");
    }
    pin_state* state = pin_of(vm, arguments->positional[0]);
    if (state == NULL) {
        return XIPY_EXCEPTION;
    }
    board_write_pin((board*)xipy_vm_user_data(vm), state->id, level);
    return XIPY_OK;
}

static xipy_status pin_on(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    (void)result;
    return pin_write(vm, arguments, 1);
}

static xipy_status pin_off(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    (void)result;
    return pin_write(vm, arguments, 0);
}

static xipy_status pin_id(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    pin_state* state = pin_of(vm, arguments->positional[0]);
    if (state == NULL) {
        return XIPY_EXCEPTION;
    }
    *result = xipy_int(vm, state->id);
    return XIPY_OK;
}

static xipy_status pin_value(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    pin_state* state = pin_of(vm, arguments->positional[0]);
    if (state == NULL) {
        return XIPY_EXCEPTION;
    }
    *result = xipy_int(vm, ((board*)xipy_vm_user_data(vm))->levels[state->id]);
    return XIPY_OK;
}

/* ---- machine.Timer(callback): keeps the callback pinned for the host's main loop */

static xipy_status timer_init(xipy_vm* vm, const xipy_arguments* arguments, xipy_value* result) {
    static const xipy_parameter parameters[] = {{"self", XIPY_PARAMETER_REQUIRED},
                                                {"callback", XIPY_PARAMETER_REQUIRED}};
    xipy_value values[2];
    (void)result;
    if (xipy_parse_arguments(vm, arguments, "Timer", parameters, 2, values) != XIPY_OK) {
        return XIPY_EXCEPTION;
    }
    board* target = (board*)xipy_vm_user_data(vm);
    xipy_unpin(vm, target->timer_callback);
    target->timer_callback = xipy_pin(vm, values[1]);
    return XIPY_OK;
}

static const xipy_function_def pin_methods[] = {
    {"__init__", pin_init},
    {"on", pin_on},
    {"off", pin_off},
};
static const xipy_property_def pin_properties[] = {
    {"id", pin_id, NULL},
    {"value", pin_value, NULL},
};
static const xipy_function_def timer_methods[] = {{"__init__", timer_init}};
static const xipy_class_def machine_classes[] = {
    {"Pin", pin_methods, 3, pin_properties, 2},
    {"Timer", timer_methods, 1, NULL, 0},
};
static const xipy_constant_def machine_constants[] = {
    {"TICK_MS", XIPY_CONSTANT_INT, 10, 0.0, NULL},
};
static const xipy_module_def machine_module = {"machine",         NULL, 0, machine_classes, 2,
                                               machine_constants, 1};

int main(void) {
    board the_board = {{0}, 0, {0, 0}};
    const xipy_module_def* modules[] = {&machine_module};
    xipy_config config;
    xipy_config_init(&config);
    config.heap_limit_bytes = 256 * 1024;
    config.user_data = &the_board;
    config.modules = modules;
    config.module_count = 1;

    xipy_vm* vm = NULL;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        fprintf(stderr, "cannot create the VM\n");
        return 1;
    }
    if (xipy_vm_run_mpy(vm, blink_mpy, blink_mpy_length) != XIPY_OK) {
        fprintf(stderr, "%s", xipy_vm_exit_report(vm));
        xipy_vm_destroy(vm);
        return 1;
    }

    /* The main loop: each timer interrupt calls the Python callback with the tick count. */
    int failures = 0;
    for (int tick = 1; tick <= 4; ++tick) {
        xipy_scope scope = xipy_scope_begin(vm);
        xipy_value count = xipy_int(vm, tick);
        if (xipy_call(vm, the_board.timer_callback, &count, 1, NULL, NULL, 0, NULL) != XIPY_OK) {
            fprintf(stderr, "%s", xipy_vm_traceback(vm));
            ++failures;
        }
        xipy_scope_end(vm, scope);
    }

    /* Read what Python counted. */
    xipy_scope scope = xipy_scope_begin(vm);
    xipy_value ticks;
    int64_t counted = 0;
    if (xipy_get_global(vm, "ticks", &ticks) != XIPY_OK ||
        xipy_to_int64(vm, ticks, &counted) != XIPY_OK) {
        ++failures;
    }
    xipy_scope_end(vm, scope);
    xipy_unpin(vm, the_board.timer_callback);
    printf("python saw %lld ticks; the board saw %d pin writes\n", (long long)counted,
           the_board.writes);
    xipy_vm_destroy(vm);
    return failures == 0 && counted == 4 && the_board.writes == 6 ? 0 : 1;
}
