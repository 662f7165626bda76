#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Builds the .deb of a build folder with cpack into OUT_DIR (emptied first), as
# `cd build && cpack -G DEB` does; the tests labelled "install" read it there.
#   build_deb.sh BUILD_DIR OUT_DIR [CPACK]
set -euo pipefail
build_dir=$1
out_dir=$2
cpack=${3:-cpack}
rm -rf "$out_dir"
mkdir -p "$out_dir"
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$out_dir" > "$out_dir/cpack.log" 2>&1 || {
  cat "$out_dir/cpack.log"
  echo "FAIL  cpack -G DEB"
  exit 1
}
debs=("$out_dir"/newsticker_*.deb)
[ -f "${debs[0]}" ] || { cat "$out_dir/cpack.log"; echo "FAIL  cpack wrote no newsticker_*.deb"; exit 1; }
echo "built ${debs[0]}"
