#!/usr/bin/env bash
# Profiles the release `fracttal` with `perf record` (cpu-clock samples with call graphs) on the plan
# plan workload: `fracttal validate` and `fracttal plan` of SIZE consumers + 1,000 groups
# (default 10000) against the sandbox served by `fracttal-bench --serve`, and the sandbox process
# itself while it answers one plan's reads.
# Writes perf.*.data and demangled reports (*.self.txt: time in the function itself; *.children.txt:
# time in the function and what it calls) to OUT (default /tmp/fracttal-profile).
# Usage: scripts/profile.sh [SIZE] [OUT]
#
# Why perf and not callgrind: valgrind 3.19 cannot read the DWARF 5 the Swift 6 toolchain writes and,
# with the debug info stripped, crashes inside callgrind once the plan's NIO threads start.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-10000}"
out="${2:-/tmp/fracttal-profile}"
command -v perf >/dev/null || { echo "profile.sh: perf is needed (apt-get install linux-perf)." >&2; exit 1; }

swift build -c release --product fracttal
swift build -c release --product fracttal-bench
bin="$(swift build -c release --show-bin-path)"
mkdir -p "$out"
serve="$out/workload"
record=(perf record -q -e cpu-clock -F 4000 -g)

report() { # $1: perf data file
    perf report -i "$1" --no-children --stdio -g none --percent-limit 0.5 2>/dev/null \
        | swift demangle --simplified | sed -n 1,80p >"${1%.data}.self.txt"
    perf report -i "$1" --children --stdio -g none --percent-limit 2 2>/dev/null \
        | swift demangle --simplified | sed -n 1,120p >"${1%.data}.children.txt"
}

# Serve the workload until this script closes the fifo.
rm -f "$serve/env" "$out/stop"
mkfifo "$out/stop"
"$bin/fracttal-bench" --serve "$size" --serve-directory "$serve" <"$out/stop" &
bench=$!
exec 9>"$out/stop"
trap 'exec 9>&-; wait "$bench" || true' EXIT
until [ -s "$serve/env" ]; do sleep 0.5; kill -0 "$bench"; done
set -a; . "$serve/env"; set +a
export NO_COLOR=1

"${record[@]}" -o "$out/perf.validate.data" "$bin/fracttal" validate "$serve/config" >/dev/null
report "$out/perf.validate.data"

"$bin/fracttal" plan "$serve/config" --allow-mass-delete >/dev/null # warms the sandbox's page cache
"${record[@]}" -o "$out/perf.plan.data" "$bin/fracttal" plan "$serve/config" --allow-mass-delete >"$out/plan.txt"
report "$out/perf.plan.data"

"${record[@]}" -p "$bench" -o "$out/perf.sandbox.data" &
perf_pid=$!
sleep 1
"$bin/fracttal" plan "$serve/config" --allow-mass-delete >/dev/null
kill -INT "$perf_pid"
wait "$perf_pid" || true
report "$out/perf.sandbox.data"

echo "profile.sh: wrote $out/perf.{validate,plan,sandbox}.data and their .self.txt / .children.txt" >&2
