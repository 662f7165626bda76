#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The Ansible role and playbooks of firmware/install/ansible: syntax and
# ansible-lint; the role's settings rendered from inventory variables and
# read by the programs that use them; and the collect playbook against this
# machine (ansible_connection=local) with two real headless displays and one
# board that runs none, ending in the contact sheet. Needs ansible-core (and
# ansible-lint when installed) and the built newsticker.
#   ansible_test.sh SOURCE_DIR NEWSTICKER [EMULATOR ARGS...]
set -euo pipefail
source_dir=$1
newsticker=$(realpath "$2")
shift 2
command -v ansible-playbook > /dev/null ||
  { echo "FAIL: ansible-playbook is not installed (apt-get install ansible-core, or run firmware/install/install-deps.sh)"; exit 1; }
playbooks=$source_dir/firmware/install/ansible
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-ansible-test.XXXXXX")
displays=()
cleanup() {
  for pid in "${displays[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${displays[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
printf '#!/bin/sh\nexec %s %s "$@"\n' "$*" "$newsticker" > "$tmp/newsticker"
chmod +x "$tmp/newsticker"
export ANSIBLE_CONFIG=$playbooks/ansible.cfg ANSIBLE_LOCAL_TEMP=$tmp/ansible-local ANSIBLE_NOCOLOR=1
export ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_PYTHON_INTERPRETER=/usr/bin/python3
unset JOURNAL_STREAM

failures=0
check() { # DESCRIPTION COMMAND...: one line per expectation
  if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi
}
play() { # LOG PLAYBOOK ARGS...: runs ansible-playbook, its output indented in LOG
  local log=$1
  shift
  set +e
  (cd "$playbooks" && ansible-playbook "$@") > "$log" 2>&1
  status=$?
  set -e
  sed 's/^/      | /' "$log" | grep -v '^      | *$' | tail -n 25
}

echo "== syntax"
# (inventory.example.yml is the same with other values; ansible-lint reads both playbooks.)
for inventory in inventory-local-vms.example.yml; do
  play "$tmp/syntax.log" --syntax-check -i "$inventory" site.yml collect.yml
  check "site.yml and collect.yml with $inventory" [ "$status" -eq 0 ]
done
if command -v ansible-lint > /dev/null; then
  set +e
  lint=$(cd "$playbooks" && HOME=$tmp ansible-lint --offline --nocolor -p site.yml collect.yml 2>&1)
  lint_status=$?
  set -e
  printf '%s\n' "$lint" | tail -n 5 | sed 's/^/      | /'
  check "ansible-lint passes (production profile)" [ "$lint_status" -eq 0 ]
else
  echo "note: ansible-lint is not installed; not linted"
fi

echo "== the settings from inventory variables"
mkdir -p "$tmp/srv" "$tmp/etc" "$tmp/metrics"
cat > "$tmp/settings.yml" <<INV
boards:
  hosts:
    board-a:
      ansible_connection: local
      newsticker_config_extra: {rotation: 90}
  vars:
    newsticker_become: false
    newsticker_manage_units: false
    newsticker_etc_dir: $tmp/etc
    newsticker_file_owner: $(id -un)
    newsticker_file_group: $(id -gn)
    newsticker_metrics_dir: $tmp/metrics
    newsticker_config:
      content: $source_dir/content/demo
      duration: 12
      display: {"on": "07:00", "off": "20:00", cec: true}
    newsticker_sync:
      SOURCE: https://git.example.org/lobby/feed.git
      BRANCH: main
      FEED: $tmp/srv/feed
INV
play "$tmp/settings.log" -i "$tmp/settings.yml" site.yml --tags config
check "site.yml --tags config runs" [ "$status" -eq 0 ]
check "config.yaml has the host's extra key and the metrics folder" \
  grep -qx "rotation: 90" "$tmp/etc/config.yaml"
check "config.yaml names the metrics folder" grep -qx "metrics_dir: $tmp/metrics" "$tmp/etc/config.yaml"
reads_config() { "$tmp/newsticker" --config "$tmp/etc/config.yaml" --check > /dev/null; }
check "newsticker reads config.yaml (--check exits 0)" reads_config
reads_sync_conf() { "$source_dir/firmware/install/newsticker-sync" --config "$tmp/etc/sync.conf" --status > /dev/null; }
check "newsticker-sync reads sync.conf" reads_sync_conf
check "sync.conf passes METRICS_DIR on" grep -qx "METRICS_DIR=$tmp/metrics" "$tmp/etc/sync.conf"
sed -i 's/{"on": "07:00", "off": "20:00", cec: true}/{on: "07:00", off: "20:00"}/' "$tmp/settings.yml"
play "$tmp/unquoted.log" -i "$tmp/settings.yml" site.yml --tags config
check "an unquoted on: is refused with the reason" \
  bash -c "[ $status -ne 0 ] && grep -q 'under newsticker_config.display' '$tmp/unquoted.log'"
sed -i 's/{on: "07:00", off: "20:00"}/{"on": "07:00", "off": "20:00", cec: true}/' "$tmp/settings.yml"
play "$tmp/settings2.log" -i "$tmp/settings.yml" site.yml --tags config
check "a second run changes nothing" grep -q "changed=0" "$tmp/settings2.log"

echo "== collect: two displays and a board without one"
start_display() { # NAME
  mkdir -p "$tmp/$1/run" "$tmp/$1/metrics"
  printf 'metrics_dir: %s\nduration: 30\n' "$tmp/$1/metrics" > "$tmp/$1/config.yaml"
  XDG_RUNTIME_DIR=$tmp/$1/run "$tmp/newsticker" --config "$tmp/$1/config.yaml" --headless "${@:2}" \
    > "$tmp/$1/display.log" 2>&1 &
  displays+=($!)
}
start_display board-a --content "$source_dir/content/demo"
start_display board-b --content "$source_dir/content/demo" --rotate 90
for _ in $(seq 100); do
  [ -e "$tmp/board-a/metrics/newsticker.prom" ] && [ -e "$tmp/board-b/metrics/newsticker.prom" ] && break
  sleep 0.1
done
cat > "$tmp/fleet.yml" <<INV
boards:
  hosts:
    board-a: {newsticker_runtime_dir: $tmp/board-a/run/newsticker, newsticker_metrics_dir: $tmp/board-a/metrics}
    board-b: {newsticker_runtime_dir: $tmp/board-b/run/newsticker, newsticker_metrics_dir: $tmp/board-b/metrics}
    board-c: {newsticker_runtime_dir: $tmp/board-c/run, newsticker_metrics_dir: $tmp/board-c}
  vars:
    ansible_connection: local
    newsticker_become: false
    newsticker_program: $tmp/newsticker
INV
mkdir -p "$tmp/board-c"
play "$tmp/collect.log" -i "$tmp/fleet.yml" collect.yml -e "newsticker_collect_dir=$tmp/collected" \
  -e "newsticker_sheet_program=$tmp/newsticker"
check "collect.yml runs" [ "$status" -eq 0 ]
[ "$status" -eq 0 ] || { cat "$tmp/collect.log"; tail -n 5 "$tmp"/board-?/display.log; }
for board in board-a board-b; do
  check "$board: screen.png collected" [ -s "$tmp/collected/$board/screen.png" ]
  check "$board: its status collected" grep -q "^display:  on; newsticker" "$tmp/collected/$board/status.txt"
done
check "board-b's screen stands upright (1024x768 turned back: 768 wide)" \
  python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); sys.exit(struct.unpack('>II', d[16:24]) != (768, 1024))" \
  "$tmp/collected/board-b/screen.png"
check "board-c: no screen, and its status says why" \
  bash -c "[ ! -e '$tmp/collected/board-c/screen.png' ] && grep -q 'no running display' '$tmp/collected/board-c/status.txt'"
check "the contact sheet is written" [ -s "$tmp/collected/contact-sheet.png" ]
check "the sheet is a PNG 3 boards wide (1584 px)" \
  python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); sys.exit(d[:8]!=b'\x89PNG\r\n\x1a\n' or struct.unpack('>I', d[16:20])[0] != 1584)" \
  "$tmp/collected/contact-sheet.png"
if [ -n "${NEWSTICKER_KEEP_SHEET:-}" ]; then cp "$tmp/collected/contact-sheet.png" "$NEWSTICKER_KEEP_SHEET"; fi

if [ "$failures" -ne 0 ]; then
  echo "$failures expectation(s) failed"
  exit 1
fi
echo "all expectations met"
