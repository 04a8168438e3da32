package app

// bytesPerLine is what one row written by a workflow (an entry line, a
// call's share, an imported row) may add to the residence file, its
// indexes and day totals included: 10,000 two-line entries add 3.1 MB
// (about 155 bytes a line); doubled for long labels and names.
const bytesPerLine = 320

// ensureSpace refuses a long write before anything is written (safety
// copy included) when the residence's disk cannot hold about lines rows,
// SQLite's rollback journal and, with safetyCopy, the archive kept before
// the write. A refusal names the folder and the room missing.
func (r *Residence) ensureSpace(lines int, safetyCopy bool) error {
	extra := int64(lines) * bytesPerLine
	if safetyCopy {
		extra += r.db.FileSize()
	}
	return r.db.EnsureSpace(extra)
}

// MakeRoom begins a long write of about lines rows outside app (the
// closing, the import): it refuses before anything is written when the
// disk cannot hold them and the safety copy, then takes that copy for
// reason (ledger.ReasonClosing…) and returns its path.
func (r *Residence) MakeRoom(lines int, reason string) (string, error) {
	if err := r.ensureSpace(lines, true); err != nil {
		return "", err
	}
	return r.safetyCopy(reason)
}

// callLines counts the rows a calls posting writes: per call its entry
// (a line per owner and the credited account's) and its shares per owner
// and key.
func callLines(p *CallPlan) int {
	n := 0
	for _, c := range p.Calls {
		n += 2 + len(c.Owners)*(1+len(c.Keys))
	}
	return n
}
