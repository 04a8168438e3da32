package closing

import (
	"fmt"
	"strings"

	"tantieme/internal/fr"
	"tantieme/ledger"
)

// checkApprovedBooks refuses to close an exercise whose books no longer
// pass, unchanged, through the fingerprint printed on the annexes the
// general assembly approved: the accounts closed must be the accounts
// approved (loi 1965 art. 18-1 A; the fingerprint is the proof, app/fingerprint.go).
func checkApprovedBooks(tx *ledger.Tx, ex ledger.Exercise, a ledger.AccountsApproval) error {
	fp := a.Resolution.Fingerprint
	if fp == "" {
		return nil // approved before the fingerprints were kept: nothing to compare
	}
	// The fingerprint follows the chain's own records: an entry rewritten
	// outside Tantième (the file edited with another program) leaves them
	// as they were. The exercise's entries are checked against the chain
	// too, so such an edit refuses the closing as it refuses `check`.
	books, err := tx.VerifyApprovedBooks(ex, fp)
	if err != nil {
		return err
	}
	v := books.Verdict
	when := "l'assemblée générale du " + ledger.FrenchDate(a.Day)
	if len(books.Problems) > 0 {
		what := books.Problems
		if len(what) > 3 {
			what = append(what[:3:3], fmt.Sprintf("et %d autres problèmes", len(books.Problems)-3))
		}
		return ledger.Errorf(ledger.Conflict, "Clôture de l'exercice %s refusée : les livres ne sont plus ceux que %s a approuvés, ils ont été modifiés hors de Tantième : %s. "+
			"Restaurez la dernière sauvegarde d'avant cette modification.", ex.Name(), when, strings.Join(what, " ; "))
	}
	switch {
	case !v.Found:
		return ledger.Errorf(ledger.Conflict, "Clôture de l'exercice %s refusée : les écritures ne passent plus par l'empreinte %s des comptes approuvés par %s. "+
			"Les comptes ont été réécrits depuis ; faites-les approuver à nouveau.", ex.Name(), fp, when)
	case len(v.Changed) > 0 || v.Added > 0:
		var what []string
		what = append(what, v.Changed...)
		if len(what) > 5 {
			what = append(what[:5:5], fmt.Sprintf("et %d autres", len(v.Changed)-5))
		}
		if v.Added > 0 {
			what = append(what, fr.Count(v.Added, "écriture ajoutée", "écritures ajoutées"))
		}
		return ledger.Errorf(ledger.Conflict, "Clôture de l'exercice %s refusée : les comptes ont changé depuis leur approbation par %s (empreinte %s) : %s. "+
			"Annulez ces changements ou faites approuver les comptes à nouveau.", ex.Name(), when, fp, strings.Join(what, ", "))
	}
	return nil
}
