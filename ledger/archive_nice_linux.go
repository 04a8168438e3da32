package ledger

import (
	"runtime"
	"syscall"
)

// backgroundThread runs the calling goroutine on a thread of its own with a
// lower scheduling priority (nice 10): the archive of a safety copy is made
// while the closing or the import it protects runs, and must not slow it
// when the computer's cores are busy. The caller's goroutine must end
// without unlocking: its thread, the only one lowered, ends with it.
func backgroundThread() {
	runtime.LockOSThread()
	syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), 10) // on Linux, a thread's own nice value
}
