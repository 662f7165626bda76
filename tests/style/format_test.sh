#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The C++ sources follow .clang-format: clang-format (Debian's clang-format
# package) would change none of them. The check is first run on a badly
# formatted file, and must flag it. Fix a failure with:
#   clang-format -i $(git ls-files '*.cpp' '*.hpp')
#   format_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"
if ! command -v clang-format >/dev/null 2>&1; then
  echo "skipped: clang-format is not installed (apt-get install clang-format)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-format-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The check can fail: a file with a 3-space indent and a 200-column line is flagged.
cp .clang-format "$tmp/.clang-format"
printf 'int f() {\n   return 1;}\nint g(int aaaaaaaaaa, int bbbbbbbbbb, int cccccccccc, int dddddddddd, int eeeeeeeeee, int ffffffffff, int gggggggggg, int hhhhhhhhhh) { return 0; }\n' >"$tmp/bad.cpp"
if clang-format --dry-run -Werror "$tmp/bad.cpp" >/dev/null 2>&1; then
  echo "FAIL: clang-format does not flag a badly formatted file: the check cannot fail"
  exit 1
fi

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
else
  mapfile -t files < <(find content render firmware tests -name '*.cpp' -o -name '*.hpp' | sort)
fi
bad=()
for file in "${files[@]}"; do
  clang-format --dry-run -Werror "$file" >/dev/null 2>&1 || bad+=("$file")
done
if [ "${#bad[@]}" -gt 0 ]; then
  echo "FAIL: ${#bad[@]} of ${#files[@]} files are not as .clang-format says (clang-format -i FILE fixes one):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "ok: ${#files[@]} C++ files as .clang-format says"
