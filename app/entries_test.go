package app_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tantieme/app"
	"tantieme/ledger"
)

var entriesChart = []ledger.Account{
	{Code: "401001", Label: "Eaux de Lyon Métropole"},
	{Code: "450001", Label: "Dupont Zoé"},
	{Code: "512000", Label: "Banques"},
	{Code: "512001", Label: "Compte courant"},
	{Code: "512002", Label: "Livret fonds de travaux"},
	{Code: "601000", Label: "Eau"},
	{Code: "602000", Label: "Électricité"},
	{Code: "603000", Label: "Chauffage, énergie et combustibles"},
	{Code: "606000", Label: "Fournitures", Hidden: true},
	{Code: "614000", Label: "Contrats de maintenance"},
	{Code: "615000", Label: "Entretien et petites réparations"},
	{Code: "616000", Label: "Primes d'assurances"},
	{Code: "702ETU", Label: "Provisions travaux étude façade"},
	{Code: "713000", Label: "Indemnités d'assurances"},
}

func codes(list []ledger.Account) string {
	var out []string
	for _, a := range list {
		out = append(out, a.Code)
	}
	return strings.Join(out, " ")
}

func TestAccountIndexFind(t *testing.T) {
	x := app.NewAccountIndex(entriesChart)
	for _, c := range []struct {
		query string
		max   int
		want  string
		more  int
	}{
		{"60", 10, "601000 602000 603000", 0}, // 606000 is hidden
		{"60", 2, "601000 602000", 1},
		{"eau", 10, "601000 401001", 0},     // label starting with the search first, then a word of it
		{"ELECTRI", 10, "602000 615000", 0}, // accents and case aside; the electrician (615) after
		{"assur", 10, "616000 713000", 0},
		{"prim assur", 10, "616000", 0},
		{"702e", 10, "702ETU", 0},              // codes with letters
		{"512", 10, "512001 512002 512000", 0}, // the heading after its sub-accounts
		{"601000 Eau", 10, "601000", 0},
		{"fournitures", 10, "", 0}, // hidden
		// The chart's everyday words, after the labels.
		{"ascenseur", 10, "614000 615000", 0},
		{"Ascenseur", 10, "614000 615000", 0},
		{"fioul", 10, "603000", 0},
		{"entretien", 10, "615000 614000", 0}, // the label first
		{"frais banc", 10, "", 0},             // 662 is not in this chart
		{"  ", 10, "", 0},
		{"zzz", 10, "", 0},
	} {
		got, more := x.Find(c.query, c.max)
		if codes(got) != c.want || more != c.more {
			t.Errorf("Find(%q, %d) = %q, %d more; want %q, %d", c.query, c.max, codes(got), more, c.want, c.more)
		}
	}
}

// The accounts used lately come first among equally good answers.
func TestAccountIndexRecent(t *testing.T) {
	x := app.NewAccountIndex(entriesChart)
	x.SetRecent([]string{"615000", "602000"})
	if got, _ := x.Find("ascenseur", 10); codes(got) != "615000 614000" {
		t.Errorf("Find(ascenseur) after 615000 was used = %q, want 615000 first", codes(got))
	}
	if got, _ := x.Find("60", 10); codes(got) != "602000 601000 603000" {
		t.Errorf("Find(60) after 602000 was used = %q, want 602000 first", codes(got))
	}
}

func TestAccountIndexResolve(t *testing.T) {
	x := app.NewAccountIndex(entriesChart)
	for text, want := range map[string]string{
		"601000":            "601000",
		"601000 Eau":        "601000",
		" 512001 ":          "512001",
		"601":               "601000", // padded as the chart stores it
		"606000":            "606000", // hidden, but named by its code
		"702etu":            "702ETU",
		"électricité":       "602000", // a search with a single answer
		"60":                "",       // several answers
		"eau":               "",       // water and the water supplier
		"ascenseur":         "",       // 614 or 615: the user chooses
		"fioul":             "",       // an everyday word is only a suggestion
		"999999":            "",
		"":                  "",
		"Primes d'assuranc": "616000",
	} {
		a, ok := x.Resolve(text)
		if ok != (want != "") || a.Code != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", text, a.Code, ok, want)
		}
	}
}

