#!/usr/bin/env bash
# Installs xipy into a prefix and builds out-of-tree C and C++ hosts against it, then runs them.
#
#   tools/check_package.sh [--shared]
#
# The library is configured as a consumer would build it: tests, examples and the CLI off, so
# nothing but CMake and a C++20 compiler is needed. The hosts of tests/package/ are then built
# three ways: with find_package(xipy) against the installed CMake package, with pkg-config
# (plain cc and c++ command lines), and with FetchContent on the source tree. Each runs
# tests/package/hello.py (compiled by the reference mpy-cross) and must print what it says.
# --shared installs the shared library (BUILD_SHARED_LIBS=ON) instead of libxipy.a.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${JOBS:-2}
shared=OFF
variant=static
if [[ ${1:-} == --shared ]]; then
    shared=ON
    variant=shared
fi
work=$root/build-package/$variant
prefix=$work/prefix
rm -rf "$prefix" "$work/hosts-find-package" "$work/hosts-fetch-content" "$work/hosts-pkg-config"
mkdir -p "$work"

echo "== library ($variant) into $prefix"
cmake -S "$root" -B "$work/library" -DCMAKE_BUILD_TYPE=Release -DXIPY_TESTS=OFF \
    -DXIPY_EXAMPLES=OFF -DXIPY_CLI=OFF -DXIPY_INSTALL=ON -DBUILD_SHARED_LIBS=$shared \
    -DCMAKE_INSTALL_PREFIX="$prefix" > "$work/library.log"
cmake --build "$work/library" --parallel "$jobs" >> "$work/library.log"
cmake --install "$work/library" >> "$work/library.log"
for installed in include/xipy/xipy.h include/xipy/xipy.hpp include/xipy/version.h \
    lib/cmake/xipy/xipyConfig.cmake lib/pkgconfig/xipy.pc; do
    [[ -f $prefix/$installed ]] || { echo "not installed: $installed"; exit 1; }
done
if [[ $shared == ON ]]; then
    ls "$prefix"/lib/libxipy.so* > /dev/null
else
    ls -l "$prefix/lib/libxipy.a"
fi

image=$work/hello.mpy
(cd tests/package && node "$root/tests/reference/mpy-cross.js" hello.py -o "$image")
expected="hello from xipy 285"

# check_host NAME BINARY: runs the host on the image; its first line must be the program's.
check_host() {
    local output
    output=$(LD_LIBRARY_PATH="$prefix/lib" "$2" "$image")
    if [[ $(head -n 1 <<< "$output") != "$expected" ]]; then
        echo "$1: unexpected output:"
        echo "$output"
        exit 1
    fi
    echo "$1: $(tail -n 1 <<< "$output")"
}

echo "== hosts through find_package(xipy)"
cmake -S tests/package -B "$work/hosts-find-package" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$prefix" > "$work/hosts-find-package.log"
cmake --build "$work/hosts-find-package" --parallel "$jobs" >> "$work/hosts-find-package.log"
check_host "find_package C host" "$work/hosts-find-package/c_host"
check_host "find_package C++ host" "$work/hosts-find-package/cpp_host"

echo "== hosts through pkg-config"
mkdir -p "$work/hosts-pkg-config"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
static_flag=--static
[[ $shared == ON ]] && static_flag=
# shellcheck disable=SC2046,SC2086
cc -std=c11 -o "$work/hosts-pkg-config/c_host" tests/package/c_host.c \
    $(pkg-config --cflags xipy) $(pkg-config --libs $static_flag xipy)
# shellcheck disable=SC2046,SC2086
c++ -std=c++20 -o "$work/hosts-pkg-config/cpp_host" tests/package/cpp_host.cpp \
    $(pkg-config --cflags xipy) $(pkg-config --libs $static_flag xipy)
check_host "pkg-config C host" "$work/hosts-pkg-config/c_host"
check_host "pkg-config C++ host" "$work/hosts-pkg-config/cpp_host"

echo "== hosts through FetchContent (add_subdirectory) of the source tree"
# This checks how the project joins another's build, not the optimizer: without a build type
# the second compile of the library takes half the time.
cmake -S tests/package -B "$work/hosts-fetch-content" -DCMAKE_BUILD_TYPE= \
    -DXIPY_SOURCE_DIR="$root" -DBUILD_SHARED_LIBS=$shared > "$work/hosts-fetch-content.log"
cmake --build "$work/hosts-fetch-content" --parallel "$jobs" >> "$work/hosts-fetch-content.log"
LD_LIBRARY_PATH="$work/hosts-fetch-content/_deps/xipy-build" \
    check_host "FetchContent C host" "$work/hosts-fetch-content/c_host"
check_host "FetchContent C++ host" "$work/hosts-fetch-content/cpp_host"
echo "package check ($variant): ok"
