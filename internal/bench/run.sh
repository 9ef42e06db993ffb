#!/usr/bin/env bash
# Runs the comparison benchmarks, summarises them with benchstat, and
# prints the ratios the performance targets are stated in.
#
# The test binary of each package is built once; then ROUNDS rounds each run
# every benchmark of every package once, so that the variants of a
# comparison (ours, official, net/http) alternate in time and share the
# machine's load alike, rather than one variant's six runs all falling in a
# busy or a quiet minute. The ratios come from the medians of those rounds.
#
# The benchmarks run with GOMAXPROCS=1 unless it is set: one call at a time
# on one thread, so a loaded machine's other work shows less in the figures.
#
# Usage: ./run.sh                   (ROUNDS=6 BENCHTIME=1s BENCH=. OUT=results GOMAXPROCS=1)
#        ROUNDS=10 BENCH='FullCall' ./run.sh
# Writes $OUT/env.txt, $OUT/raw.txt, $OUT/benchstat.txt and $OUT/ratios.md.
set -euo pipefail
cd "$(dirname "$0")"
rounds=${ROUNDS:-6}
benchtime=${BENCHTIME:-1s}
bench=${BENCH:-.}
out=${OUT:-results}
export GOMAXPROCS=${GOMAXPROCS:-1}
mkdir -p "$out/bin"

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "go: $(go version)"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	echo "cores: $(nproc)"
	echo "rounds: $rounds, benchtime: $benchtime, GOMAXPROCS: $GOMAXPROCS"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/env.txt"

pkgs=$(go list -f '{{if .TestGoFiles}}{{.ImportPath}}{{end}}' ./...)
bins=()
for pkg in $pkgs; do
	list=$(go test -list "$bench" "$pkg")
	if grep -q '^Benchmark' <<<"$list"; then
		bin="$out/bin/$(basename "$pkg").test"
		go test -c -o "$bin" "$pkg"
		bins+=("$pkg=$bin")
	fi
done

: > "$out/raw.txt"
for ((round = 1; round <= rounds; round++)); do
	echo "round $round/$rounds" >&2
	for entry in "${bins[@]}"; do
		pkg=${entry%%=*}
		bin=${entry#*=}
		# Each test binary runs in its package directory, like go test.
		dir=$(go list -f '{{.Dir}}' "$pkg")
		(cd "$dir" && "$OLDPWD/$bin" -test.run '^$' -test.bench "$bench" -test.benchmem \
			-test.count 1 -test.benchtime "$benchtime") >> "$out/raw.txt"
	done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/env.txt"
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da "$out/raw.txt" > "$out/benchstat.txt"
go run ./cmd/benchratio "$out/raw.txt" > "$out/ratios.md"
cat "$out/benchstat.txt"
echo
cat "$out/ratios.md"
