//go:build windows

package ledger

import "golang.org/x/sys/windows"

// freeSpace asks for the bytes available to this user (quotas included).
func freeSpace(dir string) (uint64, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, err
	}
	var avail, total, free uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &free); err != nil {
		return 0, err
	}
	return avail, nil
}

// isNoSpace says whether a Go file write failed for lack of space.
func isNoSpace(err error) bool {
	return errnoIs(err, windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL)
}
