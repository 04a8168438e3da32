package app_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/app/apptest"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ledger/ledgertest"
)

// screenResidence opens « Résidence des Tests » (ledgertest.Tests):
// exercises 2025–2027, a bank, keys 001 (1 000 declared, 1 000 given) and
// 002 (300 declared, 250 given), three owners, four lots and a few entries
// in 2025.
func screenResidence(t *testing.T) *app.Residence {
	t.Helper()
	return apptest.Open(t, ledgertest.Tests(t))
}

func exercise(t *testing.T, r *app.Residence, year int) ledger.Exercise {
	t.Helper()
	var ex ledger.Exercise
	if err := r.View(func(tx *ledger.Tx) (err error) { ex, err = tx.ExerciseOfYear(year); return err }); err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestSituationDate(t *testing.T) {
	ex := ledger.Exercise{Start: ledger.Date(2025, 1, 1), End: ledger.Date(2025, 12, 31)}
	for _, c := range []struct{ today, want string }{
		{"2025-06-15", "2025-06-15"}, // running: today
		{"2026-03-01", "2025-12-31"}, // ended: its last day
		{"2024-12-01", "2025-12-31"}, // to come: its last day
	} {
		if got := app.SituationDate(ex, ledger.MustDate(c.today)); !got.Equal(ledger.MustDate(c.want)) {
			t.Errorf("SituationDate(%s) = %s, want %s", c.today, ledger.ISO(got), c.want)
		}
	}
}

func TestDashboard(t *testing.T) {
	r := screenResidence(t)
	d, err := r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Banks) != 1 || d.Banks[0].Balance != ledger.MustAmount("750") {
		t.Errorf("banks = %+v, want 512001 at 750,00 €", d.Banks)
	}
	// 450001 owes 400 − 450 = −50 (advance), 450002 owes 300, 450003 is settled.
	if d.Owners != 3 || d.Debtors != 1 || d.Owed != ledger.MustAmount("300") || d.Advances != ledger.MustAmount("50") {
		t.Errorf("owners %d, debtors %d, owed %s, advances %s; want 3, 1, 300,00 €, 50,00 €", d.Owners, d.Debtors, d.Owed, d.Advances)
	}
	mis := d.Mismatched()
	if len(mis) != 1 || mis[0].Code != "002" {
		t.Fatalf("mismatched keys = %+v, want only 002", mis)
	}
	var texts []string
	for _, s := range d.Steps {
		texts = append(texts, s.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Clé 002 « Ascenseur » : le total déclaré (300) n'est pas la somme des tantièmes des lots (250)",
		"budget prévisionnel de l'exercice 2025", "1 copropriétaire est débiteur (300,00 € au total)"} {
		if !strings.Contains(all, want) {
			t.Errorf("steps lack %q:\n%s", want, all)
		}
	}
	if !d.Steps[0].Attention || d.Steps[0].Topic != app.TopicKeys {
		t.Errorf("first step = %+v, want the key mismatch, in red", d.Steps[0])
	}
	if strings.Contains(all, "clôturez") {
		t.Errorf("a running exercise is not to be closed:\n%s", all)
	}
	later, err := r.Dashboard(exercise(t, r, 2025), ledger.Date(2026, 2, 1))
	if err != nil {
		t.Fatal(err)
	}
	if last := later.Steps[len(later.Steps)-1]; last.Topic != app.TopicClosing || !later.At.Equal(ledger.Date(2025, 12, 31)) {
		t.Errorf("after its end: at %s, last step %+v; want 31/12/2025 and the closing", ledger.ISO(later.At), last)
	}
}

// A residence with owners and no opening balances in its first exercise is
// told to import them; once an opening entry is there, it is not.
func TestDashboardTakeOver(t *testing.T) {
	r := screenResidence(t)
	d, err := r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	var step *app.Step
	for i := range d.Steps {
		if d.Steps[i].Topic == app.TopicOpening {
			step = &d.Steps[i]
		}
	}
	if d.TakeOver != "2025" || step == nil || !strings.Contains(step.Text, "Reprise d'une copropriété : saisissez les soldes d'ouverture (Fichier › Importer › Balance)") {
		t.Fatalf("take-over %q, step %+v; want the opening balances asked for 2025", d.TakeOver, step)
	}
	if err := r.Update(func(tx *ledger.Tx) error {
		return tx.PostEntry(&ledger.Entry{Journal: ledger.JournalOpening, Date: ledger.Date(2025, 1, 1), Label: "À nouveaux",
			Lines: []ledger.Line{{Account: "512001", Debit: ledger.MustAmount("100")}, {Account: "450003", Credit: ledger.MustAmount("100")}}})
	}); err != nil {
		t.Fatal(err)
	}
	if d, err = r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30)); err != nil || d.TakeOver != "" {
		t.Errorf("after an opening entry: take-over %q (%v), want none", d.TakeOver, err)
	}
}

