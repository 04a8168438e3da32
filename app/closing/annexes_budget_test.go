package closing

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"tantieme/app/apptest"
)

// TestAnnexesBudgetNotEntered: a budget column whose budget was never
// entered says so (« Budget 2027 non saisi : à voter par l'AG ») instead of
// printing 0,00 on every line, and no check ticks its zeros as verified
// (issue 13 item 6). A budget entered prints its figures and is checked.
func TestAnnexesBudgetNotEntered(t *testing.T) {
	notEntered := regexp.MustCompile(`non saisi\s+non saisi\s*$`)
	for _, tc := range []struct {
		name      string
		copy2026  bool // the 2026 budget entered (a copy of 2025's)
		missing   []string
		present   []string
		checks    []string // years whose budget check must be listed
		noChecks  []string // years no check may name
		soldeBoth bool     // both budget columns of the SOLDE say « non saisi »
	}{
		{name: "none entered", missing: []string{"Budget 2026 non saisi : à voter par l'AG", "Budget 2027 non saisi : à voter par l'AG"},
			noChecks: []string{"2026", "2027"}, soldeBoth: true},
		{name: "2026 entered", copy2026: true, missing: []string{"Budget 2027 non saisi : à voter par l'AG"},
			present: []string{"Budget 2026 non saisi"}, checks: []string{"en cours voté 2026"}, noChecks: []string{"2027"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := closingScenario(t)
			if tc.copy2026 {
				_, err := r.CopyBudget(2025, 2026, decimal.Zero)
				must(t, err)
			}
			d, err := Annexes(r, apptest.Year(t, r, 2025))
			must(t, err)
			for _, c := range d.Checks {
				for _, y := range tc.noChecks {
					if strings.Contains(c.Text, y) {
						t.Errorf("a check on a budget not entered: %s (%s = %s)", c.Text, c.Left, c.Right)
					}
				}
			}
			for _, y := range tc.checks {
				found := false
				for _, c := range d.Checks {
					found = found || strings.Contains(c.Text, y) && c.OK()
				}
				if !found {
					t.Errorf("no check of the budget %s", y)
				}
			}
			pdf, err := RenderAnnexes(d, []int{2, 3}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
			must(t, err)
			text := pdfTextOf(t, pdf)
			flat := strings.Join(strings.Fields(text), " ")
			for _, m := range tc.missing {
				if !strings.Contains(flat, m) {
					t.Errorf("missing %q", m)
				}
			}
			for _, m := range tc.present {
				if strings.Contains(flat, m) {
					t.Errorf("%q printed for a budget entered", m)
				}
			}
			solde := ""
			for _, l := range strings.Split(text, "\n") {
				if strings.Contains(l, "SOLDE (excédent") {
					solde = strings.TrimSpace(l)
				}
			}
			if notEntered.MatchString(solde) != tc.soldeBoth {
				t.Errorf("annexe 3 SOLDE line %q", solde)
			}
			if tc.soldeBoth && strings.Contains(solde, "0,00 0,00") {
				t.Errorf("annexe 3 SOLDE line prints zeros: %q", solde)
			}
		})
	}
}
