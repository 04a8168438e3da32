package mailing

// CrashAfterSending makes the next run stop, as a crash would, once the
// message to owner is committed 'sending', before the server is asked.
func CrashAfterSending(owner string) (restore func()) {
	old := afterSending
	afterSending = func(o string) bool { return o != owner }
	return func() { afterSending = old }
}
