package app

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
	"tantieme/templates"
)

// fileText extracts the text of a PDF file with poppler's pdftotext, runs
// of spaces and line breaks made one space (sentences wrap in letters).
func fileText(t *testing.T, path string) string {
	return ledgertest.Flat(ledgertest.PDFFile(t, path, "-layout"))
}

var letterDate = ledger.Date(2025, 9, 20)

func TestDemoNotices(t *testing.T) {
	r := writeDemo(t)
	dir := t.TempDir()
	due := ledger.Date(2025, 10, 1)
	nf, err := r.WriteNotices(dir, due, NoticeOptions{Printed: letterDate, Statement: true})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if nf.Dir != filepath.Join(dir, "2025-10-01") || filepath.Base(nf.Combined) != "APPELS_DU_01_10_2025_TOUS.pdf" {
		t.Errorf("files %+v", nf)
	}
	// After the sale, the buyer is called, not the seller: 12 owners.
	if len(nf.Owners) != 12 {
		t.Fatalf("%d notices", len(nf.Owners))
	}
	late := filepath.Join(nf.Dir, "APPEL_DU_01_10_2025_450004_MOREAU_STEPHANE.pdf")
	if nf.Owners[3] != late {
		t.Errorf("4th notice %s, want %s", nf.Owners[3], late)
	}
	for _, p := range nf.Owners {
		if strings.Contains(p, DemoSeller) {
			t.Errorf("the seller gets a notice after the sale: %s", p)
		}
	}

	// The late payer owes the third quarter still: previous balance, and
	// what he pays now is both.
	var call, fund ledger.Amount
	var previous ledger.Amount
	var lots []string
	view(t, r, func(tx *ledger.Tx) error {
		calls, err := tx.Calls(ledger.CallFilter{Due: due, Live: true})
		if err != nil {
			return err
		}
		for _, c := range calls {
			full, err := tx.Call(c.ID)
			if err != nil {
				return err
			}
			if full.Kind == ledger.FundCall {
				fund = full.OwnerTotals()[demoLate]
			} else {
				call = full.OwnerTotals()[demoLate]
			}
		}
		bal, err := tx.OwnerBalances(due.AddDate(0, 0, -1))
		previous = bal[demoLate]
		owners, _ := tx.OwnersAt(due)
		for lot, o := range owners {
			if o == demoLate {
				lots = append(lots, lot)
			}
		}
		return err
	})
	if previous <= 0 || call <= 0 || fund <= 0 {
		t.Fatalf("late payer: previous %s, call %s, fund %s", previous, call, fund)
	}
	text := fileText(t, late)
	for _, want := range []string{
		"M. Moreau Stéphane", "14 rue des Tilleuls, bât. A, rez-de-chaussée droite", "69003 Lyon",
		"Syndicat des copropriétaires", "Résidence Les Tilleuls", "Syndic bénévole : Mme Hélène Lefèvre",
		"Avis d'appel de fonds", "Appel du 01/10/2025 – 4e trimestre 2025, du 01/10/2025 au 31/12/2025",
		"Monsieur,", "Budget prévisionnel – provisions sur charges courantes", "Charges générales", "Eau froide",
		"Fonds de travaux (cotisation obligatoire, loi ALUR)", call.String(), fund.String(), (call + fund).String(),
		"Solde antérieur (restant dû)", previous.String(), "Montant à payer, exigible le 01/10/2025", (previous + call + fund).String(),
		"IBAN FR", "Référence à rappeler : 450004", "Relevé de votre compte – exercice 2025", "Lyon, le 20/09/2025",
		"Copropriétaire", "450004", "Lots", strings.Join(lots, ", "), "Page 1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("late payer's notice lacks %q", want)
		}
	}
	// The shares printed are the owner's and the key's: 58 of 1 000 on 001.
	if !strings.Contains(text, "001 Charges générales 58 1 000") {
		t.Errorf("key 001 row not found:\n%s", text)
	}
	all := fileText(t, nf.Combined)
	if n := strings.Count(all, "Avis d'appel de fonds"); n != 12 {
		t.Errorf("combined document holds %d notices", n)
	}
	// The double payer paid the fourth quarter twice, but later in October:
	// on the due date he owes nothing before the call.
	twice := fileText(t, filepath.Join(nf.Dir, "APPEL_DU_01_10_2025_450008_NGUYEN_THIERRY_ET_CAMILLE.pdf"))
	if !strings.Contains(twice, "Solde antérieur") || !strings.Contains(twice, "Nguyen Thierry et Camille") {
		t.Errorf("450008's notice:\n%s", twice)
	}
}

