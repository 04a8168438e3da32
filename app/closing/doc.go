// Package closing is the year-end closing of a copropriété and what is
// printed from it: the checks, the preview and the posting of the closing
// (distribution of the charges, works campaigns, opening balances, lock),
// the five annexes of the décret n° 2005-240 (one file each, annexe1.go to
// annexe5.go) and the owners' décomptes.
//
// It is apart from app because nothing in app's everyday workflows uses it:
// it builds on app (the residence, its letters and its safety copies) and
// reaches the books through Residence.View and Residence.Update only. app
// never imports it; the window and the CLI call it with the residence
// first: closing.Prepare(r, ex, opt), closing.Post(r, plan),
// closing.WriteAnnexes(r, dir, ex, printed), closing.WriteDecomptes(…).
package closing
