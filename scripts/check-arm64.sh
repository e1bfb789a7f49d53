#!/usr/bin/env bash
# The linux-arm64 server must answer like the linux-x64 one. Publishes both (Native AOT; the arm64 one
# cross-compiled), runs `check --format json` on the bundled examples with each — the arm64 one under
# qemu-user with Debian's arm64 loader and libc — and fails unless the outputs are byte for byte equal.
#
#   scripts/check-arm64.sh        # needs what scripts/ci-install-toolchains.sh installs
#
# Env: COG_LSP_CHECK_DIR=DIR keeps the two builds and outputs there (default: a temporary folder, removed);
#      COG_LSP_SERVER_X64=DIR / COG_LSP_SERVER_ARM64=DIR use servers already published there instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

QEMU="$(command -v qemu-aarch64 || command -v qemu-aarch64-static || true)"
SYSROOT=/usr/aarch64-linux-gnu
[ -n "$QEMU" ] || { echo "check-arm64.sh: qemu-aarch64 not found: run scripts/ci-install-toolchains.sh" >&2; exit 1; }
[ -e "$SYSROOT/lib/ld-linux-aarch64.so.1" ] || { echo "check-arm64.sh: no arm64 loader in $SYSROOT: run scripts/ci-install-toolchains.sh" >&2; exit 1; }

work="${COG_LSP_CHECK_DIR:-$(mktemp -d)}"
[ -n "${COG_LSP_CHECK_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

x64="${COG_LSP_SERVER_X64:-$work/linux-x64}"
arm64="${COG_LSP_SERVER_ARM64:-$work/linux-arm64}"
[ -n "${COG_LSP_SERVER_X64:-}" ] || COG_LSP_PUBLISH_OUT="$x64" bash scripts/publish-server.sh linux-x64
[ -n "${COG_LSP_SERVER_ARM64:-}" ] || COG_LSP_PUBLISH_OUT="$arm64" bash scripts/publish-server.sh linux-arm64

# ELF e_machine (2 bytes at offset 18): 0xb7 is AArch64, 0x3e x86-64.
machine() { od -An -tx2 -j18 -N2 "$1" | tr -d ' '; }
[ "$(machine "$arm64/cog-lsp")" = 00b7 ] || { echo "check-arm64.sh: $arm64/cog-lsp is not an arm64 executable" >&2; exit 1; }
[ "$(machine "$x64/cog-lsp")" = 003e ] || { echo "check-arm64.sh: $x64/cog-lsp is not an x86-64 executable" >&2; exit 1; }

examples=(examples/seed-project examples/legacy-project)
run() { # run LABEL COMMAND...: `check` exits 1 when it reports errors, which is not a failure here; 2 and up are.
  local label="$1"; shift
  local code=0
  "$@" check --format json "${examples[@]}" > "$work/$label.json" || code=$?
  [ "$code" -le 1 ] || { echo "check-arm64.sh: $label check exited with $code" >&2; exit 1; }
  echo "$code" > "$work/$label.code"
}
run x64 "$x64/cog-lsp"
run arm64 "$QEMU" -L "$SYSROOT" "$arm64/cog-lsp"

if ! cmp -s "$work/x64.code" "$work/arm64.code" || ! cmp -s "$work/x64.json" "$work/arm64.json"; then
  echo "check-arm64.sh: the linux-arm64 server's output differs from the linux-x64 server's:" >&2
  diff "$work/x64.json" "$work/arm64.json" >&2 || true
  exit 1
fi
count=$(grep -c '"code":' "$work/x64.json" || true)
[ "$count" -gt 0 ] || { echo "check-arm64.sh: no diagnostics in the output; the comparison proves nothing" >&2; exit 1; }
echo "check-arm64.sh: linux-arm64 (qemu) and linux-x64 agree: $count diagnostics, exit code $(cat "$work/x64.code")"