// A notice for a date without calls is refused; an owner in credit is told
// he has nothing to pay.
func TestNoticeCreditAndMissingDate(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "300"))
	if _, err := r.WriteNotices(t.TempDir(), ledger.Date(2025, 1, 1), NoticeOptions{}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("notices without calls: %v", err)
	}
	err := r.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: "BQ", Date: ledger.Date(2025, 1, 1), Label: "Avance", Lines: []ledger.Line{
			{Account: "512001", Debit: 50000}, {Account: "450001", Credit: 50000}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	plan, _ := r.PlanBudgetCalls(year(t, r, 2025), 4)
	posted, err := r.PostCalls(plan)
	if err != nil {
		t.Fatal(err)
	}
	files, err := r.WriteCallNotices(t.TempDir(), posted, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(files) != 4 || len(files[0].Owners) != 3 || files[0].Total != 7500 {
		t.Fatalf("files %+v", files)
	}
	text := fileText(t, files[0].Owners[0])
	for _, want := range []string{"Solde antérieur (en votre faveur)", "-500,00 €", "Solde en votre faveur : rien à payer", "475,00 €"} {
		if !strings.Contains(text, want) {
			t.Errorf("credit notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Relevé de votre compte") {
		t.Error("a statement was printed without being asked for")
	}
}

func TestPreviewNoticesTouchNothing(t *testing.T) {
	r := writeDemo(t)
	before, _ := os.ReadFile(r.Path())
	plan, err := r.PlanBudgetCalls(year(t, r, 2026), 4)
	if err != nil {
		t.Fatal(err)
	}
	files, err := r.WritePreviewNotices(t.TempDir(), plan, NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if len(files) != 4 || !strings.HasPrefix(filepath.Base(files[0].Combined), "APERCU_APPELS_DU_01_01_2026") {
		t.Fatalf("preview files %+v", files)
	}
	text := fileText(t, files[0].Owners[0])
	if !strings.Contains(text, "APERÇU : cet appel n'est pas encore comptabilisé") || !strings.Contains(text, "Fonds de travaux") {
		t.Errorf("preview notice:\n%s", text)
	}
	after, _ := os.ReadFile(r.Path())
	if !bytes.Equal(before, after) {
		t.Error("a preview changed the residence")
	}
}

func TestLetterTextsAndSignature(t *testing.T) {
	r := callsResidence(t, threeOwners, bl("602000", "001", "300"))
	texts, err := r.LetterTexts()
	if err != nil || len(texts) != 10 || texts[1].Custom || texts[1].Text != texts[1].Default {
		t.Fatalf("texts %+v %v", texts, err)
	}
	err = r.SaveLetterText(templates.Opening, "Cher {{.Owner.Nom}}")
	if ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "le champ de fusion « Nom » n'existe pas") {
		t.Errorf("bad text: %v", err)
	}
	if err := r.SaveLetterText(templates.Opening, "Cher {{.Owner.DisplayName}}, voici l'appel n° {{.Owner.Account}} à régler le {{.DueDate}}."); err != nil {
		t.Fatal(err)
	}
	if err := r.SaveLetterText("autre", "x"); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown text: %v", err)
	}
	if err := r.SetSignature([]byte("not an image")); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("bad signature: %v", err)
	}
	if err := r.SetSignature(signaturePNG(t)); err != nil {
		t.Fatal(err)
	}
	if sig, _ := r.Signature(); len(sig) == 0 {
		t.Error("signature not stored")
	}
	plan, _ := r.PlanBudgetCalls(year(t, r, 2025), 4)
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(err)
	}
	nf, err := r.WriteNotices(t.TempDir(), ledger.Date(2025, 4, 1), NoticeOptions{Printed: letterDate})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	text := fileText(t, nf.Owners[1])
	if !strings.Contains(text, "Cher M. Propriétaire 002, voici l'appel n° 450002 à régler le 01/04/2025.") {
		t.Errorf("custom opening not used:\n%s", text)
	}
	pdf, _ := os.ReadFile(nf.Owners[1])
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("signature not printed")
	}
	// Back to the default.
	if err := r.SaveLetterText(templates.Opening, ""); err != nil {
		t.Fatal(err)
	}
	texts, _ = r.LetterTexts()
	if texts[1].Custom {
		t.Error("the default is not back")
	}
	if out, err := PreviewLetterText(templates.Footer, "Merci, {{.Syndic.Name}}."); err != nil || out != "Merci, Mme Hélène Lefèvre." {
		t.Errorf("preview %q %v", out, err)
	}
}

func signaturePNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 240, 80))
	for x := 20; x < 220; x++ {
		img.Set(x, 40+(x%30)-15, color.Gray{Y: 20})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDemoReminders(t *testing.T) {
	r := writeDemo(t)
	at := ledger.Date(2025, 12, 31)
	debtors, err := r.Debtors(at, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if len(debtors) != 1 || debtors[0].Account != demoLate {
		t.Fatalf("debtors %+v", debtors)
	}
	dir := t.TempDir()
	rf, err := r.WriteReminders(dir, ReminderOptions{At: at, Threshold: 10000, PayBy: ledger.Date(2026, 1, 31), Printed: ledger.Date(2026, 1, 5)})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	want := filepath.Join(dir, "RELANCE_DU_31_12_2025_450004_MOREAU_STEPHANE.pdf")
	if len(rf.Owners) != 1 || rf.Owners[0] != want || rf.Total != debtors[0].Balance {
		t.Fatalf("files %+v", rf)
	}
	text := fileText(t, want)
	for _, want := range []string{"Relance – solde débiteur de votre compte", "M. Moreau Stéphane", "Monsieur,",
		"présente au 31/12/2025 un solde débiteur de " + debtors[0].Balance.String(), "avant le 31/01/2026",
		"Montant à régler avant le 31/01/2026", "Relevé de votre compte – exercice 2025", "Appel de fonds 4e trimestre 2025", "Lyon, le 05/01/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("reminder lacks %q", want)
		}
	}
	if _, err := os.Stat(rf.Combined); err != nil {
		t.Error(err)
	}
	if _, err := r.WriteReminders(dir, ReminderOptions{At: at, Threshold: 100000000, PayBy: at}); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("nobody above the threshold: %v", err)
	}
	if _, err := r.WriteReminders(dir, ReminderOptions{At: at, PayBy: at.AddDate(0, 0, -1)}); ledger.KindOf(err) != ledger.Invalid {
		t.Errorf("pay-by before the balance: %v", err)
	}
}
