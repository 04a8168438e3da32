package closing

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// pdfTextOf extracts a PDF's text with poppler's pdftotext -layout; tests
// that need it skip when it is missing (.ci/run installs it).
func pdfTextOf(t *testing.T, pdf []byte) string { return ledgertest.PDF(t, pdf, "-layout") }

func pdfPages(text string) []string {
	p := strings.Split(text, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

// pdfIsA4 checks the page size with pdfinfo when it is there.
func pdfIsA4(t *testing.T, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		return
	}
	in := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(in, pdf, 0o644)
	out, err := exec.Command(bin, in).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "(A4)") {
		t.Errorf("not A4:\n%s", out)
	}
}

// longName is a name of exactly 40 characters, different for each i.
func longName(i int) string {
	s := fmt.Sprintf("de La Rochefoucauld-Montmorency Éléo %03d", i)
	if n := utf8.RuneCountInString(s); n != 40 {
		panic(fmt.Sprint("long name of ", n))
	}
	return s
}

// bigClosedResidence has 150 owners with 40-character names, one lot
// each, its 2025 calls, some charges, and 2025 closed.
func bigClosedResidence(t *testing.T) (*app.Residence, *Plan) {
	t.Helper()
	var lots []apptest.Lot
	for i := 1; i <= 150; i++ {
		shares := map[string]string{"001": fmt.Sprint(10 + i%17)}
		if i%2 == 0 {
			shares["002"] = fmt.Sprint(5 + i%7)
		}
		lots = append(lots, apptest.Lot{Number: fmt.Sprint(i), Owner: fmt.Sprintf("450%03d", i), Shares: shares})
	}
	r := apptest.Calls(t, lots, apptest.Budget("611000", "001", "24000,07"), apptest.Budget("614000", "002", "3000"))
	must(t, r.Update(func(tx *ledger.Tx) error {
		for i := 1; i <= 150; i++ {
			o, err := tx.Owner(fmt.Sprintf("450%03d", i))
			if err != nil {
				return err
			}
			o.Civility, o.Name = "", longName(i)
			if err := tx.UpdateOwner(o); err != nil {
				return err
			}
		}
		return nil
	}))
	ex := apptest.Year(t, r, 2025)
	postAllCalls(t, r, ex)
	post(t, r, en("2025-06-30", "AC", "Nettoyage", dl("611000", "001", "25310,33"), cl("401000", "", "25310,33")))
	post(t, r, en("2025-07-30", "AC", "Ascenseur", dl("614000", "002", "2871,50"), cl("401000", "", "2871,50")))
	post(t, r, en("2025-08-30", "BQ", "Règlement", dl("512001", "", "1000"), cl("450007", "", "1000")))
	p, err := Prepare(r, ex, Options{OwnersAt: ledger.Date(2026, 2, 1)})
	must(t, err)
	must(t, p.Err())
	_, err = Post(r, p)
	must(t, err)
	return r, p
}

func TestAnnexesPDF150Owners(t *testing.T) {
	r, plan := bigClosedResidence(t)
	ex := apptest.Year(t, r, 2025)
	pdf, d, err := AnnexesPDF(r, ex, nil, ledger.Date(2026, 2, 15))
	must(t, err)
	pdfIsA4(t, pdf)
	text := pdfTextOf(t, pdf)
	pages := pdfPages(text)
	for i, p := range pages {
		for _, want := range []string{"Syndicat des copropriétaires Résidence du Parc", "Exercice du 01/01/2025 au 31/12/2025",
			"ANNEXE N°", fmt.Sprintf("Page %d / %d", i+1, len(pages)), "Imprimé le 15/02/2026"} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	// The owners' list runs over several pages, its header repeated on
	// each, every owner once with his whole 40-character name.
	listPages := 0
	for _, p := range pages {
		if strings.Contains(p, "ANNEXE N° 1") && strings.Contains(p, "Solde avant") {
			listPages++
			if !strings.Contains(p, "Copropriétaire") {
				t.Error("a page of the owners' list has no header")
			}
		}
	}
	if listPages < 3 {
		t.Errorf("150 owners on %d pages", listPages)
	}
	for i := 1; i <= 150; i++ {
		if n := strings.Count(text, longName(i)); n != 1 {
			t.Errorf("%s printed %d times", longName(i), n)
		}
	}
	if strings.Contains(text, "Montmorency Éléo…") {
		t.Error("a 40-character name was cut")
	}
	// Figures and totals as the data says, and every check printed.
	a1 := d.A1
	for _, want := range []string{
		fmt.Sprintf("Total (%d copropriétaires)", len(a1.Owners)),
		a1.OwnersDebit.Format(), a1.OwnersCredit.Format(), a1.TotalLeft[1].Format(),
		d.A3.NetTotal[ColActual].Format(), d.A3.Provisions[ColActual].Format(), d.A3.Solde[ColActual].Format(),
		"25 310,33", "2 871,50", "TOTAL CHARGES NETTES", "Contrôles de cohérence",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("annexes lack %q", want)
		}
	}
	if n := strings.Count(text, "vérifié"); n < len(d.Checks)-1 || len(d.Failed()) > 0 {
		t.Errorf("%d checks printed as verified, %d failed", n, len(d.Failed()))
	}
	if a1.TotalLeft[1] != a1.TotalRight[1] || plan.Regularisation != -d.A3.Solde[ColActual] {
		t.Errorf("annexe 1 %s / %s, régularisation %s, annexe 3 solde %s", a1.TotalLeft[1], a1.TotalRight[1], plan.Regularisation, d.A3.Solde[ColActual])
	}
	// Each annexe alone is its own document.
	for n := 1; n <= 5; n++ {
		one, err := RenderAnnexes(d, []int{n}, ledger.Date(2026, 2, 15))
		must(t, err)
		txt := pdfTextOf(t, one)
		if !strings.Contains(txt, fmt.Sprintf("ANNEXE N° %d", n)) || strings.Contains(txt, fmt.Sprintf("ANNEXE N° %d", n%5+1)) {
			t.Errorf("annexe %d alone holds the wrong annexes", n)
		}
	}
}

