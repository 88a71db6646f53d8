#!/usr/bin/env bash
# Checks (or with --fix, applies) .clang-format on xipy's own C and C++ files.
#
#   tools/check_format.sh          exit 1 and show the offending lines if any file is off
#   tools/check_format.sh --fix    rewrite the files in place
#
# Formatting differs between clang-format releases; the project pins version 14
# (Debian 12's), and uses clang-format-14 when both names are installed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

formatter=""
for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null 2>&1; then
        formatter=$candidate
        break
    fi
done
[[ -n "$formatter" ]] || { echo "check_format: clang-format 14 is not installed (apt-get install clang-format)" >&2; exit 1; }
if ! "$formatter" --version | grep -q 'version 14\.'; then
    echo "check_format: warning: $("$formatter" --version) is not version 14; results may differ from CI" >&2
fi

folders=()
for folder in src include tests/unit examples; do
    [[ -d "$folder" ]] && folders+=("$folder")
done
files=()
if [[ ${#folders[@]} -gt 0 ]]; then
    mapfile -t files < <(find "${folders[@]}" -type f \
        \( -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp' -o -name '*.inc' \) | sort)
fi
if [[ ${#files[@]} -eq 0 ]]; then
    echo "check_format: no C/C++ files to check"
    exit 0
fi

if [[ "${1:-}" == "--fix" ]]; then
    "$formatter" -i "${files[@]}"
    echo "check_format: formatted ${#files[@]} files"
    exit 0
fi
if "$formatter" --dry-run --Werror "${files[@]}"; then
    echo "check_format: ${#files[@]} files formatted correctly"
else
    echo "check_format: files above are not formatted; run 'make format' (clang-format -i)" >&2
    exit 1
fi
