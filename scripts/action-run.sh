#!/usr/bin/env bash
# The body of the GitHub Action (action.yml): installs cog-lsp from the action's own checkout and runs
# `cog-lsp check --format github` on the workspace, so each diagnostic becomes an annotation.
#
# Env (set by the runner, or by scripts/check-action.sh):
#   GITHUB_ACTION_PATH  the action's checkout (this repository)
#   RUNNER_TEMP         where the package feed and the tool path go (kept for later steps of the job)
#   GITHUB_WORKSPACE    the repository being checked; paths are relative to it
#   COG_LSP_PATHS       folders or files, separated by whitespace (default: .)
#   COG_LSP_SEVERITY    ID=level overrides, separated by whitespace
# Exit code: check's own: 0 clean, 1 an error-severity diagnostic, 2 a usage error; 3 when the tool
# cannot be installed.
set -euo pipefail

: "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH (the checkout of the action) is not set}"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set}"
: "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "::error title=cog-lsp::The .NET 10 SDK is needed to install cog-lsp; add actions/setup-dotnet with dotnet-version 10.0.x before this step."
  exit 3
fi

# One install per job and action checkout: a second use of the action in the same job reuses it.
key="$(git -C "$GITHUB_ACTION_PATH" rev-parse HEAD 2>/dev/null || echo local)"
home="$RUNNER_TEMP/cog-lsp/$key"
tool="$home/tools/cog-lsp"
if [ ! -x "$tool" ]; then
  echo "::group::Install cog-lsp"
  rm -rf "$home"
  if ! dotnet pack "$GITHUB_ACTION_PATH/server/CogLsp.Server" -c Release -o "$home/feed" \
    || ! dotnet tool install --tool-path "$home/tools" --add-source "$home/feed" CogLsp; then
    echo "::endgroup::"
    echo "::error title=cog-lsp::cog-lsp could not be built and installed from $GITHUB_ACTION_PATH"
    exit 3
  fi
  echo "::endgroup::"
fi

read -r -d '' -a paths <<<"${COG_LSP_PATHS:-.}" || true
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=()
read -r -d '' -a overrides <<<"${COG_LSP_SEVERITY:-}" || true
for entry in "${overrides[@]}"; do
  args+=(--severity "$entry")
done

cd "$GITHUB_WORKSPACE"
set +e
"$tool" check --format github "${args[@]}" "${paths[@]}"
code=$?
set -e
exit "$code"