// A key is conforme only when every lot with an owner has its general
// shares: a lot without them is named.
func TestKeyUnsharedLot(t *testing.T) {
	r := screenResidence(t)
	if err := r.SaveLotShares(ledger.Lot{Number: "9", Owner: "450003"}, true, nil); err != nil {
		t.Fatal(err)
	}
	d, err := r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	mis := d.Mismatched()
	if len(mis) != 2 || mis[0].Code != "001" || !mis[0].TotalsMatch() || strings.Join(mis[0].Unshared, " ") != "9" {
		t.Fatalf("mismatched keys = %+v, want 001 for lot 9 (and 002)", mis)
	}
	if got := app.UnsharedLots(mis[0]); got != "le lot 9" {
		t.Errorf("UnsharedLots = %q", got)
	}
	if !d.Steps[0].Attention || !strings.Contains(d.Steps[0].Text, "Clé 001 « Charges générales » : le lot 9 sans tantièmes") {
		t.Errorf("steps = %+v", d.Steps)
	}
	if err := r.SaveLotShares(ledger.Lot{Number: "9", Owner: "450003"}, false, map[string]decimal.Decimal{"001": decimal.NewFromInt(10)}); err != nil {
		t.Fatal(err)
	}
	if d, _ = r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30)); len(d.Keys[0].Unshared) != 0 {
		t.Errorf("lot 9 with its shares still unshared: %+v", d.Keys[0])
	}
}

func TestOwnerCard(t *testing.T) {
	r := screenResidence(t)
	c, err := r.OwnerCard("450003", exercise(t, r, 2025), ledger.Date(2025, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	if c.Owner.Name != "Martin Anaïs" || len(c.Lots) != 2 || c.Lots[0].Number != "3" || c.Lots[1].Number != "4" || !c.EverOwned {
		t.Fatalf("card = %+v", c)
	}
	if got := c.Totals["001"]; !got.Equal(decimal.NewFromInt(300)) {
		t.Errorf("general shares = %s, want 300", got)
	}
	if len(c.Keys) != 1 || c.Keys[0].Code != "001" {
		t.Errorf("keys = %+v, want only 001 (his lots have no lift shares)", c.Keys)
	}
	st := c.Statement
	if len(st.Lines) != 2 || st.Lines[0].Balance != ledger.MustAmount("300") || st.Closing != 0 {
		t.Errorf("statement = %+v, want 300 then 0", st)
	}

	err = r.Update(func(tx *ledger.Tx) error {
		if err := tx.AddOwner(&ledger.Owner{Account: "450004", Name: "Petit Léa"}); err != nil {
			return err
		}
		return tx.TransferLot("4", "450004", ledger.Date(2025, 7, 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	after, err := r.OwnerCard("450003", exercise(t, r, 2025), ledger.Date(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Lots) != 1 || !after.EverOwned {
		t.Errorf("after selling lot 4: lots %+v, ever owned %v; want lot 3 only, true", after.Lots, after.EverOwned)
	}
	buyer, err := r.OwnerCard("450004", exercise(t, r, 2025), ledger.Date(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(buyer.Lots) != 1 || !buyer.Lots[0].Since.Equal(ledger.Date(2025, 7, 1)) {
		t.Errorf("buyer lots = %+v, want lot 4 since 01/07/2025", buyer.Lots)
	}
	if _, err := r.OwnerCard("450099", exercise(t, r, 2025), ledger.Date(2025, 12, 31)); ledger.KindOf(err) != ledger.NotFound {
		t.Errorf("unknown owner: err = %v, want NotFound", err)
	}
}

func TestFormatShares(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "125": "125", "1000": "1 000", "10000.5": "10 000,5", "-1234567": "-1 234 567"} {
		if got := fr.Shares(decimal.RequireFromString(in)); got != want {
			t.Errorf("fr.Shares(%s) = %q, want %q", in, got, want)
		}
	}
}

// A syndic whose copropriété is new says so once: the dashboard stops
// asking for opening balances. The demo's books start from nothing too.
func TestDashboardStartedAfresh(t *testing.T) {
	r := screenResidence(t)
	if err := r.StartedAfresh(); err != nil {
		t.Fatal(err)
	}
	if d, err := r.Dashboard(exercise(t, r, 2025), ledger.Date(2025, 6, 30)); err != nil || d.TakeOver != "" {
		t.Errorf("after « Copropriété neuve »: take-over %q (%v), want none", d.TakeOver, err)
	}
	demo := apptest.Demo(t)
	if d, err := demo.Dashboard(exercise(t, demo, 2025), ledger.Date(2025, 6, 30)); err != nil || d.TakeOver != "" {
		t.Errorf("the demo: take-over %q (%v), want none", d.TakeOver, err)
	}
}
