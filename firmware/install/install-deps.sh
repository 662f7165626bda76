#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs every Debian 12 package newsticker needs to build, test, package
# and run. Safe to run again: it installs only what is missing. Needs root (or sudo).
#
#   install-deps.sh           for a native build on this machine
#   install-deps.sh --arm64   for a cross build for arm64 boards: the cross
#                             compiler, qemu-user for the tests, and the :arm64
#                             -dev packages (adds the arm64 architecture to dpkg)
#
# Debian's libyaml-cpp-dev cannot be installed for two architectures at once:
# each mode replaces the other's, so keep cross builds in their own machine or
# chroot if you build natively too.
set -euo pipefail

case ${1:-} in
  "") mode=native ;;
  --arm64) mode=arm64 ;;
  *) echo "usage: install-deps.sh [--arm64]" >&2; exit 2 ;;
esac

native=$(dpkg --print-architecture)
# Tools and data that run on this machine (and architecture-independent ones).
tools=(
  cmake pkg-config doctest-dev git zbar-tools
  file dpkg-dev binutils  # cpack's dependency scan (dpkg-shlibdeps) and tests/install/deb_depends_test.sh
  lintian                 # tests/install/deb_lintian_test.sh
  fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core fonts-symbola fonts-noto-core
  # Hyphenation patterns (render/Hyphenator.cpp; the tests hyphenate German,
  # English, French, Tamil and Hindi; the .deb recommends more).
  hyphen-de hyphen-en-us hyphen-fr hyphen-ta hyphen-hi
)
# The libraries newsticker links, as -dev packages of the target architecture.
libraries=(
  libsdl2-dev libsdl2-ttf-dev libharfbuzz-dev libsdl2-image-dev
  libyaml-cpp-dev libicu-dev libmd4c-dev libqrencode-dev libwebp-dev libsystemd-dev
  libcurl4-openssl-dev libexpat1-dev libtomlplusplus-dev libdrm-dev libhyphen-dev
)
# What the .deb depends on that no ELF header names (SDL's KMSDRM driver
# dlopens EGL, GLES and GBM and needs a Mesa DRI driver), of the target
# architecture: tests/install/deb_depends_test.sh finds their files.
libraries+=(libegl1 libgles2 libgbm1 libgl1-mesa-dri)
# The fleet's Ansible role and playbooks are checked and run by a test
# (tests/install/ansible_test.sh): ansible-core and ansible-lint.
tools+=(ansible-core ansible-lint)
# The generators the site fixtures are compared with (tests/content/generator_compare_test.sh);
# the Jekyll fixture names the jekyll-feed plugin.
tools+=(hugo jekyll ruby-jekyll-feed)
# The style checks (tests/style/): clang-format and clang-tidy.
tools+=(clang-format clang-tidy)
# Header-only and architecture-independent (Architecture: all): installed for
# the build machine in both modes, found by a cross build all the same.
tools+=(nlohmann-json3-dev)
if [ "$mode" = native ]; then
  target=$native
  # xvfb, libx11-dev and libxext-dev: tests/bench/run's screen (Xvfb) and its
  # screen-settle tool.
  tools+=(build-essential xvfb libx11-dev libxext-dev)
  # tests/system/board-test: the .deb booted as a board in a virtual machine.
  tools+=(qemu-system-x86 qemu-utils debootstrap e2fsprogs python3-pil)
  # tests/content/feedparser_reference_test.cpp: the reference feed reader
  # (python3-feedparser, run by /usr/bin/python3) that fetched feeds are compared with.
  tools+=(python3-feedparser)
else
  target=arm64
  tools+=(crossbuild-essential-arm64 qemu-user-static)
fi

# PACKAGE ARCH: installed for ARCH (or architecture-independent)? A package
# installed for another architecture does not count.
installed() {
  dpkg-query -W -f='${Status} ${Architecture}\n' "$1" 2>/dev/null |
    grep -qE "^install ok installed ($2|all)$"
}
missing=()
for p in "${tools[@]}"; do installed "$p" "$native" || missing+=("$p:$native"); done
for p in "${libraries[@]}"; do installed "$p" "$target" || missing+=("$p:$target"); done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all $(( ${#tools[@]} + ${#libraries[@]} )) packages present ($mode)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing ${missing[*]}; run this script as root" >&2
  exit 1
fi

if [ "$target" != "$native" ] && ! dpkg --print-foreign-architectures | grep -qx "$target"; then
  echo "install-deps: adding the $target architecture to dpkg"
  "${as_root[@]}" dpkg --add-architecture "$target"
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
