//go:build windows

package desktop

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole lets the desktop program, a Windows GUI program (linked
// with -H=windowsgui, so Windows gives it no console), print to the console
// it was started from: `tantieme.exe --version` in cmd or PowerShell. When
// its output is redirected to a file or a pipe, nothing is needed.
func AttachConsole() {
	if h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		return
	}
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from the Explorer: no console to print to
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = f, f
	}
}
