package ledger

// WaitSafetyCopiesForTest waits for the safety copies being zipped in the
// background, as Close does, without closing.
func (d *DB) WaitSafetyCopiesForTest() { d.zipping.Wait() }
