#!/usr/bin/env bash
# Installs, with Debian's apt, what publishing and checking the Native AOT servers needs beyond the .NET SDK:
#   clang                       the linker driver Native AOT calls (linux-x64 and linux-arm64)
#   binutils                    objcopy, to split debug symbols off the executable (not shipped)
#   binutils-aarch64-linux-gnu  the arm64 linker, for cross-compiling linux-arm64 on an x64 machine
#   gcc-aarch64-linux-gnu       the arm64 C start-up objects and libgcc (pulls libc6-dev-arm64-cross)
#   libc6-dev-arm64-cross       the arm64 glibc to link against, and its loader for qemu (/usr/aarch64-linux-gnu)
#   qemu-user                   runs the arm64 server on this machine (scripts/check-arm64.sh)
# zlib is not needed: the AOT runtime packs carry their own libz.a. Run as root (CI is); nothing else installs.
set -euo pipefail
packages=(clang binutils binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-install-toolchains.sh: all present"
  exit 0
fi
echo "ci-install-toolchains.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
