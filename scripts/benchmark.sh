#!/usr/bin/env bash
# Builds `fracttal` and `fracttal-bench` in release, runs the benchmarks (configuration load,
# plan and apply against the in-process sandbox, PyYAML as the yardstick) and the creates benchmark
# (apply creating 2,000 and 10,000 consumers, a plain keep-alive python3 http.client as the yardstick),
# and writes BENCHMARKS.md.
# Extra arguments go to fracttal-bench, e.g. `scripts/benchmark.sh --runs 3`;
# `scripts/benchmark.sh --only creates` runs only the creates benchmark and prints it (BENCHMARKS.md unchanged).
# Needs python3 with PyYAML built against libyaml (yaml.CSafeLoader) for the full run.
set -euo pipefail
cd "$(dirname "$0")/.."

only_creates=false
previous=""
for argument in "$@"; do
    if [ "$previous" = "--only" ] && [ "$argument" = "creates" ]; then only_creates=true; fi
    previous="$argument"
done
if ! $only_creates && ! python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
    echo "benchmark.sh: python3 with PyYAML's libyaml loader (yaml.CSafeLoader) is needed for the yardstick; install python3-yaml." >&2
    exit 1
fi

swift build -c release --product fracttal
swift build -c release --product fracttal-bench
bin="$(swift build -c release --show-bin-path)"
"$bin/fracttal-bench" --fracttal "$bin/fracttal" --out BENCHMARKS.md --command "scripts/benchmark.sh" "$@"
