#!/usr/bin/env bash
# Tests the `cog-lsp-check` hook of .pre-commit-hooks.yaml with the real pre-commit (Debian's package):
# a throwaway git repository with Cog projects uses this repository as its hook repo, at a commit that
# holds this working tree (committed or not), and runs `pre-commit run --all-files` twice:
#   1. clean projects: the hook passes;
#   2. a cog.yaml with an error added: the hook fails and names the file, line and rule.
# pre-commit builds the tool itself (`dotnet pack` + `dotnet tool install` from the hook repo), in a
# fresh PRE_COMMIT_HOME, so nothing cached from an earlier run is tested.
#
#   scripts/check-pre-commit.sh      (needs pre-commit: apt-get install -y pre-commit)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v pre-commit >/dev/null || { echo "check-pre-commit: pre-commit is not installed (apt-get install -y pre-commit)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
git_() { git -c user.name=check -c user.email=check@localhost -c init.defaultBranch=main -c commit.gpgsign=false "$@"; }
fail() { echo "check-pre-commit: $*" >&2; exit 1; }

# The hook repository: this working tree as one commit (tracked changes and new files included).
hooks="$work/hook-repo"
git_ clone -q "$ROOT" "$hooks"
git -C "$ROOT" diff HEAD --binary | git -C "$hooks" apply --allow-empty
git -C "$ROOT" ls-files --others --exclude-standard -z | (cd "$ROOT" && xargs -0 -r cp --parents -t "$hooks")
git_ -C "$hooks" add -A
git_ -C "$hooks" commit -q --allow-empty -m "working tree"
rev="$(git -C "$hooks" rev-parse HEAD)"

# The project repository: a clean Cog project, with its requirements file in a subfolder.
project="$work/project"
mkdir -p "$project/model/deps"
cd "$project"
git_ init -q .
cat > model/cog.yaml <<'YAML'
build:
  python_version: "3.11"
  python_requirements: deps/requirements.txt
run: "predict.py:Predictor"
YAML
printf 'numpy==1.26.4\n' > model/deps/requirements.txt
printf 'class Predictor:\n    pass\n' > model/predict.py
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: cog-lsp-check
YAML
git_ add -A

set +e
start=$SECONDS
pre-commit run --all-files >"$work/clean.log" 2>&1
clean=$?
echo "check-pre-commit: first run (hook install included) took $((SECONDS - start)) s"
set -e
[ "$clean" -eq 0 ] || { cat "$work/clean.log"; fail "the hook failed on a clean project (exit $clean)"; }
grep -q "cog-lsp check.*Passed" "$work/clean.log" || { cat "$work/clean.log"; fail "the hook did not run on the clean project"; }

# An unterminated string in a second project's cog.yaml: an error Cog's build stops on.
mkdir -p broken
printf 'build:\n  python_version: "3.11\n' > broken/cog.yaml
git_ add -A
set +e
pre-commit run --all-files >"$work/broken.log" 2>&1
broken=$?
set -e
[ "$broken" -eq 1 ] || { cat "$work/broken.log"; fail "the hook should fail on a cog.yaml with an error (exit $broken)"; }
grep -q "cog-lsp check.*Failed" "$work/broken.log" || { cat "$work/broken.log"; fail "pre-commit did not report the hook as failed"; }
grep -Eq '^broken/cog\.yaml:2:[0-9]+: error COG0001' "$work/broken.log" || { cat "$work/broken.log"; fail "the error is not reported with its file, line and rule"; }
if grep -Eq '^model/.*: error ' "$work/broken.log"; then cat "$work/broken.log"; fail "the clean project was reported with an error"; fi

echo "check-pre-commit: the cog-lsp-check hook passes a clean project and fails on broken/cog.yaml:2 with COG0001"
