package closing

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// pdfWord is a word of a PDF page with its box, in points (pdftotext -bbox).
type pdfWord struct {
	page       int
	x0, y0, x1 float64
	text       string
}

func pdfWordsOf(t *testing.T, path string) []pdfWord {
	t.Helper()
	var out []pdfWord
	for _, w := range ledgertest.Words(t, path) {
		out = append(out, pdfWord{page: w.Page, x0: w.XMin, y0: w.YMin, x1: w.XMax, text: w.Text})
	}
	return out
}

// accountLine is a printed line of an owner's account: its label and the
// figures of its Débit, Crédit and Solde columns (zero when blank).
type accountLine struct {
	label                   string
	debit, credit, balance  ledger.Amount
	hasDebit, hasCredit, hb bool
}

var amountPart = regexp.MustCompile(`^-?\d{1,3}(,\d{2})?$`)

// accountLines reads the lines of the account table of a décompte or a
// reminder (the table whose header reads Débit, Crédit, Solde), from its
// header to the line whose label starts with last, placing each figure in
// the column whose right edge it ends at.
func accountLines(t *testing.T, path, last string) []accountLine {
	t.Helper()
	words := pdfWordsOf(t, path)
	sort.SliceStable(words, func(i, j int) bool {
		if words[i].page != words[j].page {
			return words[i].page < words[j].page
		}
		return words[i].y0 < words[j].y0-1.5 || (words[i].y0 < words[j].y0+1.5 && words[i].x0 < words[j].x0)
	})
	// Lines: words of a page at the same height.
	var lines [][]pdfWord
	for i, w := range words {
		if i > 0 && w.page == words[i-1].page && w.y0 < lines[len(lines)-1][0].y0+1.5 {
			lines[len(lines)-1] = append(lines[len(lines)-1], w)
			continue
		}
		lines = append(lines, []pdfWord{w})
	}
	var edges map[string]float64 // right edge of each amount column
	var labelFrom float64        // left edge of the label column
	page := 0                    // the page of the last row read
	var out []accountLine
	for _, ln := range lines {
		head := map[string]float64{}
		for _, w := range ln {
			head[w.text] = w.x1
		}
		if _, ok := head["Débit"]; ok {
			if _, ok := head["Crédit"]; ok {
				edges = map[string]float64{"Débit": head["Débit"], "Crédit": head["Crédit"], "Solde": head["Solde"]}
				labelFrom = 0
				for _, w := range ln {
					if w.text == "Libellé" {
						labelFrom = w.x0 - 1
					}
				}
				continue
			}
		}
		if edges == nil {
			continue
		}
		// The Débit column is 22 mm wide (62 points): words starting after
		// its left edge are figures.
		figuresFrom := edges["Débit"] - 61
		var label []string
		var groups [][]pdfWord
		for _, w := range ln {
			if w.x0 < figuresFrom || !amountPart.MatchString(w.text) {
				if w.x0 >= labelFrom {
					label = append(label, w.text)
				}
				continue
			}
			if n := len(groups); n > 0 && w.x0-groups[n-1][len(groups[n-1])-1].x1 < 4 {
				groups[n-1] = append(groups[n-1], w)
			} else {
				groups = append(groups, []pdfWord{w})
			}
		}
		al := accountLine{label: strings.Join(label, " ")}
		for _, g := range groups {
			var parts []string
			for _, w := range g {
				parts = append(parts, w.text)
			}
			text := strings.Join(parts, " ")
			if !strings.Contains(text, ",") {
				continue
			}
			a, err := ledger.ParseAmount(text)
			if err != nil {
				t.Fatalf("%s: figure %q: %v", filepath.Base(path), text, err)
			}
			col, best := "", 1e9
			for name, x := range edges {
				if d := abs(g[len(g)-1].x1 - x); d < best {
					col, best = name, d
				}
			}
			switch col {
			case "Débit":
				al.debit, al.hasDebit = a, true
			case "Crédit":
				al.credit, al.hasCredit = a, true
			case "Solde":
				al.balance, al.hb = a, true
			}
		}
		if !al.hasDebit && !al.hasCredit && !al.hb {
			// A wrapped label's next line, on the page of its row.
			if n := len(out); n > 0 && ln[0].page == page && al.label != "" {
				out[n-1].label += " " + al.label
			}
			continue
		}
		page = ln[0].page
		if n := len(out); n > 0 && strings.HasPrefix(out[n-1].label, last) {
			return out
		}
		out = append(out, al)
	}
	if n := len(out); n > 0 && strings.HasPrefix(out[n-1].label, last) {
		return out
	}
	t.Fatalf("%s: no account table ending with %q (read %d lines)", filepath.Base(path), last, len(out))
	return nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// addUp checks that the balance brought forward plus the debits less the
// credits of lines[1:upTo] is the balance printed on lines[upTo], and
// returns it.
func addUp(t *testing.T, who string, lines []accountLine, upTo int) ledger.Amount {
	t.Helper()
	sum := lines[0].balance
	if !lines[0].hb || lines[0].hasDebit || lines[0].hasCredit {
		t.Errorf("%s: the first line is not a balance brought forward: %+v", who, lines[0])
	}
	for _, l := range lines[1:upTo] {
		sum += l.debit - l.credit
	}
	if sum != lines[upTo].balance {
		t.Errorf("%s: the lines add up to %s, the line %q prints %s", who, sum, lines[upTo].label, lines[upTo].balance)
	}
	return sum
}

// demoTwoYears is the demo with 2025 closed and the 2026 calls posted:
// the budget with its works fund, and the lift works' four instalments.
func demoTwoYears(t *testing.T) *app.Residence {
	r := apptest.Demo(t)
	p, err := Prepare(r, apptest.Year(t, r, 2025), Options{})
	must(t, err)
	must(t, p.Err())
	_, err = Post(r, p)
	must(t, err)
	ex := apptest.Year(t, r, 2026)
	budget, err := r.PlanBudgetCalls(ex, 4)
	must(t, err)
	_, err = r.PostCalls(budget)
	must(t, err)
	works, err := r.PlanWorksCalls(app.DemoWorks.Code, ex)
	must(t, err)
	_, err = r.PostCalls(works)
	must(t, err)
	return r
}

func balancesAt(t *testing.T, r *app.Residence, y, m, d int) map[string]ledger.Amount {
	t.Helper()
	list, err := r.OwnerSummaries(ledger.Date(y, time.Month(m), d))
	must(t, err)
	out := map[string]ledger.Amount{}
	for _, o := range list {
		out[o.Account] = o.Balance
	}
	return out
}

// Every owner goes, line by line, from his balance brought forward through
// each call (budget, works, works fund) and each payment to the balance the
// books give: on the décomptes of 2025 (closed) and of 2026 (projected,
// with the works calls), the lines add up to the balance before the
// distribution, and with the régularisation to the balance after it.
func TestDecomptesAddUpToTheBooks(t *testing.T) {
	r := demoTwoYears(t)
	for _, c := range []struct {
		year    int
		preview bool
		calls   []string // labels every owner of the general key finds
	}{
		{2025, false, []string{"Appel de fonds 1er trimestre 2025", "Appel fonds de travaux 4e trimestre 2025"}},
		{2026, true, []string{"Appel de fonds 1er trimestre 2026", "Appel fonds de travaux 4e trimestre 2026"}},
	} {
		ex := apptest.Year(t, r, c.year)
		books := balancesAt(t, r, c.year, 12, 31)
		plan, preview, err := Of(r, ex, Options{})
		must(t, err)
		if preview != c.preview {
			t.Fatalf("%d: preview %v", c.year, preview)
		}
		df, err := WriteDecomptes(r, t.TempDir(), ex, DecompteOptions{Printed: ledger.Date(2027, 1, 10)})
		must(t, err)
		if len(df.Owners) != len(plan.Owners) || len(df.Owners) < 12 {
			t.Fatalf("%d: %d décomptes for %d owners", c.year, len(df.Owners), len(plan.Owners))
		}
		worksSeen := 0
		for i, path := range df.Owners {
			oc := plan.Owners[i]
			checkDecompteAccount(t, path, ex, oc, c.preview, books[oc.Account])
			who := oc.Account + " " + ex.Name()
			text := ledgertest.Flat(ledgertest.PDFFile(t, path, "-layout"))
			if oc.Account != app.DemoSeller && oc.Account != app.DemoBuyer {
				for _, want := range c.calls {
					if !strings.Contains(text, want) {
						t.Errorf("%s lacks the call %q", who, want)
					}
				}
			}
			if strings.Contains(text, "Appel travaux ASC") {
				worksSeen++
			}
			if strings.Contains(text, "…") {
				t.Errorf("%s: a text is cut: %s", who, text)
			}
		}
		if c.year == 2026 && worksSeen == 0 {
			t.Errorf("no 2026 décompte shows the works calls")
		}
	}
}

// checkDecompteAccount reads the account table of owner oc's décompte of
// ex: its lines add up to the balance before the distribution (the books'
// at the exercise's end for a preview), and with the régularisation to
// the balance after it (the books' once closed).
func checkDecompteAccount(t *testing.T, path string, ex ledger.Exercise, oc Owner, preview bool, books ledger.Amount) {
	t.Helper()
	who := oc.Account + " " + ex.Name()
	lines := accountLines(t, path, "Solde après répartition")
	n := len(lines)
	if n < 4 || !strings.HasPrefix(lines[n-3].label, "Solde avant répartition") || !strings.HasPrefix(lines[n-2].label, "Régularisation") {
		t.Fatalf("%s: account lines %+v", who, lines)
	}
	before := addUp(t, who, lines, n-3)
	reg := lines[n-2].debit - lines[n-2].credit
	if reg != oc.Regularisation || before+reg != lines[n-1].balance || lines[n-2].balance != lines[n-1].balance {
		t.Errorf("%s: before %s + régularisation %s (plan %s) ≠ after %s", who, before, reg, oc.Regularisation, lines[n-1].balance)
	}
	if preview {
		if before != books {
			t.Errorf("%s: balance before distribution %s, books %s", who, before, books)
		}
	} else if lines[n-1].balance != books || before != oc.BalanceBefore {
		t.Errorf("%s: balance after %s (books %s), before %s (plan %s)", who, lines[n-1].balance, books, before, oc.BalanceBefore)
	}
}

// The same with finished works, exceptional operations and a sale: the
// closing's entries on each owner's account are his régularisation.
func TestDecomptesAddUpWithWorks(t *testing.T) {
	r := closingScenario(t)
	ex := apptest.Year(t, r, 2025)
	p, err := Prepare(r, ex, Options{OwnersAt: closingOwnersAt})
	must(t, err)
	must(t, p.Err())
	_, err = Post(r, p)
	must(t, err)
	books := balancesAt(t, r, 2025, 12, 31)
	plan, _, err := Of(r, ex, Options{})
	must(t, err)
	df, err := WriteDecomptes(r, t.TempDir(), ex, DecompteOptions{Printed: ledger.Date(2026, 4, 1)})
	must(t, err)
	if len(df.Owners) != len(plan.Owners) || len(plan.Owners) == 0 || len(plan.Sections) < 2 {
		t.Fatalf("%d décomptes for %d owners, %d sections", len(df.Owners), len(plan.Owners), len(plan.Sections))
	}
	for i, path := range df.Owners {
		oc := plan.Owners[i]
		checkDecompteAccount(t, path, ex, oc, false, books[oc.Account])
	}
}

// A reminder goes from the balance brought forward, named for what it is,
// through each call and payment to the balance it asks for, which is the
// books'; right after the closing too, when the à-nouveau is all there is.
func TestRemindersAddUpToTheBooks(t *testing.T) {
	r := demoTwoYears(t)
	for _, at := range [][3]int{{2026, 1, 1}, {2026, 2, 15}, {2026, 10, 2}} {
		day := ledger.Date(at[0], time.Month(at[1]), at[2])
		books := balancesAt(t, r, at[0], at[1], at[2])
		rf, err := r.WriteReminders(t.TempDir(), app.ReminderOptions{At: day, PayBy: day.AddDate(0, 1, 0), Printed: day})
		must(t, err)
		if len(rf.Owners) == 0 {
			t.Fatalf("%s: no reminder", ledger.FrenchDate(day))
		}
		for i, path := range rf.Owners {
			d := rf.Debtors[i]
			who := d.Account + " au " + ledger.FrenchDate(day)
			lines := accountLines(t, path, "Solde au")
			n := len(lines)
			if got := addUp(t, who, lines, n-1); got != books[d.Account] || got != d.Balance {
				t.Errorf("%s: the lines add up to %s, books %s", who, got, books[d.Account])
			}
			if want := "À nouveau : solde de l'exercice 2025"; !strings.HasPrefix(lines[0].label, want) {
				t.Errorf("%s: the balance brought forward reads %q, want %q", who, lines[0].label, want)
			}
			if text := ledgertest.Flat(ledgertest.PDFFile(t, path, "-layout")); strings.Contains(text, "…") {
				t.Errorf("%s: a text is cut: %s", who, text)
			}
		}
	}
}

// Sale décomptes cite the rule where it is (décret du 17 mars 1967, art.
// 6-2) and print the seller's line whole.
func TestSaleDecomptes(t *testing.T) {
	r := apptest.Demo(t)
	dir := t.TempDir()
	df, err := WriteDecomptes(r, dir, apptest.Year(t, r, 2025), DecompteOptions{Accounts: []string{app.DemoSeller, app.DemoBuyer}, Printed: ledger.Date(2026, 1, 10)})
	must(t, err)
	for i, want := range []string{"Provisions reportées sur l'acquéreur", "Provisions du vendeur reprises"} {
		text := rawText(t, df.Owners[i])
		for _, w := range []string{want, "(décret n° 67-223 du 17 mars 1967, art. 6-2)"} {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", filepath.Base(df.Owners[i]), w, text)
			}
		}
		if strings.Contains(text, "1965, art. 6-2") || strings.Contains(text, "…") {
			t.Errorf("%s cites the law of 1965 for art. 6-2 or cuts a text:\n%s", filepath.Base(df.Owners[i]), text)
		}
	}
	if _, err := os.Stat(df.Combined); err != nil {
		t.Error(err)
	}
}

