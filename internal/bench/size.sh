#!/usr/bin/env bash
# Size and build cost of awssnap's service packages.
#
# 1. Binary size: for each service, three tiny programs (cmd/size/<svc>/)
#    making the same call with awssnap, with the official client, and with
#    net/http + encoding/json + the SDK's SigV4 signer alone, built with
#    -trimpath -ldflags="-s -w". Target: ours <= 0.5 MiB over plain.
# 2. Compile time of each service package with its dependencies built: the
#    build cache is warmed with the package and everything it imports, then
#    the package is rebuilt with -gcflags='<pkg>=-D=<fresh dir>'. The go
#    command keys its cache by each package's compiler flags, so a fresh
#    value makes that one package miss the cache while every dependency
#    hits it (go build -x shows a single compile); -D only sets the
#    directory "./" imports resolve against, which module packages do not
#    use, so the compiler does the same work. (An -overlay of one file
#    with a fresh comment does the same for our packages, but go refuses
#    overlays in the module cache, so it cannot time the official ones.)
#    A library package has no link step. The wall time of that go build is
#    what a change to the package costs; the no-op go build of the same
#    package (all cache hits) is printed beside it as the go command's fixed
#    overhead. Wall time swings with the machine's other load, so the CPU
#    time (user + system, the go command and the compiler together) is
#    printed too: on an idle machine the wall time is at most about that.
#    Each figure is the median of RUNS builds. Target: <= 1 s per service
#    package.
#
# Usage: ./size.sh [RUNS]   (default 5). Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
root=$(cd ../.. && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

services=()
for dir in cmd/size/*/; do services+=("$(basename "$dir")"); done

echo "## Binary size (-trimpath -ldflags=\"-s -w\", $(go version | cut -d' ' -f3))"
echo
echo "| service | ours | official | net/http+signer | ours − net/http | official − net/http | target ≤ 0.5 MiB |"
echo "|---|---|---|---|---|---|---|"
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
for svc in "${services[@]}"; do
	declare -A size=()
	for impl in ours official plain; do
		if [ -d "cmd/size/$svc/$impl" ]; then
			go build -trimpath -ldflags="-s -w" -o "$tmp/$svc-$impl" "./cmd/size/$svc/$impl"
			size[$impl]=$(stat -c %s "$tmp/$svc-$impl")
		fi
	done
	official="—"; officialDelta="—"
	if [ -n "${size[official]:-}" ]; then
		official=$(mib "${size[official]}")
		officialDelta=$(mib $((size[official] - size[plain])))
	fi
	delta=$((size[ours] - size[plain]))
	met=$(awk -v d="$delta" 'BEGIN { print (d <= 524288) ? "yes" : "NO" }')
	echo "| $svc | $(mib "${size[ours]}") | $official | $(mib "${size[plain]}") | $(mib "$delta") | $officialDelta | $met |"
	unset size
done

# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# seconds runs a command and prints its wall time and its CPU time (user
# plus system, children included) in seconds, separated by a space.
seconds() {
	/usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" >/dev/null
	awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$tmp/time"
}

# coldbuild rebuilds package $1 (from directory $2) with fresh compiler
# flags for it alone, and prints the wall time.
coldbuild() {
	(cd "$2" && seconds go build -gcflags="$1=-D=/nonexistent/$(date +%s%N)" "$1")
}

echo
echo "## Compile time of each package, dependencies built (median of $runs)"
echo
echo "| package | cold package, warm deps: wall | CPU | no-op build: wall | CPU | target ≤ 1 s (CPU) |"
echo "|---|---|---|---|---|---|"
measure() {
	local pkg=$1 dir=$2 target=$3 i t cw=() cc=() nw=() nc=() c
	(cd "$dir" && go build "$pkg")
	for ((i = 0; i < runs; i++)); do
		read -r -a t <<<"$(coldbuild "$pkg" "$dir")"
		cw+=("${t[0]}"); cc+=("${t[1]}")
		read -r -a t <<<"$(cd "$dir" && seconds go build "$pkg")"
		nw+=("${t[0]}"); nc+=("${t[1]}")
	done
	c=$(median "${cc[@]}")
	met="—"
	if [ "$target" = yes ]; then met=$(awk -v c="$c" 'BEGIN { print (c <= 1) ? "yes" : "NO" }'); fi
	echo "| $pkg | $(median "${cw[@]}") s | ${c} s | $(median "${nw[@]}") s | $(median "${nc[@]}") s | $met |"
}
for svc in memorydb lightsail neptunegraph datazone partnercentral; do
	[ -d "$root/$svc" ] || continue
	measure "github.com/awssnap/awssnap/$svc/types" "$root" yes
	measure "github.com/awssnap/awssnap/$svc" "$root" yes
done
for svc in memorydb lightsail neptunegraph datazone; do
	measure "github.com/aws/aws-sdk-go-v2/service/$svc" "$PWD" no
done
