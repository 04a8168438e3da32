//go:build unix

package ui

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used (user and system, every
// thread): the benchmark's figure the machine's other work does not change
// much, unlike the wall clock's on a busy machine.
func processCPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
