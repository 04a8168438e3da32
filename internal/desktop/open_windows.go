//go:build windows

package desktop

import (
	"runtime"
	"syscall"

	"golang.org/x/sys/windows"
)

// launch asks the Windows shell to open target as a double-click in the
// Explorer would: the associated program for a file, the Explorer for a
// folder. ShellExecuteW takes the path in UTF-16, with no command line to
// quote (a comma or an accent in a name is safe, unlike explorer.exe's or
// rundll32's command lines).
func launch(target string) error {
	// Shell extensions that open some files need COM on the calling thread
	// (ShellExecute's documentation).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil || err == syscall.Errno(windows.S_FALSE) {
		defer windows.CoUninitialize()
	}
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
}
