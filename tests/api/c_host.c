/* The C API tested from a plain C host: pyexec, two VMs, a read-only mapping, threads. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "greeting_mpy.h"
#include "raising_mpy.h"
#include "xipy/pyexec.h"
#include "xipy/xipy.h"

/* XIPY_API_MPY_DIR (compiled programs) and XIPY_API_EXPECTED_DIR (.exp/.err from the
 * reference MicroPython) come from tests/api/CMakeLists.txt. */

static int failures = 0;

#define CHECK(condition)                                                                  \
    do {                                                                                  \
        if (!(condition)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            ++failures;                                                                   \
        }                                                                                 \
    } while (0)

/* A growable byte buffer that collects one VM's output; always NUL-terminated. */
typedef struct {
    char* data;
    size_t length;
} Buffer;

static void buffer_append(void* context, const char* data, size_t length) {
    Buffer* buffer = (Buffer*)context;
    char* grown = (char*)realloc(buffer->data, buffer->length + length + 1);
    if (grown == NULL) {
        abort();
    }
    memcpy(grown + buffer->length, data, length);
    buffer->data = grown;
    buffer->length += length;
    buffer->data[buffer->length] = '\0';
}

static void buffer_free(Buffer* buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = 0;
}

/* Reads a whole file into a NUL-terminated malloc'd buffer; aborts when it is missing, since
 * every file read here is made by the build or committed next to the programs. */
