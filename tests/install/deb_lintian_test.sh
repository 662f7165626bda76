#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The .deb is lintian-clean: Debian's lintian with every tag shown (--pedantic
# --display-info --display-experimental) reports nothing that is not overridden, with
# a reason, in the package's /usr/share/lintian/overrides/newsticker. And its
# version is the project's: the newest changelog.Debian.gz entry names the
# package's Version. Skipped (status 77) when lintian is not installed, and
# for a sanitizer build's package.
#   deb_lintian_test.sh DEB_DIR    (the folder build_deb.sh wrote)
set -euo pipefail
debs=("$1"/newsticker_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { echo "FAIL  no newsticker_*.deb in $1"; exit 1; }
if ! command -v lintian >/dev/null 2>&1; then
  echo "SKIP  lintian is not installed (apt-get install lintian, or run firmware/install/install-deps.sh)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-deb-lintian-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A package of a sanitizer build (CI's first stage) is not what ships: its
# program's bytes differ (the spelling override below names bytes of the
# release build's code), so lintian judges only a release build's package.
if dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/newsticker | grep -c -a "AddressSanitizer" >/dev/null; then
  echo "SKIP  $deb is a sanitizer build's package; lintian checks the release build's"
  exit 77
fi

failures=0
check() { if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }

# Every tag counts (E: W: I: P: X: C:), and so does lintian's own failure
# (a status other than 0); overridden tags are shown as O: (--show-overrides)
# and do not count. (--fail-on is not used: Debian 12's lintian counts shown
# overrides there.)
set +e
lintian --pedantic --display-info --info --display-experimental --show-overrides --tag-display-limit 0 \
  "$deb" > "$tmp/lintian.txt" 2>&1
status=$?
set -e
sed 's/^/      | /' "$tmp/lintian.txt"
tags=$(grep -cE '^[EWIPXC]: ' "$tmp/lintian.txt" || true)
check "lintian reports no tag that is not overridden ($tags)" [ "$tags" -eq 0 ]
check "lintian exits 0 (got $status)" [ "$status" -eq 0 ]

version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -x "$deb" "$tmp/root"
changelog_version=$(zcat "$tmp/root/usr/share/doc/newsticker/changelog.Debian.gz" | sed -n '1s/^newsticker (\([^)]*\)).*/\1/p')
check "changelog.Debian.gz's newest entry is the package's version ($changelog_version = $version)" \
  [ "$changelog_version" = "$version" ]
check "the copyright file is machine-readable (DEP-5)" \
  grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  "$tmp/root/usr/share/doc/newsticker/copyright"

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