// rawText is a PDF's text in the order it is drawn (pdftotext -raw), its
// words joined by single spaces: a label wrapped in its column reads whole.
func rawText(t *testing.T, path string) string {
	return ledgertest.Flat(ledgertest.PDFFile(t, path, "-raw"))
}

// TestDecompteCreditAsksNoPayment: an owner in credit after the
// distribution is not asked for a reference « sur votre virement »; he
// reads that he has nothing to pay and what becomes of his credit. An
// owner who owes keeps the footer (issue 16, item 11).
func TestDecompteCreditAsksNoPayment(t *testing.T) {
	r, _ := bigClosedResidence(t)
	ex := apptest.Year(t, r, 2025)
	_, list, _, err := Decomptes(r, ex, DecompteOptions{Printed: ledger.Date(2026, 2, 15)})
	must(t, err)
	owing, credit := 0, 0
	for _, d := range list {
		switch {
		case strings.Contains(d.ResultLabel, "à payer"):
			owing++
			if !strings.Contains(d.Letter.Closing, "sur votre virement") {
				t.Errorf("%s owes but is not asked for the reference: %q", d.Result, d.Letter.Closing)
			}
		case strings.Contains(d.ResultLabel, "en votre faveur"):
			credit++
			if strings.Contains(d.Letter.Closing, "virement") || !strings.Contains(d.Letter.Closing, "Vous n'avez rien à payer : la somme en votre faveur") {
				t.Errorf("%s in credit reads %q", d.Result, d.Letter.Closing)
			}
		}
	}
	if owing == 0 || credit == 0 {
		t.Fatalf("%d owing, %d in credit: the residence does not show both", owing, credit)
	}
}
