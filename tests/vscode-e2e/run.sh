#!/usr/bin/env bash
# The VS Code end-to-end test, in one command:
#   tests/vscode-e2e/run.sh [--vsix FILE | --server PATH] [--suite fake,no-server,real] [--only TEXT] [--skip-setup]
#                          [--republish] [--include-disabled] [--update-images]
#   --include-disabled  also run the rows marked enabled: false
#   --update-images     after a passing run, copy the screenshots the README uses into client-vscode/images/
#
# 1. setup.sh: code-server + playwright-core in a cache folder (idempotent; seconds when warm);
# 2. npm ci (if needed) and the .vsix: the given one, or artifacts/cog-lsp-<version>-linux-x64.vsix
#    (the extension plus the self-contained server; packaged again when out of date);
# 3. drive.mjs: the scenarios of scenarios.mjs in code-server + headless Chromium.
# Screenshots and logs: test-results/vscode-e2e/. The last line is "N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/vscode-e2e"
CACHE="${COG_LSP_E2E_CACHE:-/var/tmp/cog-lsp-vscode-e2e}"
OUT="$ROOT/test-results/vscode-e2e"
SERVER=""
VSIX=""
UPDATE_IMAGES=0
SUITE="fake,no-server,universal,real"
ONLY=""
INCLUDE_DISABLED=""
SKIP_SETUP=0
REPUBLISH=0
while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --vsix) VSIX="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --update-images) UPDATE_IMAGES=1; shift ;;
    --suite) SUITE="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --include-disabled) INCLUDE_DISABLED=yes; shift ;;
    --skip-setup) SKIP_SETUP=1; shift ;;
    --republish) REPUBLISH=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

START=$SECONDS
phase() { printf '[vscode-e2e %4ds] %s\n' "$((SECONDS - START))" "$*"; }
fail_all() { echo "run.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

if [ "$SKIP_SETUP" != 1 ]; then
  phase "setup (code-server, playwright-core) in $CACHE"
  bash "$HERE/setup.sh" "$CACHE" || fail_all "setup failed"
fi

cd "$ROOT"
if [ ! -x node_modules/.bin/vsce ] || [ ! -x node_modules/.bin/esbuild ]; then
  phase "npm ci"
  mkdir -p "$ROOT/test-results"
  npm ci --no-audit --no-fund >"$ROOT/test-results/npm-ci.log" 2>&1 || { tail -30 "$ROOT/test-results/npm-ci.log" >&2; fail_all "npm ci failed"; }
fi

# The .vsix under test: the one given with --vsix, as is; otherwise the linux-x64 package in
# artifacts/ made by client-vscode/scripts/package.mjs (which publishes the self-contained server
# with scripts/publish-server.sh when server/ changed), or one with the program given by --server.
mkdir -p "$OUT"
VERSION="$(node -p "require('./client-vscode/package.json').version")"
if [ -n "$VSIX" ]; then
  [ -f "$VSIX" ] || fail_all "--vsix $VSIX is not a file"
  phase "using the given package $VSIX"
  # The universal package next to it (as npm run package writes them) serves the universal suite.
  UNIVERSAL="$(dirname "$VSIX")/cog-lsp-$VERSION.vsix"
elif [ -n "$SERVER" ]; then
  [ -f "$SERVER" ] || fail_all "--server $SERVER is not a file"
  phase "bundling the given server $SERVER"
  rm -rf "client-vscode/server/linux-x64"
  mkdir -p "client-vscode/server/linux-x64"
  cp "$SERVER" "client-vscode/server/linux-x64/cog-lsp"
  chmod 755 "client-vscode/server/linux-x64/cog-lsp"
  VSIX_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cog-lsp-vsix.XXXXXX")"
  node client-vscode/scripts/package.mjs --target linux-x64,universal --out "$VSIX_DIR" >"$OUT/package.log" 2>&1 \
    || { tail -30 "$OUT/package.log" >&2; fail_all "packaging failed"; }
  VSIX="$VSIX_DIR/cog-lsp-$VERSION-linux-x64.vsix"
  UNIVERSAL="$VSIX_DIR/cog-lsp-$VERSION.vsix"
else
  phase "packaging artifacts/cog-lsp-$VERSION-linux-x64.vsix (publishing the server if server/ changed)"
  COG_LSP_REPUBLISH=$REPUBLISH node client-vscode/scripts/package.mjs --target linux-x64,universal >"$OUT/package.log" 2>&1 \
    || { tail -30 "$OUT/package.log" >&2; fail_all "packaging failed"; }
  VSIX="$ROOT/artifacts/cog-lsp-$VERSION-linux-x64.vsix"
  UNIVERSAL="$ROOT/artifacts/cog-lsp-$VERSION.vsix"
fi
phase "installing $(basename "$VSIX") ($(du -h "$VSIX" | cut -f1))"

phase "running the scenarios (suites: $SUITE)"
rm -rf "$OUT"/fake "$OUT"/no-server "$OUT"/universal "$OUT"/real "$OUT"/images "$OUT/result.json"
args=(--cache "$CACHE" --vsix "$VSIX" --out "$OUT" --suite "$SUITE")
[ -f "$UNIVERSAL" ] && args+=(--vsix-universal "$UNIVERSAL")
[ -n "$ONLY" ] && args+=(--only "$ONLY")
[ -n "$INCLUDE_DISABLED" ] && args+=(--include-disabled yes)
set +e
node "$HERE/drive.mjs" "${args[@]}"
status=$?
set -e
[ -n "${VSIX_DIR:-}" ] && rm -rf "$VSIX_DIR"
if [ "$UPDATE_IMAGES" = 1 ]; then
  [ "$status" = 0 ] || { echo "run.sh: not updating client-vscode/images/ after a failed run" >&2; exit $status; }
  cp "$OUT"/images/*.png "$ROOT/client-vscode/images/"
  phase "copied $(ls "$OUT"/images | tr '\n' ' ')to client-vscode/images/"
fi
phase "done"
exit $status
