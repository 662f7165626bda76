#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The .deb's Depends holds everything its programs need on a board without a
# desktop:
# - every NEEDED library of each ELF file in the package is in a package that
#   Depends names (the package found with dpkg -S in the package architecture's
#   library folders of this machine, where install-deps.sh installed them);
# - the libraries SDL's KMSDRM driver dlopens (libgbm.so.1, libEGL.so.1,
#   libGLESv2.so.2: no ELF header names them) are too, and a package in Depends
#   holds a Mesa DRI driver (*_dri.so).
# The check is also run on the Depends without the package of the program's
# first library, and must fail there.
#   deb_depends_test.sh DEB_DIR    (the folder build_deb.sh wrote)
set -euo pipefail
debs=("$1"/newsticker_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || { echo "FAIL  no newsticker_*.deb in $1"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsticker-deb-depends-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
arch=$(dpkg-deb -f "$deb" Architecture)
multiarch=$(dpkg-architecture -a "$arch" -qDEB_HOST_MULTIARCH 2>/dev/null)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"

# The package (name only) that holds library SONAME for $arch on this machine,
# or nothing; from one dpkg -S over every library folder ($owners).
package_of() { awk -v so="$1" '$2 == so { print $1; exit }' <<< "$owners"; }

# The package names of a Depends field (every alternative; versions and
# architecture qualifiers dropped), one a line.
names_of() { tr ',|' '\n\n' <<< "$1" | sed -E 's/\(.*\)//; s/:[a-z0-9]+//; s/^ +//; s/ +$//' | sed '/^$/d' | sort -u; }

needed=()
while IFS= read -r -d '' file; do
  [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = "177ELF" ] || continue
  while IFS= read -r soname; do needed+=("$soname"); done \
    < <(readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
done < <(find "$tmp/root" -type f -print0)
[ ${#needed[@]} -gt 0 ] || { echo "FAIL  no NEEDED library found in the package's ELF files"; exit 1; }
dlopened=(libgbm.so.1 libEGL.so.1 libGLESv2.so.2)
paths=()
for soname in $(printf '%s\n' "${needed[@]}" "${dlopened[@]}" | sort -u); do
  for dir in "/lib/$multiarch" "/usr/lib/$multiarch" /lib /usr/lib; do paths+=("$dir/$soname"); done
done
# "package:arch: /dir/soname" -> "package soname", first folder first.
owners=$(dpkg -S "${paths[@]}" 2>/dev/null | grep -v '^diversion' | sed -E 's/^([^:]+)(:[^:]+)?: .*\/([^/]+)$/\1 \3/') || true

# missing_from DEPENDS: prints "SONAME (PACKAGE)" for each library whose package
# DEPENDS does not name; status 1 when there is one.
missing_from() {
  local names soname package status=0
  names=$(names_of "$1")
  for soname in $(printf '%s\n' "${needed[@]}" "${dlopened[@]}" | sort -u); do
    package=$(package_of "$soname")
    if [ -z "$package" ]; then
      echo "$soname (no $arch package on this machine holds it: run firmware/install/install-deps.sh)"
      status=1
    elif ! grep -qx "$package" <<< "$names"; then
      echo "$soname ($package)"
      status=1
    fi
  done
  return $status
}

failures=0
check() { if "${@:2}"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }

echo "NEEDED: $(printf '%s\n' "${needed[@]}" | sort -u | tr '\n' ' ')"
if missing=$(missing_from "$depends"); then status=0; else status=1; fi
printf '%s\n' "$missing" | sed '/^$/d; s/^/      | not in Depends: /'
check "each NEEDED and dlopened library's package is in Depends" [ "$status" -eq 0 ]

dri=no
for package in $(dpkg -S "/usr/lib/$multiarch/dri/*_dri.so" 2>/dev/null | sed -E 's/[:,].*//' | sort -u); do
  if grep -qx "$package" <<< "$(names_of "$depends")"; then dri=$package; fi
done
check "a package in Depends holds a Mesa DRI driver ($dri)" [ "$dri" != no ]

first=$(package_of "${needed[0]}")
without=$(names_of "$depends" | grep -vx "$first" | paste -sd, -)
if missing=$(missing_from "$without"); then status=0; else status=1; fi
check "the check fails without $first" [ "$status" -eq 1 ]
check "and names ${needed[0]} ($first)" grep -qF "${needed[0]} ($first)" <<< "$missing"

[ "$failures" -eq 0 ] || { echo "$failures expectation(s) failed"; exit 1; }
echo "all expectations met"
