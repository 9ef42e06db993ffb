// Command benchratio reads the raw output of go test -bench (several runs
// of each benchmark, as -count gives) and prints, as a Markdown table, the
// ratios the performance targets are stated in, each from the medians of
// one run of the benchmarks, with whether the target is met.
//
//	go test -run '^$' -bench . -count 6 ./... > raw.txt
//	go run ./cmd/benchratio raw.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
)

// rule is one ratio a target is stated in: the benchmark named num over
// the one named den, within the same package.
type rule struct {
	title      string
	num, den   string
	timeTarget float64 // 0: reported without a target
	allocTarg  float64 // 0: no allocation target
}

var rules = []rule{
	{"full call: ours / net/http+signer", "FullCall/impl=ours", "FullCall/impl=nethttp-signed", 1.0, 1.0},
	{"full call: official / net/http+signer", "FullCall/impl=official", "FullCall/impl=nethttp-signed", 0, 0},
	{"full call: ours / official", "FullCall/impl=ours", "FullCall/impl=official", 0, 0},
	{"full call: ours / net/http+signer, opaque body type", "FullCall/impl=ours", "FullCall/impl=nethttp-signed-opaquebody", 0, 0},
	{"full call: net/http+signer, opaque body type / net/http+signer", "FullCall/impl=nethttp-signed-opaquebody", "FullCall/impl=nethttp-signed", 0, 0},
	{"full call: net/http+signer / net/http", "FullCall/impl=nethttp-signed", "FullCall/impl=nethttp", 0, 0},
	{"client side: ours / official", "ClientSide/impl=ours", "ClientSide/impl=official", 0.15, 0.15},
	{"client side, rpcv2Cbor: ours / official", "ClientSide/impl=ours-cbor", "ClientSide/impl=official-cbor", 0.15, 0.15},
	{"one APIOptions middleware: ours / official", "Middleware/impl=ours", "Middleware/impl=official", 0.6, 0},
	{"paging 100×100: paginator / official loop", "Paging/pages=100/impl=paginator", "Paging/pages=100/impl=official", 0.35, 0},
	{"paging 100×100: iterator / official loop", "Paging/pages=100/impl=iterator", "Paging/pages=100/impl=official", 0.35, 0},
	{"paging 100×100: paginator / net/http (no decode)", "Paging/pages=100/impl=paginator", "Paging/pages=100/impl=nethttp", 1.3, 0},
	{"paging 100×100: official loop / net/http (no decode)", "Paging/pages=100/impl=official", "Paging/pages=100/impl=nethttp", 0, 0},
	{"paging: B/op of 100 pages / 10 pages (linear = 10)", "Paging/pages=100/impl=iterator", "Paging/pages=10/impl=iterator", 0, 0},
	{"body: 10 MiB of empty records: ours / official", "BodyShape/shape=tiny-records-10MiB/impl=ours", "BodyShape/shape=tiny-records-10MiB/impl=official", 1.0, 0},
	{"body: long strings of escapes: ours / official", "BodyShape/shape=escaped-strings/impl=ours", "BodyShape/shape=escaped-strings/impl=official", 1.0, 0},
	{"body: nesting 1000 deep: ours / official", "BodyShape/shape=deep-nesting/impl=ours", "BodyShape/shape=deep-nesting/impl=official", 1.0, 0},
	{"body: many unknown members: ours / official", "BodyShape/shape=unknown-members/impl=ours", "BodyShape/shape=unknown-members/impl=official", 1.0, 0},
}

// pairedRule is a ratio a target is stated in, as a benchmark of
// kit.Paired reports it: the samples of unit, one per run.
type pairedRule struct {
	title, bench, unit string
	target             float64
}

var pairedRules = []pairedRule{
	{"paired, full call: ours / net/http+signer", "Paired/cmp=fullcall", "ours/floor", 1.0},
	{"paired, full call: ours / net/http+signer sending User-Agent and amz-sdk-request", "Paired/cmp=fullcall-headers", "ours/floor", 0},
	{"paired, client side: ours / official", "Paired/cmp=clientside", "ours/official", 0.15},
	{"paired, client side, rpcv2Cbor: ours / official", "Paired/cmp=clientside-cbor", "ours/official", 0.15},
	{"paired, one APIOptions middleware: ours / official", "Paired/cmp=middleware", "ours/official", 0.6},
}

// stats are the samples of one benchmark, by unit.
type stats map[string][]float64

func main() {
	results := map[string]map[string]stats{} // package -> benchmark -> unit -> samples
	var order []string
	inputs := os.Args[1:]
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		var r io.Reader = os.Stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			defer f.Close()
			r = f
		}
		parse(r, results, &order)
	}
	fmt.Println("| package | ratio | time | CPU time | allocs/op | B/op | target (time, allocs) | met (time, allocs) |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for _, pkg := range order {
		for _, ru := range rules {
			num, den := results[pkg][ru.num], results[pkg][ru.den]
			if num == nil || den == nil {
				continue
			}
			t, c := ratio(num, den, "ns/op"), ratio(num, den, "cpu-ns/op")
			a, b := ratio(num, den, "allocs/op"), ratio(num, den, "B/op")
			target, met := "—", ""
			if ru.timeTarget > 0 {
				target = fmt.Sprintf("≤ %.2f, ≤ %.2f", ru.timeTarget, ru.allocTarg)
				met = verdict(t <= ru.timeTarget, c <= ru.timeTarget, a <= ru.allocTarg)
				if ru.allocTarg == 0 {
					target = fmt.Sprintf("≤ %.2f, —", ru.timeTarget)
					met = strings.TrimSuffix(met, ", NO")
					met = strings.TrimSuffix(met, ", yes")
				}
			}
			fmt.Printf("| %s | %s | %.3f | %.3f | %.3f | %.3f | %s | %s |\n", pkg, ru.title, t, c, a, b, target, met)
		}
		for _, ru := range pairedRules {
			samples := results[pkg][ru.bench][ru.unit]
			if len(samples) == 0 {
				continue
			}
			m := median(samples)
			target, met := "—", ""
			if ru.target > 0 {
				target, met = fmt.Sprintf("≤ %.2f, —", ru.target), "wall NO"
				if m <= ru.target {
					met = "wall yes"
				}
			}
			fmt.Printf("| %s | %s | %.3f (%.3f–%.3f) | — | — | — | %s | %s |\n",
				pkg, ru.title, m, slices.Min(samples), slices.Max(samples), target, met)
		}
	}
}

// verdict says which targets are met: time (wall, and CPU), allocations.
func verdict(wallOK, cpuOK, allocOK bool) string {
	word := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "NO"
	}
	return fmt.Sprintf("wall %s / CPU %s, %s", word(wallOK), word(cpuOK), word(allocOK))
}

func ratio(num, den stats, unit string) float64 {
	d := median(den[unit])
	if d == 0 {
		return 0
	}
	return median(num[unit]) / d
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

func parse(r io.Reader, results map[string]map[string]stats, order *[]string) {
	pkg := ""
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = path.Base(strings.TrimSpace(p))
			if results[pkg] == nil {
				results[pkg] = map[string]stats{}
				*order = append(*order, pkg)
			}
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || results[pkg] == nil {
			continue
		}
		name := strings.TrimPrefix(fields[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		s := results[pkg][name]
		if s == nil {
			s = stats{}
			results[pkg][name] = s
		}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err == nil {
				s[fields[i+1]] = append(s[fields[i+1]], v)
			}
		}
	}
}
