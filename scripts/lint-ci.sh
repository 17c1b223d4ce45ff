#!/usr/bin/env bash
# Lints what users copy into their pipelines: the GitHub Action (action.yml), the CI recipes
# (examples/ci) and the Dockerfile, plus this project's own shell scripts, after checking that
# nothing in the repository refers outside it (scripts/check-references.sh). Needs actionlint,
# zizmor, hadolint, shellcheck and check-jsonschema on PATH (.ci/run installs them from PyPI). Every linter must
# report nothing; the few findings ignored in place carry their reason beside them.
set -euo pipefail
cd "$(dirname "$0")/.."

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT

# The repository stands alone: no comment or document points outside it, and no link is dead.
scripts/check-references.sh

echo "--- lint: actionlint (the GitHub recipe, and action.yml through it)"
actionlint examples/ci/github-actions.yml
# actionlint reads an action's metadata only where a workflow uses it from the same checkout, so
# the recipe is checked once more with its `uses: your-org/fracttal@...` steps pointing at ./,
# against this action.yml: its metadata, and the inputs the recipe passes.
mkdir -p "$probe/project/.github/workflows"
git init -q "$probe/project"
cp action.yml "$probe/project/"
sed -E 's#uses: [^ ]+/fracttal@[^ ]+#uses: ./#' examples/ci/github-actions.yml \
    > "$probe/project/.github/workflows/recipe.yml"
grep -q 'uses: \./' "$probe/project/.github/workflows/recipe.yml" \
    || { echo "lint-ci: the GitHub recipe no longer uses fracttal's action" >&2; exit 1; }
(cd "$probe/project" && actionlint)

echo "--- lint: the recipes and the action against GitHub's and GitLab's schemas (check-jsonschema's own copies)"
check-jsonschema --builtin-schema vendor.github-workflows examples/ci/github-actions.yml
check-jsonschema --builtin-schema vendor.github-actions action.yml
check-jsonschema --builtin-schema vendor.gitlab-ci examples/ci/gitlab-ci.yml

echo "--- lint: zizmor (action.yml and the GitHub recipe)"
zizmor --offline action.yml examples/ci/github-actions.yml

echo "--- lint: hadolint (Dockerfile)"
hadolint Dockerfile

echo "--- lint: shellcheck (scripts, the action's steps, the GitLab recipe's scripts)"
shellcheck .ci/run scripts/release.sh scripts/check-release.sh scripts/lint-ci.sh scripts/check-references.sh scripts/test-secret-store-helpers.sh
# actionlint runs shellcheck on a workflow's steps, not on an action's, nor on GitLab's scripts:
# write each of those scripts to a file and check it as the shell that runs it.
python3 - "$probe/scripts" <<'EOF'
import os, sys, yaml
out = sys.argv[1]
os.makedirs(out)
def write(name, shell, text):
    with open(os.path.join(out, name + ".sh"), "w") as f:
        f.write(f"#!/usr/bin/env {shell}\n{text}\n")
action = yaml.safe_load(open("action.yml"))
for index, step in enumerate(action["runs"]["steps"]):
    if "run" in step:
        write(f"action-step-{index + 1}", step.get("shell", "bash"), step["run"])
gitlab = yaml.safe_load(open("examples/ci/gitlab-ci.yml"))
for job, spec in gitlab.items():
    if isinstance(spec, dict):
        for part in ("before_script", "script", "after_script"):
            if part in spec:
                write(f"gitlab-{job}-{part}", "bash", "\n".join(spec[part]))
EOF
shellcheck "$probe"/scripts/*.sh
echo "linters: nothing to report"
