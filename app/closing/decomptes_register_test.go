package closing

import (
	"strings"
	"testing"

	"tantieme/app/apptest"
	"tantieme/ledger"
)

// Décomptes are registered one per owner, the draft of an exercise not
// closed too, its title saying so; annexes each and the five in one.
func TestDecomptesAndAnnexesRegister(t *testing.T) {
	r := apptest.Demo(t)
	ex := apptest.Year(t, r, 2025)
	df, err := WriteDecomptes(r, t.TempDir(), ex, DecompteOptions{Printed: ledger.Date(2026, 2, 15)})
	must(t, err)
	lines, err := r.DocumentRegister(ledger.DocumentFilter{Kind: "decompte"})
	must(t, err)
	if len(lines) != len(df.Owners) || len(lines) == 0 {
		t.Fatalf("%d lines for %d décomptes", len(lines), len(df.Owners))
	}
	for _, l := range lines {
		if len(l.Owners) != 1 || !l.Date.Equal(ex.End) || l.Exercise != ex.ID || strings.Contains(l.File, "_TOUS") ||
			!strings.HasPrefix(l.Title, "Décompte de charges 2025") || strings.Contains(l.Title, "projet") != df.Preview {
			t.Errorf("décompte registered %+v (preview %v)", l.Document, df.Preview)
		}
	}
	if _, err := WriteAnnexes(r, t.TempDir(), ex, ledger.Date(2026, 2, 15)); err != nil {
		t.Fatal(ledger.Message(err))
	}
	annexes, err := r.DocumentRegister(ledger.DocumentFilter{Kind: "annex"})
	must(t, err)
	if len(annexes) != 6 || annexes[0].Binder != "ag" || len(annexes[0].Owners) != 0 {
		t.Errorf("annexes registered %+v", annexes)
	}
}
