//go:build unix

package sitetext

import (
	"syscall"
	"time"
)

// CPU is the CPU time (user and system, all threads) the process has used
// so far: benchmarks report it per operation beside the wall time, which
// other work on a shared machine stretches.
func CPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
