package registry_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/app/closing"
	"tantieme/app/registry"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// smallResidence is « Résidence du Parc » with three lots and a year of
// books, closed:
//
//	lot 1 Appartement, bât. A, 450001, 500 tantièmes
//	lot 2 Local commercial, bât. B, 450002, 400 tantièmes
//	lot 3 Cave, bât. A, 450001, 100 tantièmes
//	budget 601000 on key 001: 1 000,00 €
//	one budget call (the calls workflow): 450001 600,00 (500 + 100),
//	450002 400,00 → 701000
//	works fund 01/01: 450001 30,00, 450002 20,00 → 105000
//	invoice 01/03: 900,00 € of water (601000) from 401001
//	paid 01/04: 500,00 € to 401001 → 400,00 € still owed
//	receipts: 450001 630,00 (all), 450002 50,00
//
// The closing gives back 1 000,00 − 900,00 = 100,00 € on key 001:
// 450001 600/1000 → 60,00, 450002 400/1000 → 40,00. After it:
//
//	450001: 600 + 30 − 630 − 60 = −60,00 (credit)
//	450002: 400 + 20 − 50 − 40 = 330,00 (owes, > 300 €)
func smallResidence(t *testing.T) *app.Residence { return small(t, false) }

// small is smallResidence; doubtful puts 450002, served a mise en demeure
// on 01/10/2025, in doubtful debt at the closing: his 370,00 € (400 + 20
// − 50) moved to 459002 without provision, then the closing's 40,00 €
// back on 450002: he still owes 370 − 40 = 330,00 €.
func small(t *testing.T, doubtful bool) *app.Residence {
	t.Helper()
	r := apptest.Calls(t, []apptest.Lot{
		{Number: "1", Owner: "450001", Shares: map[string]string{"001": "500"}},
		{Number: "2", Owner: "450002", Shares: map[string]string{"001": "400"}},
		{Number: "3", Owner: "450001", Shares: map[string]string{"001": "100"}},
	}, apptest.Budget("601000", "001", "1000.00"))
	amt := ledger.MustAmount
	apptest.Update(t, r, func(tx *ledger.Tx) error {
		for _, l := range []ledger.Lot{
			{Number: "1", Label: "Appartement T3", Type: "Appartement", Building: "A"},
			{Number: "2", Label: "Boutique sur rue", Type: "Local commercial", Building: "B"},
			{Number: "3", Label: "Cave n° 1", Type: "Cave", Building: "a"},
		} {
			if err := tx.UpdateLot(l); err != nil {
				return err
			}
		}
		s := ledger.Supplier{Account: "401001", Name: "Eaux du Parc"}
		if err := tx.AddSupplier(&s); err != nil {
			return err
		}
		for _, e := range []ledger.Entry{
			{Journal: ledger.JournalMisc, Date: ledger.Date(2025, 1, 1), Piece: "F1", Label: "Fonds de travaux", Lines: []ledger.Line{
				{Account: "450001", Debit: amt("30")}, {Account: "450002", Debit: amt("20")},
				{Account: "105000", Credit: amt("50")}}},
			{Journal: ledger.JournalPurchases, Date: ledger.Date(2025, 3, 1), Piece: "E1", Label: "Eau", Lines: []ledger.Line{
				{Account: "601000", Key: "001", Debit: amt("900")}, {Account: "401001", Credit: amt("900")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 4, 1), Piece: "V1", Label: "Eau, acompte", Lines: []ledger.Line{
				{Account: "401001", Debit: amt("500")}, {Account: "512001", Credit: amt("500")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 1), Piece: "R1", Label: "Règlement 450001", Lines: []ledger.Line{
				{Account: "512001", Debit: amt("630")}, {Account: "450001", Credit: amt("630")}}},
			{Journal: ledger.JournalBank, Date: ledger.Date(2025, 2, 1), Piece: "R2", Label: "Règlement 450002", Lines: []ledger.Line{
				{Account: "512001", Debit: amt("50")}, {Account: "450002", Credit: amt("50")}}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	plan, err := r.PlanBudgetCalls(apptest.Year(t, r, 2025), 1)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := r.PostCalls(plan); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if doubtful {
		apptest.Update(t, r, func(tx *ledger.Tx) error {
			return tx.AddRecoveryStep(&ledger.RecoveryStep{Owner: "450002", Kind: ledger.StepNotice, Date: ledger.Date(2025, 10, 1), Amount: amt("370")})
		})
		if _, err := r.AcceptDoubtful("450002", apptest.Year(t, r, 2025), 0); err != nil {
			t.Fatal(ledger.Message(err))
		}
	}
	p, err := closing.Prepare(r, apptest.Year(t, r, 2025), closing.Options{})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if p.Blocked() {
		t.Fatalf("closing blocked: %v", p.Problems)
	}
	if _, err := closing.Post(r, p); err != nil {
		t.Fatal(ledger.Message(err))
	}
	return r
}

func TestFicheFigures(t *testing.T) {
	r := smallResidence(t)
	if _, err := registry.Fiche(r, ledger.Date(2025, 12, 30)); err == nil || !strings.Contains(ledger.Message(err), "Aucun exercice n'est clôturé au 30/12/2025") {
		t.Fatalf("before the end of 2025: %v", err)
	}
	fs, err := registry.Fiche(r, ledger.Date(2026, 3, 1))
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	amt := ledger.MustAmount
	want := registry.Figures{
		Exercise: apptest.Year(t, r, 2025), Fingerprint: fs.Fingerprint,
		Budget: amt("1000.00"), CurrentCharges: amt("900.00"), OtherCharges: 0,
		Unpaid: amt("330.00"), Debtors: 1, // 450002 only; 450001 is in credit
		Suppliers: amt("400.00"),                // 900 invoiced − 500 paid
		WorksFund: amt("50.00"),                 // 30 + 20
		Lots:      3, MainLots: 2, OtherLots: 1, // the flat and the shop; the cellar apart
		Buildings: 2, // A and « a » are one building, B the other
		Owners:    2,
	}
	if fs.Figures != want {
		t.Errorf("figures\n got %+v\nwant %+v", fs.Figures, want)
	}
	if fs.Charges() != amt("900.00") || fs.Buildings != 2 || fs.Fingerprint == "" {
		t.Errorf("charges %s, buildings %d, fingerprint %q", fs.Charges(), fs.Buildings, fs.Fingerprint)
	}
	// The same with 450002's debt doubtful: 330,00 € on his 459002 and
	// 450002 together, as before.
	fd, err := registry.Fiche(small(t, true), ledger.Date(2026, 3, 1))
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	if fd.Unpaid != amt("330.00") || fd.Debtors != 1 {
		t.Errorf("with a doubtful debt: unpaid %s, %d debtors; want 330,00 € and 1", fd.Unpaid, fd.Debtors)
	}
	// The profile's number of buildings wins over the lots' count.
	if _, err := registry.SetFields(r, []string{"buildings=3"}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if fs, err = registry.Fiche(r, ledger.Date(2026, 3, 1)); err != nil || fs.Buildings != 3 {
		t.Errorf("buildings with the profile's 3: %d, %v", fs.Buildings, err)
	}
}

func TestProfileFields(t *testing.T) {
	r := smallResidence(t)
	p, err := registry.SetFields(r, []string{"registration= ab-123 4567 ", "regulation-date=12/03/1962", "siret=732 829 320 00074",
		"syndic=cooperatif", "structure=secondaire", "service-residence=oui", "heating=mixte", "lifts=2", "construction=1961-1974", "staff=1"})
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	want := registry.Profile{Registration: "AB-1234567", RegulationDate: ledger.Date(1962, 3, 12), SIRET: "73282932000074",
		Syndic: "cooperatif", Structure: "secondaire", ServiceResidence: true, Heating: "mixte", Lifts: 2, Construction: "1961-1974", Staff: true}
	if p != want {
		t.Errorf("profile\n got %+v\nwant %+v", p, want)
	}
	for _, tc := range []struct {
		pair, msg string
	}{
		{"siret=73282932000075", "clé de contrôle"},
		{"registration=AB\x01123", "caractère invisible"},
		{"registration=AB/123", "lettres, des chiffres et des tirets"},
		{"registration=" + strings.Repeat("A", 21), "20 au plus"},
		{"lifts=-1", "0 à 999"},
		{"lifts=1000", "0 à 999"},
		{"buildings=deux", "0 à 999"},
		{"heating=gaz", "collectif, individuel, mixte, aucun"},
		{"syndic=", ""}, // empty: back to the default, accepted
		{"staff=peut-être", "« oui » ou « non »"},
		{"regulation-date=31/02/1962", "date valide"},
		{"regulation-date=2099-01-01", "n'est pas possible"},
		{"colour=bleu", "Champ inconnu"},
		{"lifts", "champ=valeur"},
	} {
		before, _ := registry.LoadProfile(r)
		_, err := registry.SetFields(r, []string{"lifts=5", tc.pair})
		after, _ := registry.LoadProfile(r)
		if tc.msg == "" {
			if err != nil {
				t.Errorf("%q: %v", tc.pair, err)
			}
			continue
		}
		if err == nil || !strings.Contains(ledger.Message(err), tc.msg) {
			t.Errorf("%q: %v, want an error saying %q", tc.pair, err, tc.msg)
		}
		if after != before { // all or none: lifts=5 was not kept either
			t.Errorf("%q: the profile changed to %+v", tc.pair, after)
		}
	}
	if p, _ := registry.LoadProfile(r); p.Syndic != "benevole" {
		t.Errorf("an empty syndic kind reads back as %q, want the default benevole", p.Syndic)
	}
}

// The update is due two months after the AG that approved the accounts;
// the shorter month's last day when the day does not exist in it.
func TestUpdateDue(t *testing.T) {
	for _, tc := range []struct{ approved, due string }{
		{"2026-04-10", "2026-06-10"},
		{"2026-12-31", "2027-02-28"},
		{"2027-12-31", "2028-02-29"}, // 2028 is a leap year
		{"2026-06-30", "2026-08-30"},
		{"2026-11-15", "2027-01-15"},
	} {
		if got := registry.UpdateDue(ledger.MustDate(tc.approved)); !got.Equal(ledger.MustDate(tc.due)) {
			t.Errorf("UpdateDue(%s) = %s, want %s", tc.approved, ledger.ISO(got), tc.due)
		}
	}
}

func TestAnnualUpdate(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1780000000") // 28/05/2026
	r := smallResidence(t)
	if _, err := registry.AnnualUpdate(r, 2025); err == nil || !strings.Contains(ledger.Message(err), "n'est pas enregistrée") {
		t.Fatalf("without an approval date: %v", err)
	}
	for _, tc := range []struct {
		day time.Time
		msg string
	}{
		{ledger.Date(2025, 12, 31), "se termine le 31/12/2025"},
		{ledger.Date(2026, 6, 1), "dans le futur"},
	} {
		if err := registry.SetAccountsApproved(r, 2025, tc.day); err == nil || !strings.Contains(ledger.Message(err), tc.msg) {
			t.Errorf("approved %s: %v, want %q", ledger.ISO(tc.day), err, tc.msg)
		}
	}
	if err := registry.SetAccountsApproved(r, 2024, ledger.Date(2026, 1, 1)); err == nil {
		t.Error("an exercise the books do not have was approved")
	}
	if err := registry.SetAccountsApproved(r, 2025, ledger.Date(2026, 3, 31)); err != nil {
		t.Fatal(ledger.Message(err))
	}
	u, err := registry.AnnualUpdate(r, 2025)
	if err != nil {
		t.Fatal(ledger.Message(err))
	}
	// 31/03 + 2 months = 31/05; the figures are the fiche's (TestFicheFigures).
	if !u.Approved.Equal(ledger.Date(2026, 3, 31)) || !u.Due.Equal(ledger.Date(2026, 5, 31)) {
		t.Errorf("approved %s, due %s", ledger.ISO(u.Approved), ledger.ISO(u.Due))
	}
	if u.Charges() != ledger.MustAmount("900.00") || u.Unpaid != ledger.MustAmount("330.00") || u.Lots != 3 || u.Provisional {
		t.Errorf("figures %+v", u.Figures)
	}
}

// Both PDFs print the figures and the profile, and are registered in the
// binder « Règlement de copropriété ».
func TestWritePDFs(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1780000000") // 28/05/2026
	r := smallResidence(t)
	if _, err := registry.SetFields(r, []string{"registration=AB1234567", "siret=73282932000074", "heating=collectif", "lifts=1"}); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if err := registry.SetAccountsApproved(r, 2025, ledger.Date(2026, 3, 31)); err != nil {
		t.Fatal(ledger.Message(err))
	}
	dir := t.TempDir()
	fichePath, updatePath := filepath.Join(dir, "fiche.pdf"), filepath.Join(dir, "maj.pdf")
	printed := ledger.Now()
	if _, err := registry.WriteFiche(r, fichePath, ledger.Date(2026, 4, 1), printed); err != nil {
		t.Fatal(ledger.Message(err))
	}
	if _, err := registry.WriteAnnualUpdate(r, updatePath, 2025, printed); err != nil {
		t.Fatal(ledger.Message(err))
	}
	fiche := ledgertest.Flat(ledgertest.PDFFile(t, fichePath))
	for _, want := range []string{
		"Fiche synthétique de la copropriété", "Établie le 01/04/2026", "l'exercice 2025 (du 01/01/2025 au 31/12/2025)",
		"Numéro d'immatriculation au registre national AB1234567", "Numéro SIRET 732 829 320 00074",
		"Nombre total de lots 3", "de bureaux ou de commerces 2", "dont autres lots (caves, parkings…) 1",
		"Nombre de bâtiments 2 (d'après les bâtiments des lots)", "Chauffage Collectif", "Nombre d'ascenseurs 1",
		"Budget prévisionnel voté (charges) 1 000,00 €", "Charges pour opérations courantes 900,00 €",
		"Dettes fournisseurs 400,00 €", "Sommes restant dues par les copropriétaires 330,00 €",
		"débiteurs de plus de 300,00 € 1", "Fonds de travaux (loi 1965 art. 14-2) 50,00 €",
		"Date du règlement de copropriété Non renseigné (Paramètres › Immatriculation)",
	} {
		if !strings.Contains(fiche, want) {
			t.Errorf("the fiche lacks %q:\n%s", want, fiche)
		}
	}
	update := ledgertest.Flat(ledgertest.PDFFile(t, updatePath))
	for _, want := range []string{
		"Registre des copropriétés : mise à jour annuelle", "approuvés par l'assemblée générale du 31/03/2026",
		"Mise à jour à déclarer au plus tard le 31/05/2026", "Total des charges de l'exercice 900,00 €",
		"Sommes restant dues par les copropriétaires 330,00 €", "Nombre de lots 3",
	} {
		if !strings.Contains(update, want) {
			t.Errorf("the update lacks %q:\n%s", want, update)
		}
	}
	var docs []ledger.Document
	apptest.View(t, r, func(tx *ledger.Tx) (err error) { docs, err = tx.Documents(ledger.DocumentFilter{}); return err })
	kinds := map[string]string{}
	for _, d := range docs {
		kinds[d.Kind] = d.Binder
	}
	if kinds["fiche_synthetique"] != "reglement" || kinds["registre_maj"] != "reglement" {
		t.Errorf("registered: %v", kinds)
	}
}

// Whatever is typed, Set either refuses it or leaves a profile that
// Validate accepts and that reads back through Get and Set unchanged.
func FuzzProfileSet(f *testing.F) {
	for _, s := range []string{"AB1234567", "12/03/1962", "732 829 320 00074", "collectif", "oui", "12", "\x00", "\u202e", "-1", "9999999999999999999"} {
		for i := range registry.Fields {
			f.Add(i, s)
		}
	}
	f.Fuzz(func(t *testing.T, i int, value string) {
		if i < 0 || i >= len(registry.Fields) {
			return
		}
		name := registry.Fields[i].Name
		var p registry.Profile
		if err := p.Set(name, value); err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			if name == "regulation-date" {
				return // Set reads the date; Validate bounds it
			}
			t.Fatalf("Set(%q, %q) accepted, Validate refuses: %v", name, value, err)
		}
		var q registry.Profile
		if err := q.Set(name, p.Get(name)); err != nil || q.Validate() != nil || q != p {
			t.Fatalf("Set(%q, %q) gives %+v, read back %+v (%v)", name, value, p, q, err)
		}
	})
}
