package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"

	"tantieme/ledger"
)

// A plan (calls, closing) is previewed in one transaction and posted in
// another; in between, someone may have changed the books (a sale, new
// shares, another call, an entry). The one rule for every plan: posting
// computes the plan again inside its own transaction, and writes nothing
// unless the new plan's digest, a sum of everything it would write, is the
// preview's.

// PlanDigest sums up what a plan would write, line by line.
type PlanDigest struct{ h hash.Hash }

// NewPlanDigest starts an empty digest.
func NewPlanDigest() *PlanDigest { return &PlanDigest{h: sha256.New()} }

// Add writes one line of the plan's content.
func (d *PlanDigest) Add(format string, args ...any) { fmt.Fprintf(d.h, format+"\n", args...) }

// Sum is the digest of the lines added so far.
func (d *PlanDigest) Sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// CheckFresh refuses to post a plan whose books changed since its preview,
// with the sentence the user then reads.
func CheckFresh(preview, fresh, changed string) error {
	if preview != fresh {
		return ledger.Errorf(ledger.Conflict, "%s", changed)
	}
	return nil
}
