#!/usr/bin/env bash
# Checks `xipy embed`: every byte value and the length survive the trip into a C array header.
# Usage: tools/check_embed.sh [XIPY]   (default build/xipy)
set -euo pipefail
xipy=${1:-build/xipy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# All 256 byte values, then a NUL and a byte >= 0x80 at the end, where a text tool would trip.
for value in $(seq 0 255); do printf "\\$(printf '%03o' "$value")"; done >"$work/payload.bin"
printf '\000\377' >>"$work/payload.bin"
"$xipy" embed "$work/payload.bin" -o "$work/payload.h" --name payload
"$xipy" embed "$work/payload.bin" >"$work/default_name.h"
grep -q 'static const uint8_t payload_bin\[\]' "$work/default_name.h"
"$xipy" embed --help | grep -q 'usage: xipy embed FILE'
if "$xipy" embed "$work/payload.bin" --name 9bad 2>/dev/null; then
    echo "check_embed: a name that is not a C identifier was accepted" >&2
    exit 1
fi
cat >"$work/check.c" <<'C'
#include <stdio.h>
#include "payload.h"
int main(void) {
    if (payload_length != 258 || payload[256] != 0 || payload[257] != 0xff) return 1;
    for (int value = 0; value < 256; ++value) {
        if (payload[value] != value) return 1;
    }
    puts("embed ok");
    return 0;
}
C
cc -std=c11 -Wall -Werror -I"$work" "$work/check.c" -o "$work/check"
"$work/check"
