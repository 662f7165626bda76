#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# firmware/install/feed-ci/check-feed.sh, the feed repository's CI gate: a good
# feed passes with check.json and preview.png written; a post without a title
# fails it (exit 1) and is named in the output and in check.json.
#   check_feed_test.sh SOURCE_DIR NEWSTICKER [EMULATOR ARGS...]
set -euo pipefail
source_dir=$1
newsticker=$2
shift 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-check-feed-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nexec %s %s "$@"\n' "$*" "$newsticker" > "$tmp/newsticker"
chmod +x "$tmp/newsticker"
export NEWSTICKER=$tmp/newsticker
cp -a "$source_dir/content/demo" "$tmp/feed"

failures=0
check() { if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }

set +e
out=$(sh "$source_dir/firmware/install/feed-ci/check-feed.sh" "$tmp/feed" "$tmp/out" 2>&1); status=$?
set -e
check "a good feed passes" [ "$status" -eq 0 ]
check "check.json is written" grep -q '"rejected": \[\]' "$tmp/out/check.json"
check "preview.png is a PNG" bash -c "head -c 8 '$tmp/out/preview.png' | od -An -c | grep -q 'P   N   G'"

printf -- '---\nauthor: Nobody\n---\nNo title here.\n' > "$tmp/feed/posts/2026-12-06-broken.md"
set +e
out=$(sh "$source_dir/firmware/install/feed-ci/check-feed.sh" "$tmp/feed" "$tmp/out" 2>&1); status=$?
set -e
printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/      | /'
check "a post without a title fails it with status 1" [ "$status" -eq 1 ]
check "the output names the file and the reason" grep -q "2026-12-06-broken.md:2: title is missing" <<< "$out"
check "check.json lists it as rejected" grep -q '"file": "posts/2026-12-06-broken.md"' "$tmp/out/check.json"
check "the preview sheet is still written" [ -s "$tmp/out/preview.png" ]

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
