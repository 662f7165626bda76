#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# `newsticker --version` prints the project's version (CMake's project()) and
# the git revision the program was built from: the source's commit, 12 hex
# digits, with -dirty when tracked files differ from it (build again after a
# commit or an edit before this test).
#   version_test.sh SOURCE_DIR VERSION NEWSTICKER [EMULATOR ARGS...]
set -euo pipefail
source_dir=$1
version=$2
shift 2
out=$("$@" --version)
echo "$out"
if commit=$(git -C "$source_dir" rev-parse --short=12 HEAD 2>/dev/null); then
  git -C "$source_dir" diff --quiet HEAD -- || commit="$commit-dirty"
  expected="newsticker $version (git $commit)"
else
  expected="newsticker $version (git unknown)"
fi
if [ "$out" = "$expected" ]; then
  echo "ok    --version prints '$expected'"
else
  echo "FAIL  --version prints '$out', expected '$expected'"
  exit 1
fi
