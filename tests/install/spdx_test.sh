#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Every source file names its licence in its first comment: the line
# "// SPDX-License-Identifier: Apache-2.0" (C and C++) or
# "# SPDX-License-Identifier: Apache-2.0" (CMake, shell, Python) among its first
# three lines, after a #! line. Source files: those git tracks (else those under
# SOURCE_DIR outside build folders) named *.cpp, *.hpp, *.h, *.c, *.cmake,
# CMakeLists.txt, *.sh or *.py, or starting with #!.
# The check is also run on a file without the line, and must name it.
#   spdx_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-spdx-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The comment that starts the licence line of FILE, or nothing for a file that is not source.
prefix_of() {
  case $1 in
    *.cpp|*.hpp|*.h|*.c) echo "//" ;;
    *.cmake|*/CMakeLists.txt|CMakeLists.txt|*.sh|*.py) echo "#" ;;
    *) if [ "$(head -c 2 "$1")" = '#!' ]; then echo "#"; fi ;;
  esac
}

# lacking FILE...: prints each source file without the licence line; counts the
# source files in $checked.
lacking() {
  local file prefix
  checked=0
  for file in "$@"; do
    [ -f "$file" ] || continue
    prefix=$(prefix_of "$file")
    [ -n "$prefix" ] || continue
    checked=$((checked + 1))
    if ! awk 'NR == 1 && /^#!/ { next } { print; if (++n == 3) exit }' "$file" |
        grep -xF "$prefix SPDX-License-Identifier: Apache-2.0" >/dev/null; then
      echo "$file"
    fi
  done
}

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files)
else
  mapfile -t files < <(find . -path './build*' -prune -o -type f -print | sed 's|^\./||')
fi
lacking "${files[@]}" > "$tmp/missing"
missing=$(cat "$tmp/missing")
failures=0
if [ -z "$missing" ]; then
  echo "ok    all $checked source files carry SPDX-License-Identifier: Apache-2.0"
else
  printf '%s\n' "$missing" | sed 's/^/      | no licence line: /'
  echo "FAIL  $(wc -l <<< "$missing") of $checked source files lack '// SPDX-License-Identifier: Apache-2.0'" \
    "(# for CMake and scripts) in their first comment"
  failures=$((failures + 1))
fi
if [ "$checked" -lt 100 ]; then
  echo "FAIL  only $checked source files found: the file list is wrong"
  failures=$((failures + 1))
fi

printf '#!/bin/sh\n# a script without its licence line\necho hi\n' > "$tmp/script"
printf '#!/bin/sh\n# SPDX-License-Identifier: Apache-2.0\necho hi\n' > "$tmp/good-script"
printf '// a header with the licence too late\n//\n//\n// SPDX-License-Identifier: Apache-2.0\n' > "$tmp/late.hpp"
self=$(lacking "$tmp/script" "$tmp/good-script" "$tmp/late.hpp" | sed "s|$tmp/||" | tr '\n' ' ')
if [ "$self" = "script late.hpp " ]; then
  echo "ok    the check names a script without the line and a header with it after line 3"
else
  echo "FAIL  the self-check named '$self', expected 'script late.hpp '"
  failures=$((failures + 1))
fi

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
