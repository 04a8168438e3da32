package app_test

import (
	"regexp"
	"strings"
	"testing"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

var printedFingerprint = regexp.MustCompile(`Empreinte des comptes : ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})`)

// fingerprintsIn lists the distinct fingerprints a PDF prints.
func fingerprintsIn(t *testing.T, pdf []byte) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for _, m := range printedFingerprint.FindAllStringSubmatch(ledgertest.PDF(t, pdf, "-layout"), -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Issue 12: the annexes of the AG (projet) print the books' fingerprint of
// the moment; after the closing, the final annexes, the books and the
// décomptes print the exercise's seal, which check finds in the chain; the
// projet's fingerprint is still found, with the closing's entries as
// additions only. Both are remembered on this computer and kept in the
// backups' manifests.
func TestFingerprintOnDocuments(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)

	projet, d, err := closing.AnnexesPDF(r, ex, nil, ledger.Date(2026, 3, 1))
	mustOK(t, err)
	if !d.Provisional {
		t.Fatal("2025 is not closed yet: the annexes are a projet")
	}
	printed := fingerprintsIn(t, projet)
	var head ledger.Link
	apptest.View(t, r, func(tx *ledger.Tx) error {
		h, _, err := tx.ChainHead()
		head = h.Link
		return err
	})
	if len(printed) != 1 || printed[0] != head.Fingerprint() {
		t.Fatalf("projet prints %v, the chain's link is %s", printed, head.Fingerprint())
	}

	p, err := closing.Prepare(r, ex, closing.Options{})
	mustOK(t, err)
	mustOK(t, p.Err())
	_, err = closing.Post(r, p)
	mustOK(t, err)
	ex = apptest.Year(t, r, 2025)
	var seal ledger.ChainRecord
	apptest.View(t, r, func(tx *ledger.Tx) error {
		s, ok, err := tx.Seal(ex.ID)
		if !ok {
			t.Fatal("the closing left no seal")
		}
		seal = s
		return err
	})
	final, _, err := closing.AnnexesPDF(r, ex, nil, ledger.Date(2026, 3, 1))
	mustOK(t, err)
	balance, err := r.TrialBalancePDF(app.BookOptions{Exercise: ex})
	mustOK(t, err)
	journal, err := r.JournalPDF(app.BookOptions{Exercise: ex})
	mustOK(t, err)
	for name, pdf := range map[string][]byte{"final annexes": final, "trial balance": balance, "journal": journal} {
		if got := fingerprintsIn(t, pdf); len(got) != 1 || got[0] != seal.Link.Fingerprint() {
			t.Errorf("%s print %v, the seal is %s", name, got, seal.Link.Fingerprint())
		}
	}
	_, list, _, err := closing.Decomptes(r, ex, closing.DecompteOptions{})
	mustOK(t, err)
	if len(list) == 0 || list[0].Fingerprint != seal.Link.Fingerprint() {
		t.Errorf("décomptes carry %q", list[0].Fingerprint)
	}

	// check's view: the seal is the exercise's, the projet's fingerprint
	// is still in the chain, the closing entries being additions.
	v, err := r.VerifyFingerprint(2025, seal.Link.Fingerprint())
	if err != nil || !v.Found || !v.Sealed {
		t.Errorf("seal: %+v %v", v, err)
	}
	v, err = r.VerifyFingerprint(2025, printed[0])
	if err != nil || !v.Found || len(v.Changed) != 0 || v.Added == 0 {
		t.Errorf("projet's fingerprint after the closing: %+v %v", v, err)
	}

	remembered := map[string]string{}
	for _, rec := range app.Fingerprints(r.Path()) {
		remembered[rec.Document] = rec.Fingerprint
	}
	if remembered["annexes (projet pour l'AG)"] != printed[0] || remembered["annexes"] != seal.Link.Fingerprint() ||
		remembered["clôture (scellé de l'exercice)"] != seal.Link.Fingerprint() {
		t.Errorf("remembered on this computer: %v", remembered)
	}

	b, err := r.Backup(t.TempDir(), app.BackupOptions{})
	mustOK(t, err)
	var inManifest string
	for _, f := range b.Manifest.Fingerprints {
		if f.Exercise == "2025" && f.Sealed {
			inManifest = f.Fingerprint
		}
	}
	if inManifest != seal.Link.Fingerprint() || !strings.HasPrefix(b.Manifest.ChainHead, "") || len(b.Manifest.ChainHead) != 64 {
		t.Errorf("manifest: %+v", b.Manifest)
	}
}
