package ledger

import (
	"fmt"
	"slices"
)

// ApprovedBooks is what a closing finds of the books an assembly approved
// through their fingerprint (app/closing, loi 1965 art. 18-1 A).
type ApprovedBooks struct {
	Verdict SealVerdict
	// Problems are the exercise's entries that are no longer what the chain
	// recorded (changed, added or removed outside Tantième), and a broken
	// chain, in French.
	Problems []string
}

// VerifyApprovedBooks checks, in one walk of the chain, the fingerprint an
// assembly approved (verifyFingerprint: found, and what the chain recorded
// of the exercise's books since) and that every entry of the exercise is
// the last version the chain knows of it. It is checkChain narrowed to the
// one exercise being closed: the chain's links are all checked (a link
// rewritten anywhere breaks every later one), but only the exercise's
// entries are read and hashed, where `check` reads every entry of the
// books (2.8 s on the 200,000-entry benchmark residence, for a closing
// that must take under 1.5 s). The other exercises' entries cannot change
// the books closed: those before are sealed and carried forward by the AN
// entries, which are the exercise's own.
func (tx *Tx) VerifyApprovedBooks(ex Exercise, fingerprint string) (ApprovedBooks, error) {
	var out ApprovedBooks
	fp, err := NormalizeFingerprint(fingerprint)
	if err != nil {
		return out, err
	}
	v := &out.Verdict
	v.Exercise, v.Fingerprint = ex, fp
	if s, ok, err := tx.Seal(ex.ID); err != nil {
		return out, err
	} else if ok && s.Link.Fingerprint() == fp {
		v.Sealed = true
	}
	start := ISO(ex.Start)
	states := map[int64]entryState{}
	_, broken, err := tx.walkChain(fingerprintVisitor(start, fp, v), states)
	if err != nil {
		return out, err
	}
	if len(broken) > 0 {
		out.Problems = broken
		return out, nil
	}
	add := func(format string, args ...any) { out.Problems = append(out.Problems, fmt.Sprintf(format, args...)) }
	var afterID int64
	for {
		batch, err := tx.entriesAfterIn(afterID, chainBatch, start, ISO(ex.End))
		if err != nil {
			return out, err
		}
		if len(batch) == 0 {
			break
		}
		for i := range batch {
			e := &batch[i]
			afterID = e.ID
			st, known := states[e.ID]
			if p := entryAgainstChain(e, st, known, fmt.Sprintf("l'écriture n° %d du %s", e.ID, FrenchDate(e.Date))); p != "" {
				out.Problems = append(out.Problems, p)
			}
			if known {
				st.alive = false // seen
				states[e.ID] = st
			}
		}
	}
	var gone []int64
	for id, st := range states {
		if st.alive && st.exercise == start {
			gone = append(gone, id)
		}
	}
	slices.Sort(gone)
	for _, id := range gone {
		add("l'écriture n° %d a été supprimée hors de Tantième : la chaîne la compte encore (rang %d)", id, states[id].seq)
	}
	return out, nil
}
