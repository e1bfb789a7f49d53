#!/usr/bin/env bash
# Publish the cog-lsp server as a self-contained program for one runtime
# identifier, into client-vscode/server/<rid>/, where the VS Code extension
# looks for its bundled server. A self-contained build carries the .NET runtime,
# so the people using the extension (Cog users: Python and Docker) need no .NET.
#
#   scripts/publish-server.sh [RID]        # RID defaults to this machine's, e.g. linux-x64
#
# Which build (the project file decides; bench/README.md has the figures):
#   linux-x64, linux-arm64   Native AOT: one native executable (~11 MB), no JIT. Needs clang, and for
#                            linux-arm64 on an x64 machine Debian's arm64 cross toolchain:
#                            scripts/ci-install-toolchains.sh installs both (this script installs nothing).
#   osx-*, win-*, others     self-contained, trimmed, single-file, ReadyToRun (their AOT toolchains
#                            do not run on Linux).
#
# Env:
#   COG_LSP_BUILD=aot|trimmed|untrimmed  override the choice (untrimmed: the older single-file ReadyToRun build)
#   COG_LSP_READY_TO_RUN=0   skip ReadyToRun in the single-file builds (faster publish, slower start-up)
#   COG_LSP_PUBLISH_OUT=DIR  publish somewhere else than client-vscode/server/<rid>
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

default_rid() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    MINGW*|MSYS*|CYGWIN*) os=win ;;
    *) echo "publish-server.sh: unknown OS $(uname -s); pass a RID" >&2; exit 2 ;;
  esac
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "publish-server.sh: unknown CPU $(uname -m); pass a RID" >&2; exit 2 ;;
  esac
  echo "$os-$arch"
}

RID="${1:-$(default_rid)}"
OUT="${COG_LSP_PUBLISH_OUT:-$ROOT/client-vscode/server/$RID}"
R2R="${COG_LSP_READY_TO_RUN:-1}"

BUILD="${COG_LSP_BUILD:-}"
if [ -z "$BUILD" ]; then
  case "$RID" in
    linux-x64|linux-arm64) [ "$(uname -s)" = Linux ] && BUILD=aot || BUILD=trimmed ;;
    *) BUILD=trimmed ;;
  esac
fi

# Native AOT links with the platform's tools: say what is missing rather than fail deep inside the link.
if [ "$BUILD" = aot ]; then
  need=(clang)
  if [ "$RID" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; then need+=(aarch64-linux-gnu-ld); fi
  for tool in "${need[@]}"; do
    command -v "$tool" >/dev/null || { echo "publish-server.sh: Native AOT for $RID needs $tool: run scripts/ci-install-toolchains.sh (or COG_LSP_BUILD=trimmed)" >&2; exit 1; }
  done
fi

props=(
  -c Release
  -r "$RID"
  -p:CogLspBuild="$BUILD"
)
# ReadyToRun (the single-file builds) precompiles the IL so the server answers its first request without
# waiting for the JIT; it needs the crossgen pack for the RID, which restores from NuGet like the runtime pack.
if [ "$R2R" != 1 ]; then props+=(-p:PublishReadyToRun=false); fi

rm -rf "$OUT"
mkdir -p "$OUT"
echo "publish-server.sh: dotnet publish server/CogLsp.Server -r $RID ($BUILD) -> $OUT"
dotnet publish "$ROOT/server/CogLsp.Server/CogLsp.Server.csproj" "${props[@]}" -o "$OUT" -nologo -v:q

exe="$OUT/cog-lsp"
case "$RID" in win-*) exe="$OUT/cog-lsp.exe" ;; esac
[ -f "$exe" ] || { echo "publish-server.sh: $exe was not produced" >&2; exit 1; }
# Symbol files are not needed by users and would only make the .vsix larger.
find "$OUT" -type f \( -name '*.pdb' -o -name '*.dbg' \) -delete
chmod 755 "$exe" 2>/dev/null || true
echo "publish-server.sh: $exe ($(du -h "$exe" | cut -f1))"
