package closing

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"tantieme/app/apptest"
	"tantieme/ledger"
)

// tableRow is a line of an annexe table with an amount on it.
var tableRow = regexp.MustCompile(`\S.*\d,\d\d`)

// TestAnnexesPagination: over the demo's two exercises (2025 closed, 2026
// with its works, as a projet), no page of the annexes holds only notes or
// checks, and each annexe's total prints on the page of rows of its table:
// the SOLDE of annexe 3 (the result the AG approves) with the last key's
// lines, the totals of annexes 2, 4 and 5 with lines above them (issue 13
// item 7).
func TestAnnexesPagination(t *testing.T) {
	r := apptest.Demo(t)
	ex25 := apptest.Year(t, r, 2025)
	plan, err := Prepare(r, ex25, Options{OwnersAt: ledger.Date(2026, 3, 1)})
	must(t, err)
	_, err = Post(r, plan)
	must(t, err)
	postAllCalls(t, r, apptest.Year(t, r, 2026), "ASC")
	printed := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, y := range []int{2025, 2026} {
		pdf, d, err := AnnexesPDF(r, apptest.Year(t, r, y), nil, printed)
		must(t, err)
		if len(d.Failed()) > 0 {
			t.Errorf("%d: failed checks %+v", y, d.Failed())
		}
		pages := pdfPages(pdfTextOf(t, pdf))
		// Totals and, for each, a line of its table that must share its page.
		totals := []struct{ total, row string }{
			{`SOLDE \(excédent \+ / insuffisance −\)`, `Total net pour la clé`},
			{`TOTAL CHARGES NETTES`, `Eau`},
			{`TOTAL TRAVAUX DE L'ART. 14-2`, `TOTAL OPÉRATIONS EXCEPTIONNELLES`},
			{`Total général \(I\) \+ \(II\)`, `Copropriétaires – sommes exigibles`},
			{`(?m)^\s*TOTAL\s+\d`, `Toutes clés`}, // annexe 5
		}
		for _, tc := range totals {
			found := false
			for _, p := range pages {
				if regexp.MustCompile(tc.total).MatchString(p) {
					found = true
					if !regexp.MustCompile(tc.row).MatchString(p) {
						t.Errorf("%d: « %s » on a page without « %s »:\n%s", y, tc.total, tc.row, p)
					}
				}
			}
			if !found {
				t.Errorf("%d: no « %s »", y, tc.total)
			}
		}
		for i, p := range pages {
			body := p
			if k := strings.Index(body, "Contrôles de cohérence"); k >= 0 {
				body = body[:k]
			}
			rows := 0
			for _, l := range strings.Split(body, "\n") {
				if tableRow.MatchString(l) && !strings.Contains(l, "Exercice du") {
					rows++
				}
			}
			if rows == 0 {
				t.Errorf("%d: page %d holds %d table rows (notes or checks alone):\n%s", y, i+1, rows, p)
			}
		}
	}
}
