#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The docs check: runs the shell blocks README.md and docs/*.md mark as
# runnable, and holds the blocks they say CI runs to CI's script.
# - A ```sh block right after a `<!-- runnable -->` line (blank lines between
#   allowed) is run with bash -eu -o pipefail; each file's blocks in order, in
#   one scratch folder of that file, with the built newsticker first on PATH,
#   SDL's dummy video driver and a cache of its own.
# - A ```sh block after `<!-- ci: FILE -->`: each of its lines must be a line
#   of FILE (relative to the source), so the README's commands are what CI runs.
# The same check is also run on a page with a failing block and a command CI
# does not run, and must fail on both.
#   run_blocks.sh SOURCE_DIR NEWSTICKER [EMULATOR ARGS...]   (the emulator, if any, before the program)
set -euo pipefail
source_dir=$(cd "$1" && pwd)
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-docs-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/cache" "$tmp/tmp"
{ printf '#!/bin/sh\nexec'; printf ' %q' "$@"; printf ' "$@"\n'; } > "$tmp/bin/newsticker"
chmod +x "$tmp/bin/newsticker"

# extract DIR MARKDOWN...: writes each marked block to DIR/N.sh and prints
# "FILE<TAB>LINE<TAB>KIND<TAB>TARGET<TAB>BLOCK" for each (KIND run or ci).
extract() {
  local dir=$1
  shift
  mkdir -p "$dir"
  awk -v dir="$dir" '
    FNR == 1 { state = ""; pending = "" }
    {
      line = $0; t = line; sub(/^[ \t]+/, "", t); sub(/[ \t]+$/, "", t)
      if (state == "block") {
        if (t == "```") { state = ""; close(out); next }
        if (substr(line, 1, indent) ~ /^[ \t]*$/) line = substr(line, indent + 1)
        print line > out
        next
      }
      if (t == "<!-- runnable -->") { pending = "run"; target = "-"; next }
      if (t ~ /^<!-- ci: [^ ]+ -->$/) {
        pending = "ci"; target = t; sub(/^<!-- ci: /, "", target); sub(/ -->$/, "", target); next
      }
      if (pending != "" && t == "```sh") {
        n++; out = dir "/" n ".sh"; indent = length(line) - length(t)
        printf "" > out
        printf "%s\t%d\t%s\t%s\t%s\n", FILENAME, FNR, pending, target, out
        state = "block"; pending = ""
        next
      }
      if (t != "") pending = ""
    }' "$@"
}

# check_files NAME MARKDOWN...: runs and checks every marked block of the
# files; prints ok/FAIL per block; status 1 when one failed. Sets $blocks_run
# and $blocks_ci.
check_files() {
  local name=$1 failed=0 file line kind target block scratch status out
  shift
  blocks_run=0 blocks_ci=0
  while IFS=$'\t' read -r file line kind target block; do
    local where=${file#"$source_dir"/}:$line
    if [ "$kind" = run ]; then
      blocks_run=$((blocks_run + 1))
      scratch=$tmp/run/$name/$(basename "$file" .md)
      mkdir -p "$scratch"
      set +e
      out=$(cd "$scratch" && PATH="$tmp/bin:$PATH" SDL_VIDEODRIVER=dummy XDG_CACHE_HOME="$tmp/cache" \
        TMPDIR="$tmp/tmp" timeout 120 bash -eu -o pipefail "$block" 2>&1)
      status=$?
      set -e
      if [ "$status" -eq 0 ]; then
        echo "ok    $where runs ($(head -n 1 "$block"))"
      else
        echo "FAIL  $where exits $status ($(head -n 1 "$block"))"
        printf '%s\n' "$out" | tail -n 20 | sed 's/^/      | /'
        failed=1
      fi
    else
      blocks_ci=$((blocks_ci + 1))
      local missing=0 command
      while IFS= read -r command; do
        [ -n "$command" ] || continue
        if ! grep -qxF -- "$command" "$source_dir/$target" 2>/dev/null; then
          echo "FAIL  $where: $target does not run: $command"
          missing=1
        fi
      done < "$block"
      if [ "$missing" -eq 0 ]; then echo "ok    $where is run by $target"; else failed=1; fi
    fi
  done < <(extract "$tmp/blocks/$name" "$@")
  return $failed
}

failures=0
cd "$source_dir"
if check_files docs README.md docs/*.md; then status=0; else status=1; fi
[ "$status" -eq 0 ] || failures=$((failures + 1))
echo "($blocks_run blocks run, $blocks_ci held to CI)"
if [ "$blocks_run" -lt 2 ] || [ "$blocks_ci" -lt 2 ]; then
  echo "FAIL  fewer marked blocks than the README has (runnable 2, ci 2): were the markers changed?"
  failures=$((failures + 1))
fi

# The check itself must fail on a failing block and on a command CI does not run.
mkdir -p "$tmp/self"
printf '# Self-check\n\n<!-- runnable -->\n```sh\ntrue\nfalse\n```\n\n<!-- ci: .ci/run -->\n```sh\necho not in CI\n```\n' \
  > "$tmp/self/bad.md"
self=$(check_files self "$tmp/self/bad.md" || true)
if grep -q "FAIL  .*bad.md:4 exits 1" <<< "$self" && grep -q "FAIL  .*does not run: echo not in CI" <<< "$self"; then
  echo "ok    the check fails on a failing block and on a command CI does not run"
else
  printf '%s\n' "$self" | sed 's/^/      | /'
  echo "FAIL  the check did not fail on the self-check page"
  failures=$((failures + 1))
fi

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
