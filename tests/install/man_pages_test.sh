#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The manual pages the package installs are in step with the programs:
# - every flag `newsticker --help` prints (and each command: fetch, status...) is in
#   newsticker(1), every flag of `newsticker-sync --help` in newsticker-sync(1);
# - every key firmware/Config.cpp reads (key == "..." and the theme's colour
#   and size tables) is a .TP item of newsticker.yaml(5) (as KEY or PARENT.KEY);
# - `man -l` renders each compressed page without a warning.
# The flag check is also run on a page with --json taken out, and must fail.
#   man_pages_test.sh SOURCE_DIR MAN_DIR NEWSTICKER [EMULATOR ARGS...]
#   (MAN_DIR: the build's package-docs/, holding newsticker.1.gz, ...)
set -euo pipefail
source_dir=$1
man_dir=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-man-pages-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

failures=0
check() { if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }

# The page's roff with \- read as -, one file.
page_text() { zcat "$man_dir/$1.gz" | sed 's/\\-/-/g'; }

# missing_flags HELP_TEXT PAGE_TEXT_FILE: prints each --flag (or command) of the
# help that the page does not name; status 1 when there is one.
missing_flags() {
  local flag status=0
  for flag in $(grep -oE -- '--[a-z][a-z-]*' <<< "$1" | sort -u) \
      $(sed -nE 's/^(usage:)? *newsticker ([a-z][a-z-]*).*/\2/p' <<< "$1" | sort -u); do
    if ! grep -qE -- "(^|[^a-z-])$flag([^a-z-]|$)" "$2"; then echo "$flag"; status=1; fi
  done
  return $status
}

help=$("$@" --help)
page_text newsticker.1 > "$tmp/newsticker.1"
if missing=$(missing_flags "$help" "$tmp/newsticker.1"); then status=0; else status=1; fi
check "newsticker(1) names every flag of newsticker --help${missing:+ (missing: $(echo $missing))}" [ "$status" -eq 0 ]
check "newsticker --help has flags to compare ($(grep -oE -- '--[a-z][a-z-]*' <<< "$help" | sort -u | wc -l))" \
  [ "$(grep -oE -- '--[a-z][a-z-]*' <<< "$help" | sort -u | wc -l)" -ge 20 ]
grep -v -- '--json' "$tmp/newsticker.1" > "$tmp/without-json.1"
if missing=$(missing_flags "$help" "$tmp/without-json.1"); then status=0; else status=1; fi
check "the check fails on a page without --json, naming it" [ "$status" -eq 1 -a "$missing" = "--json" ]

sync_help=$(bash "$source_dir/firmware/install/newsticker-sync" --help)
page_text newsticker-sync.1 > "$tmp/newsticker-sync.1"
if missing=$(missing_flags "$sync_help" "$tmp/newsticker-sync.1"); then status=0; else status=1; fi
check "newsticker-sync(1) names every flag of newsticker-sync --help${missing:+ (missing: $(echo $missing))}" \
  [ "$status" -eq 0 ]

# Keys: those Config.cpp compares with (key == "x") or lists in a table ({"x", &...}).
keys=$(grep -oE 'key == "[a-z_]+"|\{"[a-z_]+", &' "$source_dir/firmware/Config.cpp" | grep -oE '"[a-z_]+"' | tr -d '"' |
  sort -u)
# The page's items: the first word after each .TP, its last dotted part.
page_text newsticker.yaml.5 | awk '/^\.TP/ { getline; sub(/^\.[A-Z]+ /, ""); sub(/ .*/, ""); print }' |
  sed 's/.*\.//; s/:$//' | sort -u > "$tmp/items"
missing_keys=$(comm -23 <(echo "$keys") "$tmp/items" | tr '\n' ' ')
check "newsticker.yaml(5) has an item for each of the $(echo "$keys" | wc -l) keys Config.cpp reads${missing_keys:+ (missing: $missing_keys)}" \
  [ -z "$missing_keys" ]
check "Config.cpp's keys were found (at least 40)" [ "$(echo "$keys" | wc -l)" -ge 40 ]

for page in newsticker.1 newsticker-sync.1 newsticker.yaml.5; do
  MANWIDTH=100 man --warnings -l "$man_dir/$page.gz" > "$tmp/rendered" 2> "$tmp/warnings" || true
  sed 's/^/      | /' "$tmp/warnings"
  check "man -l renders $page without a warning ($(wc -l < "$tmp/rendered") lines)" \
    [ ! -s "$tmp/warnings" -a "$(wc -l < "$tmp/rendered")" -gt 40 ]
done

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
