package app

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tantieme/ledger"
)

// Posting works calls prints works notices only, to the owners with shares
// on the works' keys; they cite the AG decision and the instalment, never
// the budget, and have no period (issue 13, items 2 and 3). Their preview
// prints the same.
func TestWorksNoticesCiteTheDecision(t *testing.T) {
	r := writeDemo(t)
	ex := year(t, r, 2026)
	budget, err := r.PlanBudgetCalls(ex, 4)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	budgetPosted, err := r.PostCalls(budget)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	budgetFiles, err := r.WriteCallNotices(t.TempDir(), budgetPosted, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// Who has shares on the lift key on the works' due dates.
	concerned := map[string]bool{}
	view(t, r, func(tx *ledger.Tx) error {
		shares, err := tx.SharesOfKey("002")
		if err != nil {
			return err
		}
		owners, err := tx.OwnersAt(ledger.Date(2026, 4, 1))
		if err != nil {
			return err
		}
		for _, s := range shares {
			if s.Shares.IsPositive() {
				concerned[owners[s.Lot]] = true
			}
		}
		return nil
	})
	if len(concerned) == 0 || len(concerned) >= 12 {
		t.Fatalf("%d owners on the lift key", len(concerned))
	}
	plan, err := r.PlanWorksCalls("ASC", ex)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	preview, err := r.WritePreviewNotices(t.TempDir(), plan, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	files, err := r.WriteCallNotices(t.TempDir(), posted, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// The works notices do not ask again what the budget notices of the
	// same days asked: an owner paying every letter of both postings pays
	// what he owes after them.
	after := map[string]ledger.Amount{}
	first := ledger.Date(2026, 1, 1)
	view(t, r, func(tx *ledger.Tx) error {
		bal, err := tx.OwnerBalances(first)
		if err != nil {
			return err
		}
		for o, b := range bal {
			after[o] = b
		}
		for _, c := range append(budgetPosted, posted...) {
			if !c.Due.After(first) {
				continue
			}
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			for o, a := range full.OwnerTotals() {
				after[o] += a
			}
		}
		return nil
	})
	paid := map[string]ledger.Amount{}
	for _, f := range append(budgetFiles, files...) {
		for _, p := range f.Owners {
			if a := letterAmount(t, p); a > 0 {
				paid[strings.Split(filepath.Base(p), "_")[5]] += a
			}
		}
	}
	for o, a := range after {
		if paid[o] != max(a, 0) {
			t.Errorf("%s: the letters of both postings ask %s in all, the balance after them is %s", o, paid[o], a)
		}
	}
	for _, set := range []struct {
		name  string
		files []NoticeFiles
	}{{"preview", preview}, {"posted", files}} {
		if len(set.files) != 4 {
			t.Fatalf("%s: %d due dates", set.name, len(set.files))
		}
		for n, f := range set.files {
			var got []string
			for _, p := range f.Owners {
				got = append(got, strings.Split(strings.TrimPrefix(filepath.Base(p), "APERCU_"), "_")[5])
			}
			var want []string
			for o := range concerned {
				want = append(want, o)
			}
			sort.Strings(want)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s %s: notices to %v, owners on the lift key %v", set.name, ledger.ISO(f.Due), got, want)
			}
			text := fileText(t, f.Owners[0])
			stage := []string{"1 sur 4", "2 sur 4", "3 sur 4", "4 sur 4"}[n]
			for _, w := range []string{
				"Appel du " + ledger.FrenchDate(f.Due) + " – travaux « Modernisation de l'ascenseur », échéance " + stage,
				"L'assemblée générale du 12/06/2025 (résolution n° 12) a voté les travaux « Modernisation de l'ascenseur » pour un montant de 24 000,00 €",
				"(01/01/2026, 01/04/2026, 01/07/2026 et 01/10/2026)", "Nous vous adressons l'échéance " + stage + ", exigible le " + ledger.FrenchDate(f.Due),
				"Ascenseur",
			} {
				if !strings.Contains(text, w) {
					t.Errorf("%s %s lacks %q:\n%s", set.name, ledger.ISO(f.Due), w, text)
				}
			}
			// The previous balance is on the budget notice of 01/01/2026.
			if !strings.Contains(text, "Votre solde antérieur au 01/01/2026 figure sur l'avis de l'appel du 01/01/2026 (« Appel de fonds 1er trimestre 2026 »)") &&
				!strings.Contains(text, "Votre solde antérieur figure sur l'avis de l'appel du 01/01/2026 (« Appel de fonds 1er trimestre 2026 »)") {
				t.Errorf("%s %s does not say where the previous balance is:\n%s", set.name, ledger.ISO(f.Due), text)
			}
			for _, w := range []string{"budget", "Budget", "période", "Fonds de travaux", "Charges générales"} {
				if strings.Contains(text, w) {
					t.Errorf("%s %s says %q:\n%s", set.name, ledger.ISO(f.Due), w, text)
				}
			}
		}
	}
}

func TestResolutionText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"12", "résolution n° 12"},
		{" 12 bis ", "résolution n° 12 bis"},
		{"Résolution 7", "résolution n° 7"},
		{"résolution n° 7", "résolution n° 7"},
		{"n°7", "résolution n° 7"},
		{"No. 3", "résolution n° 3"},
		{"", ""},
		{"Nord-12", "résolution n° Nord-12"},
	} {
		if got := ResolutionText(tc.in); got != tc.want {
			t.Errorf("ResolutionText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
