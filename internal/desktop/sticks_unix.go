//go:build unix

package desktop

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"syscall"
)

func sticks() []string {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return volumesUnder(volumeRoots(runtime.GOOS, name), volumeProbe{
		readDir:  os.ReadDir,
		isMount:  isMountPoint,
		writable: func(dir string) bool { return syscall.Access(dir, 2 /* W_OK */) == nil },
	})
}

// isMountPoint says whether dir is on another device than its parent: what
// mountpoint(1) checks, without reading /proc (which macOS lacks).
func isMountPoint(dir string) bool {
	var st, parent syscall.Stat_t
	if syscall.Stat(dir, &st) != nil || syscall.Stat(filepath.Dir(dir), &parent) != nil {
		return false
	}
	return st.Dev != parent.Dev
}