static char* read_whole_file(const char* directory, const char* name, size_t* length) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", directory, name);
    FILE* file = fopen(path, "rb");
    if (file == NULL) {
        fprintf(stderr, "c_host: cannot open %s\n", path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char* data = (char*)malloc((size_t)size + 1);
    if (data == NULL || fread(data, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "c_host: cannot read %s\n", path);
        exit(2);
    }
    fclose(file);
    data[size] = '\0';
    if (length != NULL) {
        *length = (size_t)size;
    }
    return data;
}

static int matches_expected(const char* text, const char* expected_name) {
    char* expected = read_whole_file(XIPY_API_EXPECTED_DIR, expected_name, NULL);
    int same = strcmp(text != NULL ? text : "", expected) == 0;
    if (!same) {
        fprintf(stderr, "c_host: output differs from %s\n--- expected\n%s--- got\n%s---\n",
                expected_name, expected, text != NULL ? text : "");
    }
    free(expected);
    return same;
}

/* Creates a VM whose stdout and stderr both go to `output`, with sys.argv = [program, word]. */
static xipy_vm* create_capturing_vm(Buffer* output, const char* program, const char* word) {
    const char* arguments[2] = {program, word};
    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = buffer_append;
    config.write_stderr = buffer_append;
    config.output_context = output;
    config.argument_count = word != NULL ? 2 : 1;
    config.argument_values = arguments;
    xipy_vm* vm = NULL;
    CHECK(xipy_vm_create(&config, &vm) == XIPY_OK);
    CHECK(vm != NULL);
    return vm;
}

static void test_pyexec(void) {
    CHECK(load_from_mem_run(greeting_mpy, greeting_mpy_length) == XIPY_PYEXEC_OK);
    CHECK(load_from_mem_run(raising_mpy, raising_mpy_length) == XIPY_PYEXEC_EXCEPTION);

    size_t exiting_length = 0;
    char* exiting = read_whole_file(XIPY_API_MPY_DIR, "exiting.mpy", &exiting_length);
    CHECK(load_from_mem_run((const uint8_t*)exiting, exiting_length) == 3);
    free(exiting);

    /* A flipped magic byte, a cut-off image and no image at all are all bad files. */
    uint8_t* corrupt = (uint8_t*)malloc(greeting_mpy_length);
    memcpy(corrupt, greeting_mpy, greeting_mpy_length);
    corrupt[0] = 'X';
    CHECK(load_from_mem_run(corrupt, greeting_mpy_length) == XIPY_PYEXEC_BAD_IMAGE);
    free(corrupt);
    CHECK(load_from_mem_run(greeting_mpy, 3) == XIPY_PYEXEC_BAD_IMAGE);
    CHECK(load_from_mem_run(greeting_mpy, 0) == XIPY_PYEXEC_BAD_IMAGE);
    CHECK(load_from_mem_run(NULL, 10) == XIPY_PYEXEC_BAD_IMAGE);
}

static void test_arguments_and_names(void) {
    xipy_config config;
    xipy_config_init(&config);
    CHECK(config.heap_limit_bytes == 8u * 1024u * 1024u);
    CHECK(config.max_depth == 1000u);
    CHECK(config.write_stdout == NULL && config.write_stderr == NULL);
    CHECK(config.argument_count == 0);

    xipy_vm* vm = (xipy_vm*)&config; /* any non-NULL value, to see it is overwritten */
    CHECK(xipy_vm_create(&config, NULL) == XIPY_INVALID_ARGUMENT);
    config.heap_limit_bytes = 0;
    CHECK(xipy_vm_create(&config, &vm) == XIPY_INVALID_ARGUMENT);
    CHECK(vm == NULL);
    xipy_config_init(&config);
    config.argument_count = 1;
    CHECK(xipy_vm_create(&config, &vm) == XIPY_INVALID_ARGUMENT);

    CHECK(xipy_vm_run_mpy(NULL, greeting_mpy, greeting_mpy_length) == XIPY_INVALID_ARGUMENT);
    CHECK(xipy_vm_exit_code(NULL) == 2);
    CHECK(strcmp(xipy_vm_traceback(NULL), "") == 0);
    xipy_vm_destroy(NULL);

    CHECK(strcmp(xipy_status_name(XIPY_OK), "OK") == 0);
    CHECK(strcmp(xipy_status_name(XIPY_EXCEPTION), "EXCEPTION") == 0);
    CHECK(strcmp(xipy_status_name(XIPY_BAD_IMAGE), "BAD_IMAGE") == 0);
    CHECK(strcmp(xipy_status_name(XIPY_INVALID_ARGUMENT), "INVALID_ARGUMENT") == 0);
    CHECK(strcmp(xipy_status_name(XIPY_OUT_OF_MEMORY), "OUT_OF_MEMORY") == 0);
    CHECK(strcmp(xipy_status_name((xipy_status)99), "UNKNOWN") == 0);

    /* The linked library's version is the headers' one, spelled from the three numbers. */
    char expected_version[32];
    snprintf(expected_version, sizeof expected_version, "%d.%d.%d", XIPY_VERSION_MAJOR,
             XIPY_VERSION_MINOR, XIPY_VERSION_PATCH);
    CHECK(strcmp(xipy_version(), expected_version) == 0);
    CHECK(strcmp(xipy_version(), XIPY_VERSION_STRING) == 0);
}

static void test_two_vms_are_independent(void) {
    size_t length = 0;
    char* image = read_whole_file(XIPY_API_MPY_DIR, "identity.mpy", &length);
    Buffer first = {NULL, 0};
    Buffer second = {NULL, 0};
    xipy_vm* alpha = create_capturing_vm(&first, "identity.py", "alpha");
    xipy_vm* beta = create_capturing_vm(&second, "identity.py", "beta");
    /* Both VMs share one image; each module's globals and class state are its own. */
    CHECK(xipy_vm_run_mpy(alpha, (const uint8_t*)image, length) == XIPY_OK);
    CHECK(xipy_vm_run_mpy(beta, (const uint8_t*)image, length) == XIPY_OK);
    CHECK(matches_expected(first.data, "identity.alpha.exp"));
    CHECK(matches_expected(second.data, "identity.beta.exp"));
    CHECK(xipy_vm_exit_code(alpha) == 0);
    CHECK(strcmp(xipy_vm_exception_type(alpha), "") == 0);
    xipy_vm_destroy(alpha);
    xipy_vm_destroy(beta);
    buffer_free(&first);
    buffer_free(&second);
    free(image);
}

static void test_read_only_mapping(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/greeting.mpy", XIPY_API_MPY_DIR);
    int descriptor = open(path, O_RDONLY);
    CHECK(descriptor >= 0);
    struct stat status;
    CHECK(fstat(descriptor, &status) == 0);
    size_t length = (size_t)status.st_size;
    /* PROT_READ only: any write by the VM into the image would crash this test. */
    void* mapped = mmap(NULL, length, PROT_READ, MAP_PRIVATE, descriptor, 0);
    CHECK(mapped != MAP_FAILED);
    close(descriptor);
    Buffer output = {NULL, 0};
    xipy_vm* vm = create_capturing_vm(&output, "greeting.py", NULL);
    CHECK(xipy_vm_run_mpy(vm, (const uint8_t*)mapped, length) == XIPY_OK);
    CHECK(matches_expected(output.data, "greeting.exp"));
    xipy_vm_destroy(vm);
    munmap(mapped, length);
    buffer_free(&output);
}

static void test_uncaught_exceptions(void) {
    Buffer output = {NULL, 0};
    xipy_vm* vm = create_capturing_vm(&output, "raising.py", NULL);
    CHECK(xipy_vm_run_mpy(vm, raising_mpy, raising_mpy_length) == XIPY_EXCEPTION);
    CHECK(matches_expected(output.data, "raising.exp"));
    CHECK(matches_expected(xipy_vm_traceback(vm), "raising.err"));
    CHECK(strcmp(xipy_vm_exit_report(vm), xipy_vm_traceback(vm)) == 0);
    CHECK(strcmp(xipy_vm_exception_type(vm), "ValueError") == 0);
    CHECK(strcmp(xipy_vm_exception_message(vm),
                 "invalid syntax for integer with base 10: 'three'") == 0);
    CHECK(xipy_vm_exit_code(vm) == 1);

    /* The same VM runs on after an uncaught exception. */
    size_t length = 0;
    char* exiting = read_whole_file(XIPY_API_MPY_DIR, "exiting.mpy", &length);
    buffer_free(&output);
    CHECK(xipy_vm_run_mpy(vm, (const uint8_t*)exiting, length) == XIPY_EXCEPTION);
    CHECK(matches_expected(output.data, "exiting.exp"));
    CHECK(strcmp(xipy_vm_exception_type(vm), "SystemExit") == 0);
    CHECK(xipy_vm_exit_code(vm) == 3);
    CHECK(strcmp(xipy_vm_exit_report(vm), "") == 0);
    free(exiting);
    xipy_vm_destroy(vm);
    buffer_free(&output);
}

static void test_bad_images(void) {
    /* Version 5 instead of 6, then only a magic byte, then a header with garbage after it. */
    static const uint8_t wrong_version[] = {'M', 5, 0, 31, 0, 0};
    static const uint8_t only_magic[] = {'M'};
    static const uint8_t garbage[] = {'M', 6, 0, 31, 0xff, 0xff, 0xff, 0xff, 0xff};
    const struct {
        const uint8_t* data;
        size_t length;
    } images[] = {{wrong_version, sizeof wrong_version},
                  {only_magic, sizeof only_magic},
                  {garbage, sizeof garbage},
                  {greeting_mpy, greeting_mpy_length / 2},
                  {NULL, 0}};
    Buffer output = {NULL, 0};
    xipy_vm* vm = create_capturing_vm(&output, "bad.mpy", NULL);
    for (size_t index = 0; index < sizeof images / sizeof images[0]; ++index) {
        CHECK(xipy_vm_run_mpy(vm, images[index].data, images[index].length) == XIPY_BAD_IMAGE);
        CHECK(strlen(xipy_vm_load_error(vm)) > 0);
        CHECK(strcmp(xipy_vm_traceback(vm), "") == 0);
        CHECK(xipy_vm_exit_code(vm) == 2);
    }
    CHECK(output.length == 0);
    /* After all that, the VM still runs a good image. */
    CHECK(xipy_vm_run_mpy(vm, greeting_mpy, greeting_mpy_length) == XIPY_OK);
    CHECK(matches_expected(output.data, "greeting.exp"));
    xipy_vm_destroy(vm);
    buffer_free(&output);
}

/* One thread's work: its own VM runs busy.mpy several times with its own label. */
typedef struct {
    const uint8_t* image;
    size_t length;
    const char* label;
    int runs_ok;
    Buffer output;
} ThreadWork;

enum { runs_per_thread = 4 };

static void* run_busy(void* argument) {
    ThreadWork* work = (ThreadWork*)argument;
    for (int run = 0; run < runs_per_thread; ++run) {
        Buffer output = {NULL, 0};
        xipy_vm* vm = create_capturing_vm(&output, "busy.py", work->label);
        if (xipy_vm_run_mpy(vm, work->image, work->length) == XIPY_OK) {
            ++work->runs_ok;
        }
        xipy_vm_destroy(vm);
        buffer_free(&work->output);
        work->output = output;
    }
    return NULL;
}

static void test_threads(void) {
    size_t length = 0;
    char* image = read_whole_file(XIPY_API_MPY_DIR, "busy.mpy", &length);
    ThreadWork works[2] = {{(const uint8_t*)image, length, "left", 0, {NULL, 0}},
                           {(const uint8_t*)image, length, "right", 0, {NULL, 0}}};
    pthread_t threads[2];
    for (int index = 0; index < 2; ++index) {
        CHECK(pthread_create(&threads[index], NULL, run_busy, &works[index]) == 0);
    }
    for (int index = 0; index < 2; ++index) {
        CHECK(pthread_join(threads[index], NULL) == 0);
        CHECK(works[index].runs_ok == runs_per_thread);
    }
    CHECK(matches_expected(works[0].output.data, "busy.left.exp"));
    CHECK(matches_expected(works[1].output.data, "busy.right.exp"));
    buffer_free(&works[0].output);
    buffer_free(&works[1].output);
    free(image);
}

int main(void) {
    test_pyexec();
    test_arguments_and_names();
    test_two_vms_are_independent();
    test_read_only_mapping();
    test_uncaught_exceptions();
    test_bad_images();
    test_threads();
    if (failures != 0) {
        fprintf(stderr, "c_host: %d check(s) failed\n", failures);
        return 1;
    }
    printf("c_host: all checks passed\n");
    return 0;
}
