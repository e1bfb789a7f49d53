#!/usr/bin/env bash
# Tests the GitHub Action locally: reads action.yml (python3 with PyYAML), requires a composite action
# whose step runs scripts/action-run.sh, and runs that step's `run` line with the step's env as the
# runner would (inputs substituted, GITHUB_ACTION_PATH / RUNNER_TEMP / GITHUB_WORKSPACE set) on a
# throwaway workspace with a clean and a broken Cog project. It asserts the annotations and exit codes:
#   1. default inputs: `::error file=broken/cog.yaml,line=2,…` and exit 1;
#   2. severity COG0001=warning: the same place as `::warning` and exit 0 (the installed tool is reused);
#   3. paths limited to the clean project: no annotation of the broken one and exit 0.
#
#   scripts/check-action.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python3 -c 'import yaml' 2>/dev/null || { echo "check-action: python3 yaml is needed (apt-get install -y python3-yaml)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-action: $*" >&2; exit 1; }

# The step of action.yml as the runner would run it: `bash -c RUN` with the step's env, ${{ inputs.X }}
# replaced by the given input or the input's default. Anything else in ${{ }} is not simulated.
step_script() { # step_script INPUTS_JSON > script
  python3 - "$ROOT/action.yml" "$1" <<'PY'
import json, re, shlex, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
given = json.loads(sys.argv[2])
runs = action.get("runs") or {}
if runs.get("using") != "composite":
    sys.exit("action.yml: runs.using is not composite")
steps = [s for s in runs.get("steps") or [] if "scripts/action-run.sh" in str(s.get("run", ""))]
if len(steps) != 1:
    sys.exit("action.yml: expected one step that runs scripts/action-run.sh, found %d" % len(steps))
step = steps[0]
if step.get("shell") != "bash":
    sys.exit("action.yml: the step's shell is not bash")
inputs = action.get("inputs") or {}
for name in given:
    if name not in inputs:
        sys.exit("action.yml: no input named %s" % name)
def expand(text):
    def value(m):
        expr = m.group(1).strip()
        k = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", expr)
        if not k or k.group(1) not in inputs:
            sys.exit("action.yml: unknown expression ${{ %s }}" % expr)
        return str(given.get(k.group(1), inputs[k.group(1)].get("default", "")))
    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))
for key, val in (step.get("env") or {}).items():
    print("export %s=%s" % (key, shlex.quote(expand(val))))
print(expand(step["run"]))
PY
}

run_action() { # run_action NAME INPUTS_JSON: runs the step, stdout+stderr to $work/NAME.log, exit code to $work/NAME.code
  step_script "$2" >"$work/$1.sh" || fail "action.yml does not run scripts/action-run.sh as expected"
  set +e
  (
    cd "$work/workspace"
    export GITHUB_ACTION_PATH="$ROOT" RUNNER_TEMP="$work/runner-temp" GITHUB_WORKSPACE="$work/workspace" GITHUB_ACTIONS=true CI=true
    bash -e "$work/$1.sh"
  ) >"$work/$1.log" 2>&1
  echo $? >"$work/$1.code"
  set -e
}
expect() { # expect NAME CODE
  local code
  code="$(cat "$work/$1.code")"
  [ "$code" -eq "$2" ] || { cat "$work/$1.log"; fail "$1: exit code $code, expected $2"; }
}

mkdir -p "$work/runner-temp" "$work/workspace/clean" "$work/workspace/broken"
printf 'build:\n  python_version: "3.11"\n  python_requirements: requirements.txt\nrun: "predict.py:Predictor"\n' >"$work/workspace/clean/cog.yaml"
printf 'numpy==1.26.4\n' >"$work/workspace/clean/requirements.txt"
printf 'class Predictor:\n    pass\n' >"$work/workspace/clean/predict.py"
printf 'build:\n  python_version: "3.11\n' >"$work/workspace/broken/cog.yaml"

start=$SECONDS
run_action defaults '{}'
echo "check-action: first run (install included) took $((SECONDS - start)) s"
expect defaults 1
grep -Eq '^::error file=broken/cog\.yaml,line=2,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=COG0001::' "$work/defaults.log" \
  || { cat "$work/defaults.log"; fail "defaults: no ::error annotation at broken/cog.yaml line 2"; }

start=$SECONDS
run_action severity '{"severity": "COG0001=warning"}'
echo "check-action: second run (tool reused) took $((SECONDS - start)) s"
expect severity 0
grep -Eq '^::warning file=broken/cog\.yaml,line=2,.*title=COG0001::' "$work/severity.log" \
  || { cat "$work/severity.log"; fail "severity: the override did not make COG0001 a warning"; }
if grep -q 'Install cog-lsp' "$work/severity.log"; then fail "severity: the tool was installed again in the same job"; fi

run_action paths '{"paths": "clean"}'
expect paths 0
if grep -q 'broken/' "$work/paths.log"; then cat "$work/paths.log"; fail "paths: the broken project outside the given paths was checked"; fi

echo "check-action: action.yml runs scripts/action-run.sh; annotations and exit codes as expected"