func TestDecomptes150Owners(t *testing.T) {
	r, plan := bigClosedResidence(t)
	ex := apptest.Year(t, r, 2025)
	dir := filepath.Join(t.TempDir(), "decomptes")
	df, err := WriteDecomptes(r, dir, ex, DecompteOptions{Printed: ledger.Date(2026, 2, 15)})
	must(t, err)
	if df.Preview || len(df.Owners) != 150 {
		t.Fatalf("preview %v, %d files", df.Preview, len(df.Owners))
	}
	if got, want := filepath.Base(df.Owners[6]), "DECOMPTE_2025_450007_DE_LA_ROCHEFOUCAULD_MONTMORENCY_ELEO_007.pdf"; got != want {
		t.Errorf("file %s, want %s", got, want)
	}
	if filepath.Base(df.Combined) != "DECOMPTES_2025_TOUS.pdf" {
		t.Errorf("combined %s", df.Combined)
	}
	all, _ := os.ReadFile(df.Combined)
	pdfIsA4(t, all)
	pages := pdfPages(pdfTextOf(t, all))
	if len(pages) != 150 {
		t.Fatalf("%d pages for 150 décomptes (one page each expected)", len(pages))
	}
	amount := regexp.MustCompile(`Solde (à payer|en votre faveur) après répartition\s+([0-9 ]+,[0-9]{2}) €`)
	for i, o := range plan.Owners {
		p := pages[i]
		if !strings.Contains(p, longName(i+1)) || !strings.Contains(p, o.Account) {
			t.Errorf("page %d is not %s's décompte", i+1, o.Account)
			continue
		}
		part := o.Sections[0].Parts[0]
		for _, want := range []string{"Décompte individuel de charges – exercice 2025", fr.Shares(part.Shares), fr.Shares(part.TotalShares),
			part.KeyNet.Format(), part.Part.Format(), o.Charges.Format(), o.Provisions.Format(), "Page 1 / 1"} {
			if !strings.Contains(p, want) {
				t.Errorf("%s's décompte lacks %q", o.Account, want)
			}
		}
		m := amount.FindStringSubmatch(p)
		if m == nil || m[2] != o.BalanceAfter.Abs().Format() || (m[1] == "à payer") != (o.BalanceAfter > 0) {
			t.Errorf("%s: result %q, balance after %s", o.Account, m, o.BalanceAfter)
		}
	}
	one, _ := os.ReadFile(df.Owners[41])
	if text := pdfTextOf(t, one); !strings.Contains(text, longName(42)) || len(pdfPages(text)) != 1 {
		t.Errorf("the file of 450042 is not his one-page décompte")
	}
}

// An exercise not closed gets projected décomptes, named as such, and
// nothing is written to the books (the register of documents records the
// drafts, titled « projet »: that is not the books).
func TestDecomptesPreview(t *testing.T) {
	r := closingScenario(t)
	ex := apptest.Year(t, r, 2025)
	snap := booksState(t, r)
	dir := t.TempDir()
	df, err := WriteDecomptes(r, dir, ex, DecompteOptions{OwnersAt: closingOwnersAt, Printed: ledger.Date(2026, 1, 10)})
	must(t, err)
	if !df.Preview || !strings.HasPrefix(filepath.Base(df.Combined), "APERCU_DECOMPTES_2025") {
		t.Errorf("preview %v, %s", df.Preview, df.Combined)
	}
	if after := booksState(t, r); after != snap {
		t.Error("previewing the décomptes changed the books")
	}
	var buyer string
	for _, f := range df.Owners {
		if strings.Contains(f, closingBuyer) {
			b, _ := os.ReadFile(f)
			buyer = pdfTextOf(t, b)
		}
	}
	for _, want := range []string{"PROJET", "Provisions du vendeur reprises", "Vous avez acquis le lot 4 le 15/05/2025", "Travaux RAV – Ravalement de la façade",
		"Opérations exceptionnelles hors campagne"} {
		if !strings.Contains(buyer, want) {
			t.Errorf("buyer's décompte lacks %q:\n%s", want, buyer)
		}
	}
}

// booksState sums up the books: the head of the entries' chain, the
// number of entries and the closings recorded.
func booksState(t *testing.T, r *app.Residence) string {
	t.Helper()
	var out string
	apptest.View(t, r, func(tx *ledger.Tx) error {
		head, _, err := tx.ChainHead()
		if err != nil {
			return err
		}
		entries, err := tx.Entries(ledger.EntryFilter{})
		if err != nil {
			return err
		}
		exs, err := tx.Exercises()
		if err != nil {
			return err
		}
		out = fmt.Sprintf("%+v %d", head, len(entries))
		for _, e := range exs {
			out += fmt.Sprintf(" %d:%v", e.ID, e.Closed)
		}
		return nil
	})
	return out
}
