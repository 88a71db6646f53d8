#!/usr/bin/env bash
# Installs what xipy's builds and tests need beyond a stock Debian 12 developer machine.
#
#   tools/setup.sh [reference] [multilib]     (no argument: both)
#
# reference: the pinned reference MicroPython toolchain in tests/reference/node_modules,
#            (re)installed with `npm ci` when missing or older than package-lock.json.
# multilib:  Debian's g++-multilib, for the -m32 build; installed with apt-get when
#            missing and we are root, otherwise this fails and says what to run.
# It is safe to run again: each part does nothing when already in place.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
reference_dir="$root/tests/reference"
# npm ci leaves this stamp; it holds the checksum of the lock file it installed.
reference_stamp="$reference_dir/node_modules/.xipy-lock-checksum"

fail() {
    echo "setup: $*" >&2
    exit 1
}

require_command() {
    command -v "$1" >/dev/null 2>&1 || fail "'$1' is not installed; $2"
}

setup_reference() {
    require_command node "install Node.js 20 (Debian: apt-get install nodejs npm)"
    require_command npm "install npm (Debian: apt-get install npm)"
    local wanted
    wanted=$(sha256sum "$reference_dir/package-lock.json" | cut -d' ' -f1)
    if [[ -f "$reference_stamp" && "$(cat "$reference_stamp")" == "$wanted" ]]; then
        echo "setup: reference toolchain is up to date"
        return
    fi
    echo "setup: installing the reference toolchain (npm ci in tests/reference)"
    (cd "$reference_dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$wanted" >"$reference_stamp"
}

# True when the C++ compiler can build and link a 32-bit program.
can_build_32_bit() {
    local probe
    probe=$(mktemp -d)
    echo 'int main() { return 0; }' >"$probe/probe.cpp"
    local status=0
    g++ -m32 "$probe/probe.cpp" -o "$probe/probe" >/dev/null 2>&1 || status=1
    rm -rf "$probe"
    return $status
}

setup_multilib() {
    if can_build_32_bit; then
        echo "setup: 32-bit toolchain (g++-multilib) is present"
        return
    fi
    if [[ $(id -u) -ne 0 ]]; then
        fail "the -m32 build needs g++-multilib; run: sudo apt-get update && sudo apt-get install -y g++-multilib"
    fi
    echo "setup: installing g++-multilib with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++-multilib >/dev/null
    can_build_32_bit || fail "g++-multilib is installed but g++ -m32 still cannot link a program"
}

parts=("$@")
if [[ ${#parts[@]} -eq 0 ]]; then
    parts=(reference multilib)
fi
for part in "${parts[@]}"; do
    case "$part" in
        reference) setup_reference ;;
        multilib) setup_multilib ;;
        *) fail "unknown part '$part' (expected: reference, multilib)" ;;
    esac
done
