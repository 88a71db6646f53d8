// An out-of-tree C++ host built against the installed xipy: runs the .mpy named on its command line.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <xipy/xipy.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: cpp_host FILE.mpy\n");
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    const std::vector<std::uint8_t> image{std::istreambuf_iterator<char>(file),
                                          std::istreambuf_iterator<char>()};
    xipy_config config;
    xipy_config_init(&config);
    xipy_vm* vm = nullptr;
    if (xipy_vm_create(&config, &vm) != XIPY_OK) {
        return 1;
    }
    const xipy_status status = xipy_vm_run_mpy(vm, image.data(), image.size());
    std::fflush(stdout);
    std::printf("c++ host: %s, xipy %s\n", xipy_status_name(status), xipy_version());
    xipy_vm_destroy(vm);
    return status == XIPY_OK ? 0 : 1;
}
