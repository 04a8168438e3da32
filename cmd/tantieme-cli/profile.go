package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole command into the file named
// by TANTIEME_CPUPROFILE, for whoever measures where a command spends its
// time (go tool pprof -top FILE); nothing is written when it is unset. The
// returned function stops it.
func startProfile() func() {
	path := os.Getenv("TANTIEME_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "TANTIEME_CPUPROFILE : %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		fmt.Fprintf(os.Stderr, "TANTIEME_CPUPROFILE : %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
