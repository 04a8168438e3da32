//go:build linux || darwin || freebsd

package ledger

import "syscall"

// freeSpace reads the blocks available to an unprivileged user (f_bavail),
// not all free blocks: the ones reserved for root are not ours to count on.
func freeSpace(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}

// isNoSpace says whether a Go file write failed for lack of space (or of
// quota, which the user meets the same way).
func isNoSpace(err error) bool { return errnoIs(err, syscall.ENOSPC, syscall.EDQUOT) }
