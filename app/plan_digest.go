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

// planDigest sums up what a plan would write, line by line.
type planDigest struct{ h hash.Hash }

func newPlanDigest() *planDigest { return &planDigest{h: sha256.New()} }

// add writes one line of the plan's content.
func (d *planDigest) add(format string, args ...any) { fmt.Fprintf(d.h, format+"\n", args...) }

func (d *planDigest) sum() string { return hex.EncodeToString(d.h.Sum(nil)) }

// checkFresh refuses to post a plan whose books changed since its preview,
// with the sentence the user then reads.
func checkFresh(preview, fresh, changed string) error {
	if preview != fresh {
		return ledger.Errorf(ledger.Conflict, "%s", changed)
	}
	return nil
}
