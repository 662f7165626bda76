#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Drives firmware/install/newsticker-sync against a local git feed (a bare
# repository reached by file:// URL, holding a copy of content/demo): first
# sync, a new post, a post that fails `newsticker --check` (the shown release
# stays), the fix, rollback and its hold, pruning; then the rsync method when
# rsync is installed. Needs git and the built newsticker.
#   newsticker_sync_test.sh SOURCE_DIR NEWSTICKER [EMULATOR ARGS...]
set -euo pipefail
source_dir=$1
shift
command -v git >/dev/null || { echo "FAIL: git is not installed (apt-get install git, or run firmware/install/install-deps.sh)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-sync-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The program, run through the cross build's emulator when there is one.
newsticker=$1
shift
printf '#!/bin/sh\nexec %s %s "$@"\n' "$*" "$newsticker" > "$tmp/newsticker"
chmod +x "$tmp/newsticker"
sync=("$source_dir/firmware/install/newsticker-sync" --config "$tmp/sync.conf")

export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
unset JOURNAL_STREAM

failures=0
check() { # DESCRIPTION COMMAND...: one line per expectation
  if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi
}
shown() { readlink "$tmp/srv/feed"; }
passes_check() { "$tmp/newsticker" --check --content "$1" > /dev/null 2>&1; }
head_of() { git -C "$tmp/work" rev-parse --short=12 HEAD; }
publish() { # MESSAGE: commit everything in the editor's clone and push it
  git -C "$tmp/work" add -A
  git -C "$tmp/work" commit --quiet -m "$1"
  git -C "$tmp/work" push --quiet origin main
}
run_sync() { # -> $status, $output
  set +e
  output=$("${sync[@]}" 2>&1)
  status=$?
  set -e
  printf '%s\n' "$output" | sed 's/^/      | /'
}

# The feed repository, as an editor would make it.
git init --quiet --bare -b main "$tmp/feed.git"
git init --quiet -b main "$tmp/work"
cp -a "$source_dir/content/demo/." "$tmp/work/"
git -C "$tmp/work" remote add origin "file://$tmp/feed.git"
publish "demo feed"
mkdir "$tmp/srv"
cat > "$tmp/sync.conf" <<CONF
# test configuration
METHOD=git
SOURCE=file://$tmp/feed.git
BRANCH=main
FEED=$tmp/srv/feed
NEWSTICKER=$tmp/newsticker
CHECK_CONFIG=
METRICS_DIR=$tmp/metrics
CONF
mkdir "$tmp/metrics"
metric() { sed -n "s/^$1 //p" "$tmp/metrics/newsticker-sync.prom"; }
# `newsticker status` reads the file with the exposition format's rules (2: broken).
status_of() { "$tmp/newsticker" status --metrics-dir "$tmp/metrics" 2>&1; }
metrics_parse() { local st=0; status_of > /dev/null || st=$?; [ "$st" -ne 2 ]; }

echo "== first sync"
run_sync
first=$(head_of)
check "exit status 0" [ "$status" -eq 0 ]
check "feed is a symlink to releases/<time>-$first" bash -c "[ -L '$tmp/srv/feed' ] && [[ \$(readlink '$tmp/srv/feed') == releases/*-$first ]]"
check "the release passes newsticker --check" passes_check "$tmp/srv/feed"
check "the release holds no .git" [ ! -e "$tmp/srv/feed/.git" ]
release1=$(shown)
check "newsticker-sync.prom parses (newsticker status)" metrics_parse
check "the metrics name the revision shown" grep -q "^newsticker_sync_revision_info{revision=\"$first\",release=\"${release1#releases/}\"} 1$" "$tmp/metrics/newsticker-sync.prom"
check "the last run succeeded" [ "$(metric newsticker_sync_last_run_success)" = 1 ]
check "status says it for a person" grep -q "^sync:     revision $first shown; last run .* ok; last success" <<< "$(status_of)"
if command -v promtool > /dev/null; then check "promtool check metrics agrees" promtool check metrics < "$tmp/metrics/newsticker-sync.prom"; fi
first_success=$(metric newsticker_sync_last_success_timestamp_seconds)
check "file mode 0644 for node_exporter" [ "$(stat -c %a "$tmp/metrics/newsticker-sync.prom")" = 644 ]

echo "== nothing new"
run_sync
check "exit status 0" [ "$status" -eq 0 ]
check "same release" [ "$(shown)" = "$release1" ]
check "quiet when up to date" [ -z "$output" ]

echo "== a new post"
cat > "$tmp/work/posts/2026-12-05-sync-test-post.md" <<'POST'
---
title: The Fleet Picks Up a New Post
author: Sync Test
---
Every board shows this post after its next sync.
POST
publish "new post"
second=$(head_of)
run_sync
check "exit status 0" [ "$status" -eq 0 ]
check "feed flipped to the new revision" bash -c "[[ \$(readlink '$tmp/srv/feed') == releases/*-$second ]]"
check "the new post is in the shown folder" [ -f "$tmp/srv/feed/posts/2026-12-05-sync-test-post.md" ]
check "previous points at the first release" [ "$(readlink "$tmp/srv/previous")" = "$release1" ]
release2=$(shown)

echo "== a broken post (no title) fails the check"
printf -- '---\nauthor: Nobody\n---\nA post without a title.\n' > "$tmp/work/posts/2026-12-06-broken.md"
publish "broken post"
run_sync
check "exit status 1" [ "$status" -eq 1 ]
check "the shown release stays" [ "$(shown)" = "$release2" ]
check "the log says why" grep -q "2026-12-06-broken.md:2: title is missing" <<< "$output"
check "no half-made release is left" bash -c "! ls -a '$tmp/srv/releases' | grep -q '^\.new'"
check "the metrics: the run failed, the revision is refused" [ "$(metric newsticker_sync_last_run_success) $(metric newsticker_sync_refused)" = "0 1" ]
check "the last success stays" [ "$(metric newsticker_sync_last_success_timestamp_seconds)" -ge "$first_success" ]
check "the metrics still parse" metrics_parse
run_sync
check "the same revision again: exit 1, one line" bash -c "[ $status -eq 1 ] && [ \$(printf '%s\n' \"\$0\" | wc -l) -eq 1 ]" "$output"
check "the shown release still stays" [ "$(shown)" = "$release2" ]

echo "== the fix"
sed -i 's/^author: Nobody$/title: Fixed Post\nauthor: Nobody/' "$tmp/work/posts/2026-12-06-broken.md"
publish "fix the post"
fourth=$(head_of)
run_sync
check "exit status 0" [ "$status" -eq 0 ]
check "feed flipped to the fixed revision" bash -c "[[ \$(readlink '$tmp/srv/feed') == releases/*-$fourth ]]"
check "only the shown and the previous release are kept" [ "$(find "$tmp/srv/releases" -mindepth 1 -maxdepth 1 | wc -l)" -eq 2 ]
check "the first release is pruned" [ ! -e "$tmp/srv/$release1" ]
release4=$(shown)

echo "== rollback"
run_sync_args() { sync=("$source_dir/firmware/install/newsticker-sync" --config "$tmp/sync.conf" "$@"); run_sync; sync=("${sync[@]:0:3}"); }
run_sync_args --rollback
check "exit status 0" [ "$status" -eq 0 ]
check "feed is the previous release again" [ "$(shown)" = "$release2" ]
check "previous is the release rolled back from" [ "$(readlink "$tmp/srv/previous")" = "$release4" ]
run_sync
check "a sync keeps the rollback while the source has not moved" [ "$(shown)" = "$release2" ]
check "exit status 0 while held" [ "$status" -eq 0 ]
run_sync_args --status
check "--status names the hold" grep -q "held: .*$fourth" <<< "$output"
printf -- '---\ntitle: After the Rollback\n---\nAnother post.\n' > "$tmp/work/posts/2026-12-07-after-rollback.md"
publish "after the rollback"
fifth=$(head_of)
run_sync
check "a new revision ends the hold" bash -c "[[ \$(readlink '$tmp/srv/feed') == releases/*-$fifth ]]"
check "the display's folder still checks" passes_check "$tmp/srv/feed"

echo "== the display follows the flip (newsticker --headless on the feed symlink)"
"$tmp/newsticker" --headless --content "$tmp/srv/feed" --duration 1 > "$tmp/display.log" 2>&1 &
display=$!
for _ in $(seq 100); do grep -q "output" "$tmp/display.log" && break; sleep 0.2; done
printf -- '---\ntitle: On Every Screen\n---\nThe display reloads by itself.\n' > "$tmp/work/posts/2026-12-08-on-every-screen.md"
publish "one more post"
run_sync
posts=$(find "$tmp/srv/feed/posts/" -type f | wc -l)
for _ in $(seq 150); do grep -q "reloaded .*: $posts cards" "$tmp/display.log" && break; sleep 0.2; done
kill -TERM "$display" 2> /dev/null
for _ in $(seq 50); do kill -0 "$display" 2> /dev/null || break; sleep 0.2; done
if kill -KILL "$display" 2> /dev/null; then echo "      (the display ignored SIGTERM for 10 s: killed)"; fi
wait "$display" 2> /dev/null || true
sed 's/^/      | /' "$tmp/display.log"
check "the display reloaded the new release ($posts cards) within 30 s" grep -q "reloaded .*: $posts cards" "$tmp/display.log"

echo "== the config is checked"
printf 'SOURCE=x\nSOMETHING=else\n' > "$tmp/bad.conf"
set +e
out=$("$source_dir/firmware/install/newsticker-sync" --config "$tmp/bad.conf" 2>&1); st=$?
set -e
check "an unknown key: exit 2 with its line" bash -c "[ $st -eq 2 ] && grep -q 'bad.conf:2: unknown key' <<< \"\$0\"" "$out"

if command -v rsync >/dev/null; then
  echo "== rsync"
  mkdir "$tmp/srv2"
  cat > "$tmp/sync.conf" <<CONF
METHOD=rsync
SOURCE=$tmp/work
FEED=$tmp/srv2/feed
NEWSTICKER=$tmp/newsticker
CHECK_CONFIG=
CONF
  run_sync
  check "exit status 0" [ "$status" -eq 0 ]
  check "feed is a release without .git" bash -c "[ -L '$tmp/srv2/feed' ] && [ -f '$tmp/srv2/feed/feed.yaml' ] && [ ! -e '$tmp/srv2/feed/.git' ]"
  r1=$(readlink "$tmp/srv2/feed")
  run_sync
  check "unchanged files: same release" [ "$(readlink "$tmp/srv2/feed")" = "$r1" ]
  printf -- '---\ntitle: By rsync\n---\nBody.\n' > "$tmp/work/posts/2026-12-08-rsync.md"
  run_sync
  check "a changed file: a new release" bash -c "[ \$(readlink '$tmp/srv2/feed') != '$r1' ] && [ -f '$tmp/srv2/feed/posts/2026-12-08-rsync.md' ]"
else
  echo "note: rsync is not installed; the rsync method was not tested"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures expectation(s) failed"
  exit 1
fi
echo "all expectations met"
