//go:build !windows

package desktop

// knownDocuments: only Windows has Known Folders.
func knownDocuments() string { return "" }
