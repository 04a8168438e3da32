//go:build !unix

package ui

import "time"

// processCPU is not measured here: the table shows the wall clock only.
func processCPU() time.Duration { return 0 }