func TestParseEntryDate(t *testing.T) {
	cal := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2025, 12, 31)}
	split := ledger.Exercise{Start: ledger.Date(2025, 7, 1), End: ledger.Date(2026, 6, 30)}
	for _, c := range []struct {
		text string
		ex   ledger.Exercise
		want time.Time
	}{
		{"12/03/2025", cal, ledger.Date(2025, 3, 12)},
		{"2025-03-12", cal, ledger.Date(2025, 3, 12)},
		{"12/03/25", cal, ledger.Date(2025, 3, 12)},
		{"5/3", cal, ledger.Date(2025, 3, 5)},
		{"05.03", cal, ledger.Date(2025, 3, 5)},
		{"15/02", split, ledger.Date(2026, 2, 15)}, // the year that puts the day in the exercise
		{"15/09", split, ledger.Date(2025, 9, 15)},
		{"29/02", split, ledger.Date(2026, 3, 1)}, // no 29 February in 2026: refused below
		{"31/02/2025", cal, time.Time{}},
		{"13/13", cal, time.Time{}},
		{"demain", cal, time.Time{}},
	} {
		got, err := app.ParseEntryDate(c.text, c.ex)
		if c.text == "29/02" {
			if err == nil {
				t.Errorf("ParseEntryDate(29/02) in 2025–2026 = %s, want an error", ledger.FrenchDate(got))
			}
			continue
		}
		if c.want.IsZero() {
			if err == nil || ledger.KindOf(err) != ledger.Invalid || !strings.Contains(ledger.Message(err), "n'est pas une date valide") {
				t.Errorf("ParseEntryDate(%q) = %v, %v; want a French refusal", c.text, got, err)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseEntryDate(%q) = %v, %v; want %v", c.text, got, err, c.want)
		}
	}
}

