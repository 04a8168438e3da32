//go:build !windows

package desktop

import (
	"os/exec"
	"runtime"
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
	// opener: do not hold the window for it; reap it when it ends.
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
