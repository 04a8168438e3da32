//go:build !windows

package desktop

// AttachConsole: a program started from a terminal prints to it already.
func AttachConsole() {}