func TestEntryDraft(t *testing.T) {
	x := app.NewAccountIndex(entriesChart)
	ex := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2025, 12, 31)}
	d := app.EntryDraft{Date: "19/03", Journal: "AC", Piece: " F2025-0001 ", Label: "Facture Eaux de Lyon", Lines: []app.LineDraft{
		{Account: "601000 Eau", Key: "004", Debit: "1 234,56"},
		{},
		{Account: "401001", Label: "ELM-2025-11872", Credit: "1234.56 €"},
		{Account: "", Key: "001"}, // a key alone is not something typed
	}}
	e, err := d.Entry(x, ex)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Date.Equal(ledger.Date(2025, 3, 19)) || e.Journal != "AC" || e.Piece != "F2025-0001" || e.Label != "Facture Eaux de Lyon" || len(e.Lines) != 2 {
		t.Fatalf("entry = %+v", e)
	}
	if l := e.Lines[0]; l.Account != "601000" || l.Key != "004" || l.Debit != 123456 || l.Credit != 0 {
		t.Errorf("line 1 = %+v", l)
	}
	if l := e.Lines[1]; l.Account != "401001" || l.Label != "ELM-2025-11872" || l.Credit != 123456 || l.Debit != 0 {
		t.Errorf("line 2 = %+v", l)
	}
	if err := e.Validate(); err != nil {
		t.Errorf("the entry read does not validate: %v", err)
	}

	tot := d.Totals()
	if tot.Debit != 123456 || tot.Credit != 123456 || tot.Gap() != 0 || tot.Lines != 2 || tot.Bad != nil {
		t.Errorf("totals = %+v", tot)
	}
	d.Lines[2].Credit = "1 200"
	d.Lines[1].Debit = "12,345"
	tot = d.Totals()
	if tot.Gap() != 3456 || tot.Lines != 3 || tot.Bad == nil || ledger.Message(tot.Bad) != "Ligne 2, débit : « 12,345 » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €)" {
		t.Errorf("totals with a bad amount = %+v (%v)", tot, tot.Bad)
	}

	for _, c := range []struct {
		change func(*app.EntryDraft)
		want   string
	}{
		{func(d *app.EntryDraft) { d.Date = "" }, "La date de l'écriture est obligatoire (JJ/MM/AAAA)"},
		{func(d *app.EntryDraft) { d.Date = "32/01" }, "Date : « 32/01 » n'est pas une date valide (format JJ/MM/AAAA)"},
		{func(d *app.EntryDraft) { d.Lines[2].Account = "60" }, "Ligne 3 : le compte « 60 » n'est pas dans le plan comptable ; tapez son numéro ou son nom et choisissez-le dans la liste"},
		{func(d *app.EntryDraft) { d.Lines[2].Account = " " }, "Ligne 3 : le compte est obligatoire ; tapez son numéro ou son nom et choisissez-le dans la liste"},
		{func(d *app.EntryDraft) { d.Lines[0].Credit = "abc" }, "Ligne 1, crédit : « abc » n'est pas un montant valide (exemples : 1234,56 ou 1 234,56 €)"},
	} {
		d := app.EntryDraft{Date: "19/03/2025", Journal: "AC", Lines: []app.LineDraft{
			{Account: "601000", Key: "001", Debit: "10"}, {}, {Account: "512001", Credit: "10"}}}
		c.change(&d)
		_, err := d.Entry(x, ex)
		if got := ledger.Message(err); got != c.want || ledger.KindOf(err) != ledger.Invalid {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestMonths(t *testing.T) {
	split := ledger.Exercise{Start: ledger.Date(2025, 7, 15), End: ledger.Date(2026, 7, 14)}
	months := app.Months(split)
	if len(months) != 13 || !months[0].Equal(ledger.Date(2025, 7, 1)) || !months[12].Equal(ledger.Date(2026, 7, 1)) {
		t.Fatalf("months = %v", months)
	}
	from, to := app.MonthSpan(months[0], split)
	if !from.Equal(split.Start) || !to.Equal(ledger.Date(2025, 7, 31)) {
		t.Errorf("first month spans %v–%v", from, to)
	}
	from, to = app.MonthSpan(months[7], split)
	if !from.Equal(ledger.Date(2026, 2, 1)) || !to.Equal(ledger.Date(2026, 2, 28)) {
		t.Errorf("February spans %v–%v", from, to)
	}
	if got := app.MonthName(months[1]); got != "août 2025" {
		t.Errorf("MonthName = %q", got)
	}
}

func TestEntryDefaults(t *testing.T) {
	r, err := app.Create(filepath.Join(t.TempDir(), "Saisie.copro"), ledger.Setup{
		Residence:  ledger.Residence{Name: "Résidence de la Saisie"},
		FirstStart: ledger.Date(2025, 1, 1),
		Bank:       &ledger.BankAccount{Account: "512001", Label: "Compte courant"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	refs, err := r.EntryRefs()
	if err != nil {
		t.Fatal(err)
	}
	if len(refs.Journals) < 4 || refs.Journals[0].Code != "AC" || len(refs.Keys) == 0 {
		t.Fatalf("refs: journals %v, keys %v", refs.Journals, refs.Keys)
	}
	if _, ok := refs.Accounts.Account("512001"); !ok {
		t.Fatal("the bank is not in the chart index")
	}
	from, to := ledger.Date(2025, 1, 1), ledger.Date(2025, 12, 31)

	// No entry yet: today, brought into the period; the first piece.
	for today, want := range map[time.Time]time.Time{
		ledger.Date(2025, 6, 30): ledger.Date(2025, 6, 30),
		ledger.Date(2026, 2, 3):  to,
		ledger.Date(2024, 5, 1):  from,
	} {
		date, piece, err := r.EntryDefaults("AC", from, to, today)
		if err != nil || !date.Equal(want) || piece != "F2025-0001" {
			t.Errorf("today %s: %s %q %v; want %s F2025-0001", ledger.FrenchDate(today), ledger.FrenchDate(date), piece, err, ledger.FrenchDate(want))
		}
	}

	err = r.Update(func(tx *ledger.Tx) error {
		for _, e := range []ledger.Entry{
			{Journal: "AC", Date: ledger.Date(2025, 3, 19), Piece: "F2025-0007", Lines: []ledger.Line{
				{Account: "601000", Key: "001", Debit: 100}, {Account: "512001", Credit: 100}}},
			{Journal: "BQ", Date: ledger.Date(2025, 4, 2), Piece: "B2025-0001", Lines: []ledger.Line{
				{Account: "512001", Debit: 100}, {Account: "713000", Credit: 100}}},
		} {
			if err := tx.PostEntry(&e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	date, piece, err := r.EntryDefaults("AC", from, to, ledger.Date(2025, 6, 30))
	if err != nil || !date.Equal(ledger.Date(2025, 3, 19)) || piece != "F2025-0008" {
		t.Errorf("after an invoice: %s %q %v; want 19/03/2025 F2025-0008", ledger.FrenchDate(date), piece, err)
	}
	// Another month: today brought into it, the numbering goes on.
	date, piece, err = r.EntryDefaults("AC", ledger.Date(2025, 5, 1), ledger.Date(2025, 5, 31), ledger.Date(2025, 6, 30))
	if err != nil || !date.Equal(ledger.Date(2025, 5, 31)) || piece != "F2025-0008" {
		t.Errorf("in May: %s %q %v", ledger.FrenchDate(date), piece, err)
	}
	// The next exercise numbers from 1 again; OD and user journals.
	for _, c := range []struct {
		journal string
		date    time.Time
		want    string
	}{
		{"AC", ledger.Date(2026, 1, 5), "F2026-0001"},
		{"BQ", ledger.Date(2025, 8, 1), "B2025-0002"},
		{"OD", ledger.Date(2025, 8, 1), "OD2025-0001"},
		{"AN", ledger.Date(2025, 1, 1), "AN2025-0001"},
		{"", ledger.Date(2025, 1, 1), ""},
	} {
		if got, err := r.NextPiece(c.journal, c.date); err != nil || got != c.want {
			t.Errorf("NextPiece(%s, %s) = %q, %v; want %q", c.journal, ledger.FrenchDate(c.date), got, err, c.want)
		}
	}
}

// The accounts screen's search: number, label or everyday word.
func TestAccountMatches(t *testing.T) {
	for _, c := range []struct {
		code, label, q string
		want           bool
	}{
		{"614100", "Contrat chaudière", "ascenseur", true},
		{"615000", "Entretien et petites réparations", "ascen", true},
		{"616000", "Primes d'assurances", "ascenseur", false},
		{"614000", "Contrats de maintenance", "614", true},
		{"611000", "Nettoyage des locaux", "menage", true},
		{"616000", "Primes d'assurances", "assurances", true},
		{"450001", "Dupont Zoé", "ascenseur", false},
	} {
		if got := app.AccountMatches(c.code, c.label, c.q); got != c.want {
			t.Errorf("AccountMatches(%s %s, %q) = %v", c.code, c.label, c.q, got)
		}
	}
}
