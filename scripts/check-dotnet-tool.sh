#!/usr/bin/env bash
# Proves the README's .NET tool install: packs server/CogLsp.Server into a local feed, installs the
# CogLsp package from that feed into a temporary tool path (what `dotnet tool install -g` does, without
# touching the user's global tools), and runs the installed `cog-lsp check` on the bundled examples.
# The installed tool must exit with 0 or 1 (1 = an error-severity diagnostic) and print exactly what
# `dotnet run … check` prints for the same projects, in text and JSON. The rule reference the
# diagnostics link to must be installed beside the tool.
#
#   scripts/check-dotnet-tool.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
projects=(examples/seed-project examples/legacy-project)

fail() { echo "check-dotnet-tool: $*" >&2; exit 1; }

# The README's command, with the feed and the tool path in the temporary folder.
dotnet pack server/CogLsp.Server -c Release -o "$work/feed" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack failed"; }
ls "$work/feed"/CogLsp.*.nupkg >/dev/null 2>&1 || fail "dotnet pack wrote no CogLsp package"
dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" CogLsp >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dotnet tool install failed"; }
tool="$work/tools/cog-lsp"
[ -x "$tool" ] || fail "the installed package has no cog-lsp command"

run_both() { # run_both NAME ARGS… : the installed tool and `dotnet run` with the same arguments
  local name="$1" code
  shift
  set +e
  "$tool" "$@" >"$work/$name.tool" 2>&1
  code=$?
  dotnet run --project server/CogLsp.Server -- "$@" >"$work/$name.run" 2>&1
  local run_code=$?
  set -e
  [ "$code" -le 1 ] || { cat "$work/$name.tool"; fail "installed cog-lsp $* exited with $code"; }
  [ "$code" -eq "$run_code" ] || fail "installed cog-lsp $* exited with $code, dotnet run with $run_code"
  diff -u "$work/$name.run" "$work/$name.tool" || fail "installed cog-lsp $* prints something else than dotnet run"
  [ -s "$work/$name.tool" ] || fail "installed cog-lsp $* printed nothing"
}

run_both text check "${projects[@]}"
run_both json check --format json "${projects[@]}"

# Diagnostic links point at docs/diagnostics.md beside the binary; the package must carry it.
docs="$(find "$work/tools/.store" -path '*/tools/*/any/docs/diagnostics.md' | head -n 1)"
[ -n "$docs" ] || fail "the installed tool has no docs/diagnostics.md beside it"
cmp -s "$docs" docs/diagnostics.md || fail "the installed docs/diagnostics.md differs from the repository's"

echo "check-dotnet-tool: installed cog-lsp from a local feed; check output equals dotnet run's on ${projects[*]}"
