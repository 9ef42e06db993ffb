#!/usr/bin/env bash
# Counts the instructions one iteration of a benchmark executes, with
# valgrind's cachegrind: a figure that, unlike time, does not move with the
# machine's other load, for comparing two versions of the same code when the
# change is smaller than the noise of a timed run.
#
# Each test binary runs the benchmark N and 2N times (-benchtime Nx) under
# cachegrind, and the difference divided by N is printed, so start-up and
# the benchmark's set-up cancel out. The garbage collector is off (GOGC=off),
# because when it runs depends on timing: the count is the code's own work,
# and its allocations show in the benchmark's allocs/op instead.
#
# Usage: ./instructions.sh BENCH N TESTBINARY...
#   e.g. (cd ../../lightsail && go test -c -o /tmp/new.test .)
#        ./instructions.sh 'Decode$' 200 /tmp/old.test /tmp/new.test
# Prints one line per binary: instructions per iteration.
set -euo pipefail
if [ $# -lt 3 ]; then
	sed -n '13,16p' "$0" >&2
	exit 2
fi
bench=$1
n=$2
shift 2
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 1; }

# refs runs binary $1 for $2 iterations and prints the instructions
# executed, or nothing when no benchmark ran.
refs() {
	local log
	log=$(GOGC=off GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
		"$1" -test.run '^$' -test.bench "$bench" -test.benchtime "${2}x" 2>&1)
	if grep -q '^Benchmark' <<<"$log"; then
		awk '/I *refs/ { gsub(",", "", $4); print $4 }' <<<"$log"
	fi
}

for bin in "$@"; do
	once=$(refs "$bin" "$n")
	twice=$(refs "$bin" $((2 * n)))
	if [ -z "$once" ] || [ -z "$twice" ]; then
		echo "instructions.sh: $bin: no count (does $bench match a benchmark?)" >&2
		exit 1
	fi
	echo "$bin $bench: $(((twice - once) / n)) instructions/op"
done
