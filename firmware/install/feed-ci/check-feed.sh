#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The feed repository's CI gate: checks every post the way the boards will
# (`newsticker --check`, the same gate newsticker-sync applies before a release
# is shown) and draws the preview sheet for a human to look at.
#
#   check-feed.sh [FEED_DIR [OUT_DIR]]      (defaults: . and ./newsticker-check)
#
# Writes OUT_DIR/check.json (`newsticker --check --json`) and OUT_DIR/preview.png
# (`newsticker --preview`: every card, and the rejected files with their
# reasons), prints the readable report, and exits 1 when a file is rejected,
# 2 when newsticker cannot run. NEWSTICKER names the program (default: newsticker
# from PATH, installed by the newsticker .deb).
set -u
feed=${1:-.}
out=${2:-./newsticker-check}
newsticker=${NEWSTICKER:-newsticker}

command -v "$newsticker" >/dev/null 2>&1 || {
  echo "check-feed: $newsticker not found: install the newsticker .deb (apt-get install ./newsticker_*.deb)" >&2
  exit 2
}
mkdir -p "$out" || exit 2

"$newsticker" --check --content "$feed"
"$newsticker" --check --json --content "$feed" > "$out/check.json"
check=$?
"$newsticker" --preview "$out/preview.png" --content "$feed"
preview=$?

if [ "$check" -eq 1 ]; then
  echo "check-feed: rejected files (see above, $out/check.json and $out/preview.png): fix them before they reach the screens" >&2
  exit 1
fi
if [ "$check" -ne 0 ] || [ "$preview" -ne 0 ]; then
  echo "check-feed: newsticker failed (--check exited $check, --preview $preview)" >&2
  exit 2
fi
echo "check-feed: every post passes; preview in $out/preview.png"
