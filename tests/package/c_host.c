/* An out-of-tree C host built against the installed xipy: runs the .mpy named on its command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xipy/xipy.h>

static void append(void* context, const char* data, size_t length) {
    fwrite(data, 1, length, (FILE*)context);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: c_host FILE.mpy\n");
        return 2;
    }
    FILE* file = fopen(argv[1], "rb");
    if (file == NULL) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t image[1 << 16];
    const size_t length = fread(image, 1, sizeof image, file);
    fclose(file);

    xipy_config config;
    xipy_config_init(&config);
    config.write_stdout = append;
    config.output_context = stdout;
    xipy_vm* vm = NULL;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        return 1;
    }
    const xipy_status status = xipy_vm_run_mpy(vm, image, length);
    xipy_heap_statistics statistics;
    xipy_vm_heap_statistics(vm, &statistics);
    printf("c host: %s, xipy %s, heap peak %s\n", xipy_status_name(status), xipy_version(),
           statistics.peak_bytes_in_use > 0 ? "nonzero" : "zero");
    xipy_vm_destroy(vm);
    return status == XIPY_OK ? 0 : 1;
}
