//go:build !linux && !darwin && !freebsd && !windows

package ledger

import "errors"

// freeSpace cannot tell on this system: no write is refused beforehand.
func freeSpace(dir string) (uint64, error) { return 0, errors.ErrUnsupported }

func isNoSpace(err error) bool { return false }
