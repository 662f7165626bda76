#!/usr/bin/env bash
# Installs every Debian 12 package newsticker needs to build, test and run.
# Safe to run again: it installs only what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libyaml-cpp-dev doctest-dev libicu-dev libmd4c-dev libqrencode-dev zbar-tools libwebp-dev libsystemd-dev
  fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core fonts-symbola
)

# Installed for this machine's architecture (or arch-independent): a foreign
# :arm64 -dev package from a cross build does not count.
native=$(dpkg --print-architecture)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status} ${Architecture}\n' "$p" 2>/dev/null |
    grep -qE "^install ok installed ($native|all)$" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
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

echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]/%/:$native}"
