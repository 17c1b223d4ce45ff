#!/usr/bin/env bash
# Profiles the release `fracttal` with valgrind's callgrind on the plan workload of issue 8:
# `fracttal validate` and `fracttal plan` of SIZE consumers + 1,000 groups (default 10000) against the
# sandbox served by `fracttal-bench --serve`, then the sandbox itself while it answers one plan's reads.
# Writes callgrind.out.* and the annotated top functions to OUT (default /tmp/fracttal-profile).
# Usage: scripts/profile.sh [SIZE] [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-10000}"
out="${2:-/tmp/fracttal-profile}"
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is needed (apt-get install valgrind)." >&2; exit 1; }

swift build -c release --product fracttal
swift build -c release --product fracttal-bench
release="$(swift build -c release --show-bin-path)"
mkdir -p "$out"
# Valgrind 3.19 cannot read the DWARF 5 the Swift 6 toolchain writes; copies without debug info keep
# the symbol table, which is all callgrind needs for function names.
bin="$out/bin"
mkdir -p "$bin"
objcopy --strip-debug "$release/fracttal" "$bin/fracttal"
objcopy --strip-debug "$release/fracttal-bench" "$bin/fracttal-bench"
serve="$out/workload"

run_served() { # $1: wrapper for the bench process (empty or valgrind ...); runs "${@:2}" against it
    local wrapper="$1"; shift
    rm -f "$serve/env"
    mkfifo "$out/stop" 2>/dev/null || true
    $wrapper "$bin/fracttal-bench" --serve "$size" --serve-directory "$serve" <"$out/stop" &
    local bench=$!
    exec 9>"$out/stop"
    until [ -s "$serve/env" ]; do sleep 0.5; kill -0 "$bench" || exit 1; done
    # Under callgrind, collect only while the sandbox answers (not while it generates and seeds).
    [ -z "$wrapper" ] || callgrind_control -i on "$bench" >/dev/null
    (set -a; . "$serve/env"; NO_COLOR=1 "$@")
    exec 9>&-
    wait "$bench"
}

annotate() { callgrind_annotate --inclusive=yes "$1" | swift demangle --simplified | sed -n 1,120p >"$1.inclusive.txt"
             callgrind_annotate "$1" | swift demangle --simplified | sed -n 1,120p >"$1.self.txt"; }

# The first served run only writes the workload (validate needs its file).
run_served "" true
cp "$serve/config/config.yaml" "$out/workload-validate.yaml"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.validate" \
    "$bin/fracttal" validate "$out/workload-validate.yaml" >/dev/null
annotate "$out/callgrind.out.validate"

run_served "" valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.plan" \
    "$bin/fracttal" plan "$serve/config" --allow-mass-delete >"$out/plan.txt"
annotate "$out/callgrind.out.plan"

run_served "valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$out/callgrind.out.sandbox" \
    "$bin/fracttal" plan "$serve/config" --allow-mass-delete >/dev/null
annotate "$out/callgrind.out.sandbox"

echo "profile.sh: wrote $out/callgrind.out.{validate,plan,sandbox} and their *.inclusive.txt / *.self.txt" >&2
