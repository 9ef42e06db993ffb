package kit

import (
	"syscall"
	"testing"
	"time"
)

// ReportCPU starts measuring the CPU time (user and system, all threads)
// the process spends, and returns a function that reports it per
// iteration as "cpu-ns/op". Wall time per op swings with the machine's
// other load; CPU time per op much less, so ratios of it are steadier.
// The process's CPU includes the loopback server's goroutines, the same
// for every variant of a comparison.
//
//	defer kit.ReportCPU(b)()
//	for b.Loop() { ... }
func ReportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
