//go:build !unix && !windows

package desktop

func sticks() []string { return nil }
