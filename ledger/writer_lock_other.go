//go:build !unix && !windows

package ledger

import (
	"errors"
	"os"
)

var errNoLocks = errors.New("no file locks on this system")

func tryLockFile(f *os.File) (bool, error) { return false, errNoLocks }
func unlockFile(f *os.File)                {}
func processAlive(pid int) bool            { return true }
