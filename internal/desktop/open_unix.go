//go:build !windows

package desktop

import (
	"os/exec"
	"runtime"
	"time"
)

func launch(target string) error {
	args := openCommand(runtime.GOOS, target)
	cmd := exec.Command(args[0], args[1:]...)
	if runtime.GOOS == "darwin" {
		// open returns at once, and fails when no application can open
		// the file: worth telling the user.
		return cmd.Run()
	}
	// xdg-open may wait for the viewer when it falls back on a generic
	// opener: do not hold the window for it; reap it when it ends. When it
	// ends soon with an error (no program for the file: exit 3 or 4), the
	// file was not opened, and the user must be told so (issue 16: the
	// PDF was written, but nothing showed it).
	if err := cmd.Start(); err != nil {
		return err
	}
	started := time.Now()
	go func() {
		err := cmd.Wait()
		if err != nil && time.Since(started) < lateFailure && LaunchFailed != nil {
			LaunchFailed(target, err)
		}
	}()
	return nil
}

// lateFailure is how long after starting it an opener's failure still
// means the file was not shown (past it, a viewer was shown and closed).
const lateFailure = 15 * time.Second
