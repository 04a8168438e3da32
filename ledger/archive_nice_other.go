//go:build !linux

package ledger

// backgroundThread lowers the priority of the archive of a safety copy on
// Linux only (archive_nice_linux.go); elsewhere it runs as it is.
func backgroundThread() {}
