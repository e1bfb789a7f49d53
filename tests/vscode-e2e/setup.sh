#!/usr/bin/env bash
# Prepare everything the VS Code end-to-end test needs, in a cache folder:
# code-server (VS Code in the browser), playwright-core (to drive Debian's
# Chromium) and node-gyp (to build code-server's native modules here).
#
#   tests/vscode-e2e/setup.sh [CACHE_DIR]
#
# CACHE_DIR defaults to $COG_LSP_E2E_CACHE or /var/tmp/cog-lsp-vscode-e2e, so a
# second run on the same machine takes a few seconds. Every step first checks
# whether its result is already there, so the script can be re-run at will.
#
# Why the detours: this machine reaches only the npm registry, NuGet and Debian
# apt. code-server's normal install downloads ripgrep and prebuilt native
# binaries from GitHub and calls `npx node-gyp`; all of that is replaced below by
# Debian's ripgrep and local node-gyp builds against the installed Node headers.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3     # VS Code 1.100.3; the last code-server that runs on Node 20
PLAYWRIGHT_CORE_VERSION=1.65.1
NODE_GYP_VERSION=12.4.0

CACHE="${1:-${COG_LSP_E2E_CACHE:-/var/tmp/cog-lsp-vscode-e2e}}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
START=$SECONDS
say() { printf '[e2e-setup %3ds] %s\n' "$((SECONDS - START))" "$*"; }
fail() { echo "tests/vscode-e2e/setup.sh: $*" >&2; exit 1; }

# ------------------------------------------------------------ system packages
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
[ "$node_major" = 20 ] || fail "code-server $CODE_SERVER_VERSION needs Node 20 (found: $node_major)"
missing=()
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)
[ -x /usr/bin/rg ] || missing+=(ripgrep)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "please install with apt-get: ${missing[*]}"
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >"$CACHE/apt.log" 2>&1 \
    || { apt-get update >>"$CACHE/apt.log" 2>&1 && apt-get install -y --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1; } \
    || { tail -20 "$CACHE/apt.log" >&2; fail "apt-get install failed"; }
fi

# node-gyp must use the headers of the Node that is installed, never download them.
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
[ -f "$NODE_PREFIX/include/node/node.h" ] || fail "no Node headers under $NODE_PREFIX/include/node"
export npm_config_nodedir="$NODE_PREFIX" npm_config_yes=false npm_config_audit=false \
  npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
export JOBS="${JOBS:-max}"

# ---------------------------------------------------------------- npm install
cd "$CACHE"
version_of() { node -p "try { require('./node_modules/$1/package.json').version } catch { '' }"; }
cat > package.json <<EOF
{
  "name": "cog-lsp-vscode-e2e-cache",
  "private": true,
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "node-gyp": "$NODE_GYP_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
if [ "$(version_of code-server)" = "$CODE_SERVER_VERSION" ] && [ "$(version_of playwright-core)" = "$PLAYWRIGHT_CORE_VERSION" ] \
   && [ "$(version_of node-gyp)" = "$NODE_GYP_VERSION" ]; then
  say "npm packages present"
else
  say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION node-gyp@$NODE_GYP_VERSION"
  # Install scripts stay off: code-server's would reach GitHub (see the top of this file).
  npm install --ignore-scripts --no-audit --no-fund >"$CACHE/npm-install.log" 2>&1 \
    || { tail -30 "$CACHE/npm-install.log" >&2; fail "npm install failed"; }
fi

CS="$CACHE/node_modules/code-server"
VSC="$CS/lib/vscode"
NODE_GYP="$CACHE/node_modules/node-gyp/bin/node-gyp.js"
export PATH="$CACHE/node_modules/.bin:$PATH"

can_load() { (cd "$1" && node -e 'require(process.argv[1])' "$2") >/dev/null 2>&1; }
build_log() { echo "$CACHE/build-$(echo "$1" | tr '/@' '__').log"; }

# argon2 is loaded by code-server's command line even with --auth none; its
# installer would fetch a prebuilt binary, so compile it.
if can_load "$CACHE" argon2; then
  say "argon2 loads"
else
  say "compiling argon2"
  log="$(build_log argon2)"
  (cd "$CACHE/node_modules/argon2" && node ../@mapbox/node-pre-gyp/bin/node-pre-gyp rebuild --build-from-source) >"$log" 2>&1 \
    || { tail -30 "$log" >&2; fail "argon2 build failed (log: $log)"; }
  can_load "$CACHE" argon2 || fail "argon2 was built but does not load"
fi

# VS Code's own server dependencies.
cd "$VSC"
if [ -f node_modules/node-pty/package.json ] && [ -f node_modules/@vscode/ripgrep/package.json ]; then
  say "VS Code server dependencies present"
else
  say "npm install in lib/vscode (production, no scripts)"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >"$CACHE/npm-install-vscode.log" 2>&1 \
    || { tail -30 "$CACHE/npm-install-vscode.log" >&2; fail "npm install in lib/vscode failed"; }
fi

# Native modules, compiled with node-gyp against the local headers.
# (@parcel/watcher arrives prebuilt in its per-platform npm package.)
for mod in node-pty @vscode/spdlog native-watchdog @vscode/deviceid kerberos; do
  if can_load "$VSC" "$mod"; then
    say "$mod loads"
    continue
  fi
  say "compiling $mod"
  log="$(build_log "$mod")"
  (cd "node_modules/$mod" && node "$NODE_GYP" rebuild --nodedir="$NODE_PREFIX" --jobs="$JOBS") >"$log" 2>&1 \
    || { tail -30 "$log" >&2; fail "building $mod failed (log: $log)"; }
  can_load "$VSC" "$mod" || fail "$mod was built but does not load"
done
can_load "$VSC" @parcel/watcher || fail "@parcel/watcher does not load"

# Quick Open and search run ripgrep; Debian's binary stands in for the download.
mkdir -p node_modules/@vscode/ripgrep/bin
if ! cmp -s /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg; then
  say "using Debian's ripgrep"
  install -m 755 /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
fi

# What code-server's post-install script would have done besides the above.
[ -L node_modules.asar ] || { rm -rf node_modules.asar; ln -s node_modules node_modules.asar; }
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
cd "$VSC/extensions"
if [ ! -f node_modules/typescript/package.json ]; then
  say "npm install in lib/vscode/extensions"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund >"$CACHE/npm-install-extensions.log" 2>&1 \
    || { tail -30 "$CACHE/npm-install-extensions.log" >&2; fail "npm install in lib/vscode/extensions failed"; }
  node ./postinstall.mjs >/dev/null
fi

# ----------------------------------------------------------------- smoke test
cd "$CACHE"
mkdir -p "$CACHE/smoke"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$CACHE/smoke/config.yaml"
version="$(XDG_CONFIG_HOME="$CACHE/smoke" XDG_DATA_HOME="$CACHE/smoke" node "$CS/out/node/entry.js" --config "$CACHE/smoke/config.yaml" --version | head -1)"
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) fail "code-server --version printed '$version'" ;;
esac
say "ready: code-server $version; $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
echo "$CACHE"
