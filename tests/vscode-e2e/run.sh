#!/usr/bin/env bash
# The VS Code end-to-end test, in one command:
#   tests/vscode-e2e/run.sh [--server PATH] [--suite fake,no-server,real] [--only TEXT] [--skip-setup] [--republish]
#                          [--include-disabled]   (also run the rows marked enabled: false)
#
# 1. setup.sh: code-server + playwright-core in a cache folder (idempotent; seconds when warm);
# 2. npm ci (if needed) and the .vsix: the extension plus the self-contained cog-lsp
#    server, published by scripts/publish-server.sh (or the program given with --server);
# 3. drive.mjs: the scenarios of scenarios.mjs in code-server + headless Chromium.
# Screenshots and logs: test-results/vscode-e2e/. The last line is "N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/vscode-e2e"
CACHE="${COG_LSP_E2E_CACHE:-/var/tmp/cog-lsp-vscode-e2e}"
OUT="$ROOT/test-results/vscode-e2e"
SERVER=""
SUITE="fake,no-server,real"
ONLY=""
INCLUDE_DISABLED=""
SKIP_SETUP=0
REPUBLISH=0
while [ $# -gt 0 ]; do
  case "$1" in
    --server) SERVER="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --suite) SUITE="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --include-disabled) INCLUDE_DISABLED=yes; shift ;;
    --skip-setup) SKIP_SETUP=1; shift ;;
    --republish) REPUBLISH=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
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

# The server inside the .vsix: the given program, or a fresh publish of server/CogLsp.Server.
RID=linux-x64
if [ -n "$SERVER" ]; then
  [ -f "$SERVER" ] || fail_all "--server $SERVER is not a file"
  phase "bundling the given server $SERVER"
  rm -rf "client-vscode/server/$RID"
  mkdir -p "client-vscode/server/$RID"
  cp "$SERVER" "client-vscode/server/$RID/cog-lsp"
  chmod 755 "client-vscode/server/$RID/cog-lsp"
else
  BIN="client-vscode/server/$RID/cog-lsp"
  # Reuse a published server when no server source file is newer than it.
  newer=""
  if [ -f "$BIN" ]; then
    newer="$(find server Directory.Build.props Directory.Packages.props -type f -newer "$BIN" \
      -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null | head -1)"
  fi
  if [ "$REPUBLISH" = 0 ] && [ -f "$BIN" ] && [ -z "$newer" ]; then
    phase "the published server $BIN is up to date"
  else
    phase "publishing the server (scripts/publish-server.sh $RID)"
    bash scripts/publish-server.sh "$RID" || fail_all "publishing the server failed"
  fi
fi

phase "packaging the .vsix"
mkdir -p "$OUT"
VSIX_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cog-lsp-vsix.XXXXXX")"
node client-vscode/scripts/package.mjs --target linux-x64 --out "$VSIX_DIR" >"$OUT/package.log" 2>&1 \
  || { tail -30 "$OUT/package.log" >&2; fail_all "packaging failed"; }
VSIX="$(ls "$VSIX_DIR"/*.vsix)"
phase "packaged $(basename "$VSIX") ($(du -h "$VSIX" | cut -f1))"

phase "running the scenarios (suites: $SUITE)"
rm -rf "$OUT"/fake "$OUT"/real "$OUT/result.json"
args=(--cache "$CACHE" --vsix "$VSIX" --out "$OUT" --suite "$SUITE")
[ -n "$ONLY" ] && args+=(--only "$ONLY")
[ -n "$INCLUDE_DISABLED" ] && args+=(--include-disabled yes)
set +e
node "$HERE/drive.mjs" "${args[@]}"
status=$?
set -e
rm -rf "$VSIX_DIR"
phase "done"
exit $status
